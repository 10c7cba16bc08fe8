//! The information model of Klantinteracties, in the shapes of API 0.9.0.

pub mod codes;
pub mod verwijzing;
pub mod waarden;

pub use codes::*;
pub use verwijzing::*;
pub use waarden::*;
