//! The name group `contactnaam` (the VNG documents' `Persoonsnaam`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Contactnaam: the name a person wants to be addressed by during contact with the
/// municipality; it may differ from the name in the BRP (the spec's `Contactnaam`,
/// `PersoonContact` and `ContactpersoonPersoon`, which are identical). All fields optional.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Contactnaam {
    /// Voorletters (max 10).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub voorletters: Option<String>,
    /// Voornaam (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub voornaam: Option<String>,
    /// Voorvoegsel achternaam, e.g. `van der` (max 10).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub voorvoegsel_achternaam: Option<String>,
    /// Achternaam (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub achternaam: Option<String>,
}

super::verhuld::verhulde_debug!(Contactnaam {
    voorletters: verhuld,
    voornaam: verhuld,
    voorvoegsel_achternaam: verhuld,
    achternaam: verhuld
});

impl super::Nullable<Contactnaam> {
    /// The volledige naam of the contactnaam, if any (`""` when it is absent or `null`), as a
    /// response derives it.
    pub fn volledige_naam(&self) -> String {
        self.as_ref()
            .and_then(Option::as_ref)
            .map(Contactnaam::volledige_naam)
            .unwrap_or_default()
    }
}

impl Contactnaam {
    /// The volledige naam as Open Klant derives it (`get_full_name`): the non-empty values of
    /// voornaam, voorvoegsel and achternaam joined by spaces; voorletters are left out.
    pub fn volledige_naam(&self) -> String {
        [
            &self.voornaam,
            &self.voorvoegsel_achternaam,
            &self.achternaam,
        ]
        .into_iter()
        .filter_map(|d| d.as_deref())
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}
