//! Reading a document's fields by name: each wrong field becomes a
//! [`Problem`] named by its path (`theme.text`, `forces[3].name`), and the
//! reader goes on, so that one file gives all its problems at once and keeps
//! whatever is right. The host configuration, the directories and the saved
//! draft are read with it.

use super::Value;

/// The kinds of value a field can be required to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Flag,
    WholeNumber,
    List,
    Object,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrong {
    Missing,
    /// Another kind of value.
    NotA(Kind),
    /// Text with nothing in it.
    Empty,
    /// More characters than this.
    TooLong(usize),
    /// None of the values the field may take.
    NotAnOption,
    /// The reader's own rule, in words: "must be an https:// address".
    Rule(String),
}

impl std::fmt::Display for Wrong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Wrong::Missing => f.write_str("is missing"),
            Wrong::NotA(kind) => f.write_str(match kind {
                Kind::Text => "must be text",
                Kind::Flag => "must be true or false",
                Kind::WholeNumber => "must be a whole number",
                Kind::List => "must be a list",
                Kind::Object => "must be an object",
            }),
            Wrong::Empty => f.write_str("is empty"),
            Wrong::TooLong(max) => write!(f, "is longer than {max} characters"),
            Wrong::NotAnOption => f.write_str("is not one of the values it may take"),
            Wrong::Rule(words) => f.write_str(words),
        }
    }
}

/// A wrong field and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Empty for the document itself.
    pub path: String,
    pub wrong: Wrong,
}

/// In words for the deployer: `theme.link: must be text`.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.wrong)
        } else {
            write!(f, "{}: {}", self.path, self.wrong)
        }
    }
}

/// An object being read, at its path in the document; problems go to the
/// list it was opened with.
pub struct Fields<'v, 'p> {
    members: &'v [(String, Value)],
    path: String,
    problems: &'p mut Vec<Problem>,
}

impl<'v, 'p> Fields<'v, 'p> {
    /// `value` as an object at `path`, or a problem if it is not one.
    pub fn open(
        value: &'v Value,
        path: impl Into<String>,
        problems: &'p mut Vec<Problem>,
    ) -> Option<Fields<'v, 'p>> {
        let path = path.into();
        match value.as_object() {
            Some(members) => Some(Fields {
                members,
                path,
                problems,
            }),
            None => {
                problems.push(Problem {
                    path,
                    wrong: Wrong::NotA(Kind::Object),
                });
                None
            }
        }
    }

    /// The path of a field of this object.
    pub fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// Notes a problem with the field `name`.
    pub fn problem(&mut self, name: &str, wrong: Wrong) {
        let path = self.path_of(name);
        self.problems.push(Problem { path, wrong });
    }

    /// The members, in the order written.
    pub fn members(&self) -> &'v [(String, Value)] {
        self.members
    }

    /// The field as written, if present. The last of repeated names wins,
    /// as with [`Value::get`].
    pub fn get(&self, name: &str) -> Option<&'v Value> {
        self.members
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// Notes each member not named in `known` as `wrong`.
    pub fn others(&mut self, known: &[&str], wrong: impl Fn() -> Wrong) {
        let members = self.members;
        for (name, _) in members.iter().filter(|(n, _)| !known.contains(&n.as_str())) {
            self.problem(name, wrong());
        }
    }

    /// The field, or a problem if it is missing.
    pub fn required(&mut self, name: &str) -> Option<&'v Value> {
        let value = self.get(name);
        if value.is_none() {
            self.problem(name, Wrong::Missing);
        }
        value
    }

    /// A text field; `None` if absent, or (noted) if not text.
    pub fn text(&mut self, name: &str) -> Option<&'v str> {
        let value = self.get(name)?;
        self.as_text(name, value)
    }

    /// A text field that must be there.
    pub fn required_text(&mut self, name: &str) -> Option<&'v str> {
        let value = self.required(name)?;
        self.as_text(name, value)
    }

    /// `value`, the field `name`, as text.
    pub fn as_text(&mut self, name: &str, value: &'v Value) -> Option<&'v str> {
        let text = value.as_str();
        if text.is_none() {
            self.problem(name, Wrong::NotA(Kind::Text));
        }
        text
    }

    /// A whole number that must be there.
    pub fn required_whole_number(&mut self, name: &str) -> Option<u64> {
        let number = self.required(name)?.as_u64();
        if number.is_none() {
            self.problem(name, Wrong::NotA(Kind::WholeNumber));
        }
        number
    }

    /// A list field; `None` if absent, or (noted) if not a list.
    pub fn list(&mut self, name: &str) -> Option<&'v [Value]> {
        let list = self.get(name)?.as_array();
        if list.is_none() {
            self.problem(name, Wrong::NotA(Kind::List));
        }
        list
    }

    /// A list of text; empty if absent. A wrong item is noted by its place
    /// and left out.
    pub fn text_list(&mut self, name: &str) -> Vec<String> {
        let Some(items) = self.list(name) else {
            return Vec::new();
        };
        let mut texts = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(text) => texts.push(text.to_owned()),
                None => self.problem(&format!("{name}[{i}]"), Wrong::NotA(Kind::Text)),
            }
        }
        texts
    }

    /// An object field, to read in turn; `None` if absent, or (noted) if not
    /// an object.
    pub fn object(&mut self, name: &str) -> Option<Fields<'v, '_>> {
        let value = self.get(name)?;
        let path = self.path_of(name);
        Fields::open(value, path, self.problems)
    }

    /// The objects listed under `name`, each read by `read` at its place
    /// (`forces[3]`); `None` for an item that is not an object or that
    /// `read` refuses.
    pub fn each<T>(
        &mut self,
        name: &str,
        mut read: impl FnMut(&mut Fields<'v, '_>) -> Option<T>,
    ) -> Vec<Option<T>> {
        let Some(items) = self.list(name) else {
            return Vec::new();
        };
        let list_path = self.path_of(name);
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut entry = Fields::open(item, format!("{list_path}[{i}]"), self.problems)?;
                read(&mut entry)
            })
            .collect()
    }

    /// How many problems have been noted so far, in the whole document.
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    /// What the test document's reader got: a name, a count, tags and ids.
    type Read = (String, Option<u64>, Vec<String>, Vec<Option<String>>);

    fn read(text: &str) -> (Option<Read>, Vec<String>) {
        let value = parse(text).unwrap();
        let mut problems = Vec::new();
        let read = Fields::open(&value, "", &mut problems).map(|mut doc| {
            let name = doc.required_text("name").unwrap_or_default().to_owned();
            let count = doc.required_whole_number("count");
            let tags = doc.text_list("tags");
            let ids = doc
                .each("items", |item| item.required_text("id").map(str::to_owned))
                .into_iter()
                .collect();
            if let Some(mut inner) = doc.object("inner") {
                inner.text("note");
            }
            (name, count, tags, ids)
        });
        (read, problems.iter().map(Problem::to_string).collect())
    }

    #[test]
    fn every_wrong_field_is_named_by_its_path_and_the_rest_is_read() {
        let (read, problems) = read(
            r#"{"count": "1", "tags": ["a", 2, "c"], "items": [{"id": "x"}, 5, {"id": true}, {}],
                "inner": {"note": []}}"#,
        );
        assert_eq!(
            problems,
            [
                "name: is missing",
                "count: must be a whole number",
                "tags[1]: must be text",
                "items[1]: must be an object",
                "items[2].id: must be text",
                "items[3].id: is missing",
                "inner.note: must be text",
            ]
        );
        let (name, count, tags, ids) = read.unwrap();
        assert_eq!((name.as_str(), count), ("", None));
        assert_eq!(tags, ["a", "c"]);
        assert_eq!(ids, [Some("x".to_owned()), None, None, None]);
    }

    #[test]
    fn a_good_document_has_no_problems() {
        let (read, problems) =
            read(r#"{"name": "n", "count": 2, "tags": [], "items": [{"id": "y"}]}"#);
        assert_eq!(problems, Vec::<String>::new());
        let read = read.unwrap();
        assert_eq!((read.1, read.3), (Some(2), vec![Some("y".to_owned())]));
    }

    #[test]
    fn a_document_that_is_not_an_object_is_one_problem() {
        let (read, problems) = read("[1]");
        assert!(read.is_none());
        assert_eq!(problems, ["must be an object"]);
    }
}
