pub mod imei;
pub mod tac;
