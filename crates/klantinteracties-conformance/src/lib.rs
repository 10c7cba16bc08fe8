//! The conformance suite of the Klantinteracties standard: every documented case (C-code) and
//! every catalogued rule as a language-neutral scenario file, a runner that plays them against
//! a [`Target`], and reports.
//!
//! ```no_run
//! use klantinteracties_conformance::{embedded::EmbeddedTarget, run::run, suite::Suite};
//! use klantinteracties::rules::Profile;
//!
//! let suite = Suite::load(Suite::default_root()).expect("the suite loads");
//! let mut target = EmbeddedTarget::new(Profile::Standaard);
//! let expectations = suite.expectations("embedded").expect("expectations load");
//! let report = run(&suite, &mut target, &expectations, Some("C9167*"));
//! assert!(report.passed());
//! ```

pub mod compare;
pub mod coverage;
pub mod diff;
pub mod docs;
pub mod embedded;
pub mod exchange;
pub mod format;
pub mod html;
pub mod http;
pub mod matching;
pub mod report;
pub mod run;
pub mod schema;
pub mod suite;
pub mod target;
pub mod vars;

pub use target::{Body, Call, Response, Target, TargetError};
