//! What the widget fetches or merges after the first page, each once: the
//! host configuration, the directories' merge, the TAC table and the words.

pub mod directories;
pub mod host;
pub mod language;
pub mod tac;
