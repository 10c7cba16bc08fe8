//! The information model of API 0.9.0.

mod iso;
pub mod referentielijsten;
pub mod waarden;

pub use waarden::*;
