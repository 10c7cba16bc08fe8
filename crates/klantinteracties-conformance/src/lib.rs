//! The conformance suite of the Klantinteracties standard: every documented case (C-code) and
//! every catalogued rule as a language-neutral scenario file, a runner that plays them against
//! a target, and reports.

pub mod format;
