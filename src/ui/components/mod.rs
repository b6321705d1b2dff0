//! Parts that pages share: question-page forms, contact links, QR codes and
//! the quick exit.

pub mod contact;
pub mod form;
pub mod qr;
pub mod quick_exit;
