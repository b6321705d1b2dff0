//! What the IMEI pages say: where to look for the number, by make, and what
//! the live check under an IMEI field says and offers for what was typed.
//! The UI words each `Words` from the catalogue and makes each offer a
//! button; it decides nothing.

use super::answers::Field;
use crate::device::imei::{Change, Found, Imei, PairCheck, Reading, Tac, check_pair};
use crate::device::make::{Make, makes_disagree};
use crate::i18n::Msg;

// ---------------------------------------------------------------------------
// Where to look

/// A place where the IMEI may be written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Box,
    Receipt,
    Network,
    AppleAccount,
    Backup,
    Google,
    Samsung,
    Insurance,
}

/// The places worth looking, for the make the victim gave. With no make,
/// or "I don't know", every place is shown.
pub fn sources_for(make: Option<Make>) -> Vec<Source> {
    let apple = matches!(make, Some(Make::Apple | Make::DontKnow) | None);
    let android = !matches!(make, Some(Make::Apple));
    let samsung = matches!(make, Some(Make::Samsung | Make::DontKnow) | None);
    let mut sources = vec![Source::Box, Source::Receipt, Source::Network];
    if apple {
        sources.extend([Source::AppleAccount, Source::Backup]);
    }
    if samsung {
        sources.push(Source::Samsung);
    }
    if android {
        sources.push(Source::Google);
    }
    sources.push(Source::Insurance);
    sources
}

/// One place to look, in words: its title, what to do there, and the
/// makers' own pages (ids in the directories) with their link text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceWords {
    pub title: Msg,
    pub text: Msg,
    pub links: &'static [(&'static str, Msg)],
}

pub fn source_words(source: Source, make: Option<Make>) -> SourceWords {
    let (title, text, links): (Msg, Msg, &'static [(&'static str, Msg)]) = match source {
        Source::Box => (
            Msg::FindImeiBoxTitle,
            match make {
                Some(Make::Apple) => Msg::FindImeiBoxApple,
                Some(Make::Samsung) => Msg::FindImeiBoxSamsung,
                _ => Msg::FindImeiBoxOther,
            },
            &[],
        ),
        Source::Receipt => (Msg::FindImeiReceiptTitle, Msg::FindImeiReceiptText, &[]),
        Source::Network => (Msg::FindImeiNetworkTitle, Msg::FindImeiNetworkText, &[]),
        Source::AppleAccount => (
            Msg::FindImeiAppleAccountTitle,
            Msg::FindImeiAppleAccountText,
            &[
                ("apple-account-devices", Msg::FindImeiAppleAccountLink),
                ("apple-imei-help", Msg::FindImeiAppleHelpLink),
            ],
        ),
        Source::Backup => (Msg::FindImeiBackupTitle, Msg::FindImeiBackupText, &[]),
        Source::Google => (
            Msg::FindImeiGoogleTitle,
            Msg::FindImeiGoogleText,
            &[("google-find-hub", Msg::FindImeiGoogleLink)],
        ),
        Source::Samsung => (
            Msg::FindImeiSamsungTitle,
            Msg::FindImeiSamsungText,
            &[("samsung-smartthings-find", Msg::FindImeiSamsungLink)],
        ),
        Source::Insurance => (Msg::FindImeiInsuranceTitle, Msg::FindImeiInsuranceText, &[]),
    };
    SourceWords { title, text, links }
}

// ---------------------------------------------------------------------------
// The live check

/// A message to show, with what fills its placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub msg: Msg,
    /// For a message with plural forms: the count that picks the form.
    pub count: Option<u64>,
    pub args: Vec<(&'static str, Arg)>,
}

/// What fills a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A character the victim typed, shown so that even an invisible one
    /// can be seen.
    Char(char),
    /// The make, in the victim's language.
    Make(Make),
    Words(Box<Words>),
}

impl Words {
    fn of(msg: Msg) -> Words {
        Words {
            msg,
            count: None,
            args: Vec::new(),
        }
    }

    fn with(msg: Msg, args: Vec<(&'static str, Arg)>) -> Words {
        Words {
            msg,
            count: None,
            args,
        }
    }
}

fn text(value: impl ToString) -> Arg {
    Arg::Text(value.to_string())
}

/// One thing the live check says or offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Say(Words),
    Warn(Words),
    Offer { label: Words, action: Action },
}

/// What an offer button does. It is the only way the check changes a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Writes the text into the field.
    Fill(Field, String),
    /// Writes the first IMEI into IMEI 1 and the second into IMEI 2.
    Split(String, String),
}

/// What the check knows besides the typed text.
pub struct CheckContext<'a> {
    /// The field being checked.
    pub field: Field,
    pub make: Option<Make>,
    /// Whether the journey asks for a second IMEI.
    pub asks_second: bool,
    /// IMEI 1, when the field being checked is IMEI 2 and IMEI 1 is correct.
    pub first: Option<Imei>,
    /// Whether the TAC table is loaded, so that "not found" means unknown.
    pub table_ready: bool,
    /// The maker and model the TAC table names for an IMEI.
    pub model: &'a dyn Fn(&Imei) -> Option<(String, String)>,
    /// The maker the TAC table names for a TAC.
    pub maker: &'a dyn Fn(Tac) -> Option<String>,
}

/// What the live check says and offers for `text`, which `imei::examine`
/// read as `found`. Polite, and never a change to the field by itself.
pub fn check_lines(cx: &CheckContext<'_>, text: &str, found: Found) -> Vec<Line> {
    match found {
        Found::Nothing => Vec::new(),
        Found::One(reading) => reading_lines(cx, text, reading),
        Found::Two(a, b) => two_lines(cx, a, b),
        Found::TooMany { count } => vec![Line::Say(Words {
            msg: Msg::ImeiCheckTooMany,
            count: Some(count as u64),
            args: Vec::new(),
        })],
    }
}

fn reading_lines(cx: &CheckContext<'_>, typed: &str, reading: Reading) -> Vec<Line> {
    let say = |msg: Msg| Line::Say(Words::of(msg));
    let with_imei = |msg: Msg, imei: &Imei| Line::Say(Words::with(msg, vec![("imei", text(imei))]));
    match reading {
        Reading::Imei(imei) => {
            let mut lines = vec![say(Msg::ImeiCheckValid)];
            // Digits from another script, or a label pasted with the number:
            // say what we read, in 0 to 9, so the victim can compare it with
            // where they found it (the form accepts either).
            let plain = typed
                .chars()
                .all(|c| c.is_ascii_digit() || " -./\t\r\n".contains(c));
            if !plain {
                lines.push(with_imei(Msg::ImeiCheckReadAs, &imei));
                lines.push(use_offer(cx, &imei));
            }
            lines.extend(model_lines(cx, &imei));
            lines.extend(pair_lines(cx, &imei));
            lines
        }
        Reading::MissingCheckDigit { imei, .. } => {
            vec![
                with_imei(Msg::ImeiCheckMissingDigit, &imei),
                use_offer(cx, &imei),
            ]
        }
        Reading::Imeisv {
            imei,
            software_version,
        } => vec![
            Line::Say(Words::with(
                Msg::ImeiCheckImeisv,
                vec![
                    ("imei", text(imei)),
                    ("version", text(format!("{software_version:02}"))),
                ],
            )),
            use_offer(cx, &imei),
        ],
        Reading::WrongCheckDigit { corrections, .. } => {
            let mut lines = vec![say(Msg::ImeiCheckWrongDigit)];
            if !corrections.is_empty() {
                lines.push(say(Msg::ImeiCheckCorrectionsIntro));
            }
            for correction in corrections {
                let imei = correction.imei.to_string();
                lines.push(Line::Offer {
                    label: Words::with(
                        Msg::ImeiCheckUseCorrection,
                        vec![
                            ("imei", text(&imei)),
                            (
                                "change",
                                Arg::Words(Box::new(change_words(correction.change))),
                            ),
                        ],
                    ),
                    action: Action::Fill(cx.field, imei),
                });
            }
            lines
        }
        // Still typing: no error until there are 15 digits.
        Reading::TooShort { .. } => Vec::new(),
        Reading::TooLong { digits } => vec![Line::Say(Words::with(
            Msg::ImeiCheckTooLong,
            vec![("count", text(digits))],
        ))],
        Reading::NotADigit { found, looks_like } => vec![Line::Say(match looks_like {
            Some(digit) => Words::with(
                Msg::ImeiCheckLetter,
                vec![("char", Arg::Char(found)), ("digit", text(digit))],
            ),
            None => Words::with(Msg::ImeiCheckNotADigit, vec![("char", Arg::Char(found))]),
        })],
        Reading::Meid { imei, .. } => {
            let mut lines = vec![say(Msg::ImeiCheckMeid)];
            if let Some(imei) = imei {
                lines.push(with_imei(Msg::ImeiCheckMeidOffer, &imei));
                lines.push(use_offer(cx, &imei));
            }
            lines
        }
        Reading::Eid { .. } => vec![say(Msg::ImeiCheckEid)],
        Reading::Iccid { .. } => vec![say(Msg::ImeiCheckIccid)],
        Reading::PhoneNumber { .. } => vec![say(Msg::ImeiCheckPhoneNumber)],
        Reading::SerialNumber { .. } => vec![say(Msg::ImeiCheckSerial)],
        Reading::Placeholder { .. } => vec![say(Msg::ImeiCheckPlaceholder)],
        Reading::ShowImeiCode => vec![say(Msg::ImeiCheckShowCode)],
    }
}

/// A button that writes this IMEI, as plain digits, into the field.
fn use_offer(cx: &CheckContext<'_>, imei: &Imei) -> Line {
    let digits = imei.to_string();
    Line::Offer {
        label: Words::with(Msg::ImeiCheckUseDigits, vec![("imei", text(&digits))]),
        action: Action::Fill(cx.field, digits),
    }
}

fn change_words(change: Change) -> Words {
    match change {
        Change::Digit { position, from, to } => Words::with(
            Msg::ImeiCheckChangeDigit,
            vec![
                ("position", text(position)),
                ("from", text(from)),
                ("to", text(to)),
            ],
        ),
        Change::Swap { position } => Words::with(
            Msg::ImeiCheckChangeSwap,
            vec![("position", text(position)), ("next", text(position + 1))],
        ),
    }
}

/// The model, when the table is loaded; and a warning when it is not the
/// make the victim gave.
fn model_lines(cx: &CheckContext<'_>, imei: &Imei) -> Vec<Line> {
    match (cx.model)(imei) {
        Some((maker, model)) => {
            let mut lines = vec![Line::Say(Words::with(
                Msg::ImeiCheckModel,
                vec![("maker", text(&maker)), ("model", text(&model))],
            ))];
            let said = cx.make.filter(|m| {
                m.name()
                    .is_some_and(|stated| makes_disagree(stated, &maker))
            });
            if let Some(said) = said {
                lines.push(Line::Warn(Words::with(
                    Msg::ImeiCheckMakeDisagrees,
                    vec![
                        ("make", Arg::Make(said)),
                        ("maker", text(maker)),
                        ("model", text(model)),
                    ],
                )));
            }
            lines
        }
        None if cx.table_ready => vec![Line::Say(Words::of(Msg::ImeiCheckModelUnknown))],
        None => Vec::new(),
    }
}

/// IMEI 2 against IMEI 1: the same number, or numbers from different makers.
fn pair_lines(cx: &CheckContext<'_>, second: &Imei) -> Vec<Line> {
    let Some(first) = cx.first else {
        return Vec::new();
    };
    match check_pair(&first, second, |tac| (cx.maker)(tac)) {
        PairCheck::Fine => Vec::new(),
        PairCheck::Same => vec![Line::Warn(Words::of(Msg::ImeiCheckSameAsFirst))],
        PairCheck::DifferentMakers { first, second } => vec![Line::Warn(Words::with(
            Msg::ImeiCheckDifferentMakers,
            vec![("first", text(first)), ("second", text(second))],
        ))],
    }
}

/// Two numbers in one box: offer to split them when both are IMEIs.
fn two_lines(cx: &CheckContext<'_>, a: Reading, b: Reading) -> Vec<Line> {
    let mut lines = vec![Line::Say(Words::of(Msg::ImeiCheckTwo))];
    let (Some(a), Some(b)) = (a.offered_imei(), b.offered_imei()) else {
        return lines;
    };
    if cx.asks_second {
        lines.push(Line::Offer {
            label: Words::of(Msg::ImeiCheckSplit),
            action: Action::Split(a.to_string(), b.to_string()),
        });
    } else {
        lines.push(Line::Say(Words::of(Msg::ImeiCheckTwoPickOne)));
        lines.push(use_offer(cx, &a));
        lines.push(use_offer(cx, &b));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::imei::{self, examine};

    const IMEI: &str = "352099001761481";
    const OTHER: &str = "490154203237518";

    fn no_model(_: &Imei) -> Option<(String, String)> {
        None
    }

    fn no_maker(_: Tac) -> Option<String> {
        None
    }

    fn context<'a>(
        model: &'a dyn Fn(&Imei) -> Option<(String, String)>,
        maker: &'a dyn Fn(Tac) -> Option<String>,
    ) -> CheckContext<'a> {
        CheckContext {
            field: Field::Imei1,
            make: None,
            asks_second: false,
            first: None,
            table_ready: false,
            model,
            maker,
        }
    }

    fn lines(cx: &CheckContext<'_>, typed: &str) -> Vec<Line> {
        check_lines(cx, typed, examine(typed, |_| false).found)
    }

    fn msgs(lines: &[Line]) -> Vec<Msg> {
        lines
            .iter()
            .map(|line| match line {
                Line::Say(w) | Line::Warn(w) | Line::Offer { label: w, .. } => w.msg,
            })
            .collect()
    }

    fn actions(lines: &[Line]) -> Vec<Action> {
        lines
            .iter()
            .filter_map(|line| match line {
                Line::Offer { action, .. } => Some(action.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_make_is_sent_where_its_imei_is_written() {
        use Source::*;
        for (make, expected) in [
            (
                Some(Make::Apple),
                vec![Box, Receipt, Network, AppleAccount, Backup, Insurance],
            ),
            (
                Some(Make::Samsung),
                vec![Box, Receipt, Network, Samsung, Google, Insurance],
            ),
            (
                Some(Make::Google),
                vec![Box, Receipt, Network, Google, Insurance],
            ),
            (
                None,
                vec![
                    Box,
                    Receipt,
                    Network,
                    AppleAccount,
                    Backup,
                    Samsung,
                    Google,
                    Insurance,
                ],
            ),
        ] {
            assert_eq!(sources_for(make), expected, "{make:?}");
        }
        assert_eq!(
            source_words(Box, Some(Make::Apple)).text,
            Msg::FindImeiBoxApple
        );
        assert_eq!(
            source_words(Google, None).links,
            &[("google-find-hub", Msg::FindImeiGoogleLink)]
        );
    }

    #[test]
    fn a_correct_imei_typed_plainly_is_said_to_be_correct_and_nothing_is_offered() {
        let cx = context(&no_model, &no_maker);
        let said = lines(&cx, "35 209900 176148 1");
        assert_eq!(msgs(&said), [Msg::ImeiCheckValid]);
        let ready = CheckContext {
            table_ready: true,
            ..context(&no_model, &no_maker)
        };
        assert_eq!(
            msgs(&lines(&ready, IMEI)),
            [Msg::ImeiCheckValid, Msg::ImeiCheckModelUnknown]
        );
    }

    #[test]
    fn a_pasted_label_is_read_and_offered_as_plain_digits() {
        let cx = context(&no_model, &no_maker);
        let said = lines(&cx, "IMEI: 35 209900 176148 1");
        assert_eq!(
            msgs(&said),
            [
                Msg::ImeiCheckValid,
                Msg::ImeiCheckReadAs,
                Msg::ImeiCheckUseDigits
            ]
        );
        assert_eq!(actions(&said), [Action::Fill(Field::Imei1, IMEI.into())]);
    }

    #[test]
    fn a_wrong_check_digit_offers_each_correction_as_a_button() {
        let cx = context(&no_model, &no_maker);
        let said = lines(&cx, "352099001761482");
        assert_eq!(
            said.first(),
            Some(&Line::Say(Words::of(Msg::ImeiCheckWrongDigit)))
        );
        let offered = actions(&said);
        assert!(!offered.is_empty());
        for action in offered {
            let Action::Fill(Field::Imei1, digits) = action else {
                panic!("{action:?}");
            };
            assert!(imei::parse(&digits).is_ok(), "{digits}");
        }
    }

    #[test]
    fn two_imeis_in_one_box_are_split_only_when_a_second_is_asked_for() {
        let both = format!("{IMEI} {OTHER}");
        let asked = CheckContext {
            asks_second: true,
            ..context(&no_model, &no_maker)
        };
        assert_eq!(
            actions(&lines(&asked, &both)),
            [Action::Split(IMEI.into(), OTHER.into())]
        );
        let one = context(&no_model, &no_maker);
        assert_eq!(
            actions(&lines(&one, &both)),
            [
                Action::Fill(Field::Imei1, IMEI.into()),
                Action::Fill(Field::Imei1, OTHER.into())
            ]
        );
    }

    #[test]
    fn a_model_from_another_maker_than_the_make_given_is_a_warning() {
        let samsung = |_: &Imei| Some(("Samsung Electronics".to_owned(), "Galaxy".to_owned()));
        let cx = CheckContext {
            make: Some(Make::Apple),
            ..context(&samsung, &no_maker)
        };
        let said = lines(&cx, IMEI);
        assert_eq!(
            msgs(&said),
            [
                Msg::ImeiCheckValid,
                Msg::ImeiCheckModel,
                Msg::ImeiCheckMakeDisagrees
            ]
        );
        assert!(matches!(
            &said[2],
            Line::Warn(w) if w.args.contains(&("make", Arg::Make(Make::Apple)))
        ));
        let same = CheckContext {
            make: Some(Make::Samsung),
            ..context(&samsung, &no_maker)
        };
        assert_eq!(
            msgs(&lines(&same, IMEI)),
            [Msg::ImeiCheckValid, Msg::ImeiCheckModel]
        );
    }

    #[test]
    fn a_second_imei_equal_to_the_first_is_a_warning() {
        let first = imei::parse(IMEI).ok();
        let cx = CheckContext {
            field: Field::Imei2,
            first,
            ..context(&no_model, &no_maker)
        };
        assert_eq!(
            msgs(&lines(&cx, IMEI)),
            [Msg::ImeiCheckValid, Msg::ImeiCheckSameAsFirst]
        );
    }

    #[test]
    fn what_is_not_an_imei_is_named() {
        let cx = context(&no_model, &no_maker);
        assert_eq!(msgs(&lines(&cx, "*#06#")), [Msg::ImeiCheckShowCode]);
        assert_eq!(msgs(&lines(&cx, "3520990017")), Vec::<Msg>::new());
        assert_eq!(msgs(&lines(&cx, "35209900176148I")), [Msg::ImeiCheckLetter]);
    }
}
