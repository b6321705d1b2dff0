pub mod imei;
pub mod make;
pub mod tac;
