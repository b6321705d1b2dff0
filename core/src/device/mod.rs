pub mod code128;
pub mod imei;
pub mod label;
pub mod make;
pub mod scan;
pub mod tac;
