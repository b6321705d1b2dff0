pub mod imei;
pub mod label;
pub mod make;
pub mod tac;
