//! A rule and the profiles that enforce it: the base every layer reports against. A rule is
//! a typed value (`pub const VELD_MAX_LENGTE: Rule`), defined in the layer that reports it
//! (`model::regels`, `rules::catalogue`, `register::regels`, `workflows::regels`) and named
//! where its violation is made, so a violation cannot name a rule that is not catalogued;
//! `catalogus` puts them together. Profiles (architecture section 3) say which rules apply.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The set of rules a document is checked against.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Every rule of the standard and every rule Open Klant enforces (the default).
    #[default]
    Standaard,
    /// Exactly what Open Klant 2.18 enforces, to compare with the incumbent and import its
    /// data.
    OpenKlant,
}

impl Profile {
    /// Both profiles.
    pub const ALL: &'static [Profile] = &[Profile::Standaard, Profile::OpenKlant];

    /// The name used on the command line and in files: `standaard` or `open-klant`.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Standaard => "standaard",
            Profile::OpenKlant => "open-klant",
        }
    }

    /// True for the `standaard` profile.
    pub fn is_standaard(self) -> bool {
        self == Profile::Standaard
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Profile {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "standaard" => Ok(Profile::Standaard),
            "open-klant" => Ok(Profile::OpenKlant),
            other => Err(format!(
                "unknown profile `{other}`: expected `standaard` or `open-klant`"
            )),
        }
    }
}

/// One rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable id, reported as `rule` in every violation.
    pub id: &'static str,
    /// What the rule demands, in one line.
    pub description: &'static str,
    /// Where it comes from: API 0.9.0, a VNG document code and section, an Open Klant rule.
    pub source: &'static str,
    /// The profiles that enforce it.
    pub profiles: &'static [Profile],
    /// The `code`s its violations carry.
    pub codes: &'static [&'static str],
}

/// Declares rules as `pub const`s, two lines each: the constant's name, then the id, the
/// profiles, the codes, the source and the description, which also becomes the constant's
/// documentation.
///
/// ```ignore
/// regels! {
///     VELD_MAX_LENGTE: "veld.max-lengte", BOTH, ["max_length"], "API 0.9.0 (maxLength)",
///         "A text is not longer than its maxLength.";
/// }
/// ```
macro_rules! regels {
    ($( $naam:ident: $id:literal, $profiles:expr, [$($code:literal),*], $source:literal, $description:literal; )+) => {
        $(
            #[doc = $description]
            pub const $naam: $crate::regel::Rule = $crate::regel::Rule {
                id: $id,
                description: $description,
                source: $source,
                profiles: $profiles,
                codes: &[$($code),*],
            };
        )+
    };
}
pub(crate) use regels;
