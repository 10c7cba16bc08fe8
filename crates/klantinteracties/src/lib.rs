//! The Dutch municipal **Klantinteracties** standard (VNG Realisatie, Common Ground) as an
//! embeddable library.
//!
//! The wire format is the Klantinteracties API 0.9.0 as implemented by Open Klant: the types in
//! [`model`] serialize to and deserialize from exactly the JSON documents of that API.
#![forbid(unsafe_code)]

pub mod model;
