//! One module a page of the journey.

mod enter_imei;
mod imei_checked;
mod start;

pub use enter_imei::EnterImeiPage;
pub use imei_checked::ImeiCheckedPage;
pub use start::StartPage;
