//! Profiles: which rules apply (architecture section 3).

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
