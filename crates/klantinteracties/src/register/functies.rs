//! The standard's register functions (F-codes) as data: which API 0.9.0 call each one is.
//! Scenario files speak in these codes; [`Register::handle`](super::Register::handle) runs
//! them. The list, [`FUNCTIES`](super::FUNCTIES), is generated from the table of
//! collections, where each F-code is written once.

use super::request::Method;
use crate::Resource;

/// One F-function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Functie {
    /// The code, e.g. `F7554`.
    pub code: &'static str,
    /// The function's Dutch name.
    pub naam: &'static str,
    /// The call's method.
    pub method: Method,
    /// The call's collection.
    pub resource: Resource,
}

/// The function with `code`.
pub fn functie(code: &str) -> Option<&'static Functie> {
    super::FUNCTIES.iter().find(|f| f.code == code)
}
