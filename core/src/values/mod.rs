pub mod date;
pub mod phone;
pub mod postcode;
