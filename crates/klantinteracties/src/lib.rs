//! # klantinteracties
//!
//! The Dutch municipal Klantinteracties standard (VNG Realisatie, Common Ground) as an
//! embeddable library: the information model of the Klantinteracties API 0.9.0 as Rust
//! types, and every documented rule that a single document can be checked against, reported
//! in the ZGW `invalidParams` shape.
//!
//! ```
//! use klantinteracties::rules::{validate, Options, Profile};
//! use klantinteracties::Resource;
//!
//! let doc = br#"{"adres": "0800-1234", "soortDigitaalAdres": "telefoonnummer",
//!               "verstrektDoorBetrokkene": {"uuid": "2d7c1e8e-4c41-4a4e-9c1a-5a6f1c2b3d4e"}}"#;
//! let report = validate(Resource::DigitaleAdressen, doc, Options::input(Profile::Standaard));
//! assert_eq!(report.violations[0].name, "adres");
//! assert_eq!(report.violations[0].code, "invalid");
//! ```
#![forbid(unsafe_code)]

pub mod catalogus;
pub mod model;
pub mod progress;
pub mod regel;
pub mod register;
pub mod resource;
pub mod rules;
pub mod schema;
pub mod synthetic;
pub mod workflows;

pub use resource::Resource;

/// The version of the Klantinteracties API whose documents and calls this library models.
pub const API_VERSION: &str = "0.9.0";
