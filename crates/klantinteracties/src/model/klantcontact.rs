//! Klantcontact: one contact between the municipality and a klant (F2173 registreer
//! klantcontact).

use super::nullable::Nullable;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Actor, Betrokkene, BetrokkeneId, Bijlage, BijlageId, Datumtijd, InterneTaak, InterneTaakId,
    Kanaal, KlantcontactId, Onderwerpobject, OnderwerpobjectId, OpenCode, Taalcode, Verwijzing,
};

/// A klantcontact as the API returns it (`Klantcontact`, `ExpandKlantcontact`).
///
/// F2173: a klantcontact cannot functionally exist without at least one betrokkene and one
/// actor; that is a register rule (atomic registration), not a shape rule.
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Klantcontact {
    /// Unique (technical) identification.
    pub uuid: KlantcontactId,
    /// Absolute URL of this resource.
    pub url: String,
    /// Onderwerpobjecten the contact was about (read-only).
    pub ging_over_onderwerpobjecten: Vec<Verwijzing<OnderwerpobjectId>>,
    /// Actoren involved in the contact, in full (read-only).
    pub had_betrokken_actoren: Vec<Actor>,
    /// Bijlagen of the contact (read-only).
    pub omvatte_bijlagen: Vec<Verwijzing<BijlageId>>,
    /// Betrokkenen bij the contact (read-only).
    pub had_betrokkenen: Vec<Verwijzing<BetrokkeneId>>,
    /// Interne taken the contact led to (read-only).
    pub leidde_tot_interne_taken: Vec<Verwijzing<InterneTaakId>>,
    /// DEPRECATED: klantcontact-nummer (digits, max 10, unique).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<String>")]
    pub nummer: Option<Option<String>>,
    /// Referentienummer (digits, max 10, unique), supplied by the caller.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<String>")]
    pub referentienummer: Option<Option<String>>,
    /// Kanaal (the VNG documents' `codeKanaal`, max 50); an open code list.
    pub kanaal: OpenCode<Kanaal>,
    /// Onderwerp (max 200).
    pub onderwerp: String,
    /// Inhoud (max 1000).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub inhoud: Option<String>,
    /// Reactie of the municipality (max 4000).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub reactie: Option<String>,
    /// Whether contact was made.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<bool>")]
    pub indicatie_contact_gelukt: Option<Option<bool>>,
    /// Hoofd-onderwerp type: URL of the main subject's type (max 200, may be `""`).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub hoofd_onderwerp_type: Option<String>,
    /// Whether further action was taken (not together with `indicatieContactGelukt` true).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "bool")]
    pub verdere_actie_ondernomen: Option<bool>,
    /// Taal (the VNG documents' `codeTaal`, max 3; see [`Klantcontact::taalcode`]).
    pub taal: String,
    /// Vertrouwelijk.
    pub vertrouwelijk: bool,
    /// When the contact took place (defaults to the registration time).
    #[serde(default)]
    #[schemars(with = "Datumtijd")]
    pub plaatsgevonden_op: Option<Datumtijd>,
    /// Generic key/value metadata (values max 255); `{}` when unset, keys in the order
    /// Open Klant reads them back ([`super::leeg::metadata`]).
    #[serde(default, with = "super::leeg::metadata")]
    #[schemars(with = "BTreeMap<String, String>")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Linked resources requested with the `expand` query parameter.
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "KlantcontactExpand")]
    pub expand: Option<KlantcontactExpand>,
}

super::verhuld::verhulde_debug!(Klantcontact {
    uuid,
    url,
    ging_over_onderwerpobjecten,
    had_betrokken_actoren,
    omvatte_bijlagen,
    had_betrokkenen,
    leidde_tot_interne_taken,
    nummer,
    referentienummer,
    kanaal,
    onderwerp: verhuld,
    inhoud: verhuld,
    reactie: verhuld,
    indicatie_contact_gelukt,
    hoofd_onderwerp_type,
    verdere_actie_ondernomen,
    taal,
    vertrouwelijk,
    plaatsgevonden_op,
    metadata: verhuld,
    expand
});

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

/// A klantcontact in a create or update request (F2173 registreer klantcontact).
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KlantcontactInput {
    /// DEPRECATED: klantcontact-nummer.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub nummer: Nullable<String>,
    /// Referentienummer (digits, max 10, unique).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub referentienummer: Nullable<String>,
    /// Kanaal; an open code list.
    pub kanaal: OpenCode<Kanaal>,
    /// Onderwerp (max 200).
    pub onderwerp: String,
    /// Inhoud (max 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub inhoud: Option<String>,
    /// Reactie (max 4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub reactie: Option<String>,
    /// Whether contact was made.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub indicatie_contact_gelukt: Nullable<bool>,
    /// Hoofd-onderwerp type URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub hoofd_onderwerp_type: Option<String>,
    /// Whether further action was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "bool")]
    pub verdere_actie_ondernomen: Option<bool>,
    /// Taal (max 3).
    pub taal: String,
    /// Vertrouwelijk.
    pub vertrouwelijk: bool,
    /// When the contact took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Datumtijd")]
    pub plaatsgevonden_op: Option<Datumtijd>,
    /// Generic key/value metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "BTreeMap<String, String>")]
    pub metadata: Option<BTreeMap<String, String>>,
}

super::verhuld::verhulde_debug!(KlantcontactInput {
    nummer,
    referentienummer,
    kanaal,
    onderwerp: verhuld,
    inhoud: verhuld,
    reactie: verhuld,
    indicatie_contact_gelukt,
    hoofd_onderwerp_type,
    verdere_actie_ondernomen,
    taal,
    vertrouwelijk,
    plaatsgevonden_op,
    metadata: verhuld
});

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
