//! Interne taak: a task within the municipality that a klantcontact led to (a
//! contactverzoek), assigned to one or more actoren.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActorId, Datumtijd, InterneTaakId, KlantcontactId, Taakstatus, Verwijzing};

/// An interne taak as the API returns it (`InterneTaak`).
///
/// `toegewezenOp` is stamped on creation; `afgehandeldOp` (the VNG documents' `verwerktOp`) is
/// stamped when the status becomes `verwerkt` and cleared when it returns to `te_verwerken`
/// (B8694 "verwerkt op"). A terugbelverzoek (C9167) is a klantcontact that led to an interne
/// taak.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InterneTaak {
    /// Unique (technical) identification.
    pub uuid: InterneTaakId,
    /// Absolute URL of this resource.
    pub url: String,
    /// DEPRECATED: taak-nummer (digits, max 10, unique).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<String>")]
    pub nummer: Option<Option<String>>,
    /// Referentienummer (digits, max 10, unique), supplied by the caller.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<String>")]
    pub referentienummer: Option<Option<String>>,
    /// Gevraagde handeling (max 200).
    pub gevraagde_handeling: String,
    /// The klantcontact that gave rise to the task.
    pub aanleidinggevend_klantcontact: Verwijzing<KlantcontactId>,
    /// DEPRECATED: the single actor the task was assigned to.
    #[serde(default)]
    #[schemars(with = "Verwijzing<ActorId>")]
    pub toegewezen_aan_actor: Option<Verwijzing<ActorId>>,
    /// The actoren the task is assigned to, in assignment order.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "Vec<Verwijzing<ActorId>>")]
    pub toegewezen_aan_actoren: Option<Vec<Verwijzing<ActorId>>>,
    /// Toelichting (max 1000).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub toelichting: Option<String>,
    /// Status.
    pub status: Taakstatus,
    /// When the task was assigned (read-only).
    pub toegewezen_op: Datumtijd,
    /// When the task was handled (EXPERIMENTAL).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Datumtijd>")]
    pub afgehandeld_op: Option<Option<Datumtijd>>,
}

super::verhuld::verhulde_debug!(InterneTaak {
    uuid,
    url,
    nummer,
    referentienummer,
    gevraagde_handeling: verhuld,
    aanleidinggevend_klantcontact,
    toegewezen_aan_actor,
    toegewezen_aan_actoren,
    toelichting: verhuld,
    status,
    toegewezen_op,
    afgehandeld_op
});

/// An interne taak in a create or update request.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InterneTaakInput {
    /// DEPRECATED: taak-nummer.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub nummer: Nullable<String>,
    /// Referentienummer (digits, max 10, unique).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub referentienummer: Nullable<String>,
    /// Gevraagde handeling (max 200).
    pub gevraagde_handeling: String,
    /// The klantcontact that gave rise to the task.
    pub aanleidinggevend_klantcontact: Verwijzing<KlantcontactId>,
    /// DEPRECATED: the single actor the task is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Verwijzing<ActorId>")]
    pub toegewezen_aan_actor: Option<Verwijzing<ActorId>>,
    /// The actoren the task is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Verwijzing<ActorId>>")]
    pub toegewezen_aan_actoren: Option<Vec<Verwijzing<ActorId>>>,
    /// Toelichting (max 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub toelichting: Option<String>,
    /// Status.
    pub status: Taakstatus,
    /// When the task was handled.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub afgehandeld_op: Nullable<Datumtijd>,
}

super::verhuld::verhulde_debug!(InterneTaakInput {
    nummer,
    referentienummer,
    gevraagde_handeling: verhuld,
    aanleidinggevend_klantcontact,
    toegewezen_aan_actor,
    toegewezen_aan_actoren,
    toelichting: verhuld,
    status,
    afgehandeld_op
});
