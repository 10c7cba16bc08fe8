//! Klantcontact: one contact between the municipality and a klant (F2173 registreer
//! klantcontact).

use std::collections::BTreeMap;

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Actor, Betrokkene, BetrokkeneId, Bijlage, BijlageId, Datumtijd, InterneTaak, InterneTaakId,
    Kanaal, KlantcontactId, Nullable, Onderwerpobject, OnderwerpobjectId, OpenCode, Taalcode,
    Verwijzing,
};

/// A klantcontact as the API returns it (`Klantcontact`, `ExpandKlantcontact`), and the body
/// of a create or update request ([`KlantcontactInput`]).
///
/// F2173: a klantcontact cannot functionally exist without at least one betrokkene and one
/// actor; that is a register rule (atomic registration), not a shape rule.
#[tweeling(
    KlantcontactInput,
    doc = "A klantcontact in a create or update request (F2173 registreer klantcontact)."
)]
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Klantcontact {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: KlantcontactId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// Onderwerpobjecten the contact was about (read-only).
    #[veld(antwoord)]
    pub ging_over_onderwerpobjecten: Vec<Verwijzing<OnderwerpobjectId>>,
    /// Actoren involved in the contact, in full (read-only).
    #[veld(antwoord)]
    pub had_betrokken_actoren: Vec<Actor>,
    /// Bijlagen of the contact (read-only).
    #[veld(antwoord)]
    pub omvatte_bijlagen: Vec<Verwijzing<BijlageId>>,
    /// Betrokkenen bij the contact (read-only).
    #[veld(antwoord)]
    pub had_betrokkenen: Vec<Verwijzing<BetrokkeneId>>,
    /// Interne taken the contact led to (read-only).
    #[veld(antwoord)]
    pub leidde_tot_interne_taken: Vec<Verwijzing<InterneTaakId>>,
    /// DEPRECATED: klantcontact-nummer (digits, max 10, unique).
    #[veld(null)]
    pub nummer: Nullable<String>,
    /// Referentienummer (digits, max 10, unique), supplied by the caller.
    #[veld(null)]
    pub referentienummer: Nullable<String>,
    /// Kanaal (the VNG documents' `codeKanaal`, max 50); an open code list.
    pub kanaal: OpenCode<Kanaal>,
    /// Onderwerp (max 200).
    #[veld(verhuld)]
    pub onderwerp: String,
    /// Inhoud (max 1000).
    #[veld(standaard, verhuld)]
    pub inhoud: Option<String>,
    /// Reactie of the municipality (max 4000).
    #[veld(standaard, verhuld)]
    pub reactie: Option<String>,
    /// Whether contact was made.
    #[veld(null)]
    pub indicatie_contact_gelukt: Nullable<bool>,
    /// Hoofd-onderwerp type: URL of the main subject's type (max 200, may be `""`).
    #[veld(standaard)]
    pub hoofd_onderwerp_type: Option<String>,
    /// Whether further action was taken (not together with `indicatieContactGelukt` true).
    #[veld(standaard)]
    pub verdere_actie_ondernomen: Option<bool>,
    /// Taal (the VNG documents' `codeTaal`, max 3; see [`Klantcontact::taalcode`]).
    pub taal: String,
    /// Vertrouwelijk.
    pub vertrouwelijk: bool,
    /// When the contact took place (defaults to the registration time).
    #[veld(optioneel)]
    pub plaatsgevonden_op: Option<Datumtijd>,
    /// Generic key/value metadata (values max 255); `{}` when unset, keys in the order
    /// Open Klant reads them back from PostgreSQL (shorter keys first).
    #[veld(metadata, verhuld)]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Linked resources requested with the `expand` query parameter.
    #[veld(antwoord)]
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "KlantcontactExpand")]
    pub expand: Option<KlantcontactExpand>,
}

/// `_expand` of a klantcontact (`ExpandKlantcontact`): the relations asked for, in the order of
/// the klantcontact's properties (as Open Klant renders them).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KlantcontactExpand {
    /// Onderwerpobjecten the contact was about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Onderwerpobject>")]
    pub ging_over_onderwerpobjecten: Option<Vec<Onderwerpobject>>,
    /// Bijlagen of the contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Bijlage>")]
    pub omvatte_bijlagen: Option<Vec<Bijlage>>,
    /// Betrokkenen bij the contact (each with its `wasPartij` and `digitaleAdressen` when
    /// `hadBetrokkenen.wasPartij` and `hadBetrokkenen.digitaleAdressen` are asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Betrokkene>")]
    pub had_betrokkenen: Option<Vec<Betrokkene>>,
    /// Interne taken the contact led to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<InterneTaak>")]
    pub leidde_tot_interne_taken: Option<Vec<InterneTaak>>,
}

impl Klantcontact {
    /// The taal as a language code, if valid.
    pub fn taalcode(&self) -> Option<Taalcode> {
        super::partij::taalcode(Some(&self.taal))
    }
}

impl KlantcontactInput {
    /// The taal as a language code, if valid.
    pub fn taalcode(&self) -> Option<Taalcode> {
        super::partij::taalcode(Some(&self.taal))
    }
}
