pub mod config;
pub mod link;
