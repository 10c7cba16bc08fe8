//! Interne taak: a task within the municipality that a klantcontact led to (a
//! contactverzoek), assigned to one or more actoren.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActorId, Datumtijd, InterneTaakId, KlantcontactId, Nullable, Taakstatus, Verwijzing};

/// An interne taak as the API returns it (`InterneTaak`), and the body of a create or update
/// request ([`InterneTaakInput`]).
///
/// `toegewezenOp` is stamped on creation; `afgehandeldOp` (the VNG documents' `verwerktOp`) is
/// stamped when the status becomes `verwerkt` and cleared when it returns to `te_verwerken`
/// (B8694 "verwerkt op"). A terugbelverzoek (C9167) is a klantcontact that led to an interne
/// taak.
#[tweeling(
    InterneTaakInput,
    doc = "An interne taak in a create or update request."
)]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InterneTaak {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: InterneTaakId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// DEPRECATED: taak-nummer (digits, max 10, unique).
    #[veld(null)]
    pub nummer: Nullable<String>,
    /// Referentienummer (digits, max 10, unique), supplied by the caller.
    #[veld(null)]
    pub referentienummer: Nullable<String>,
    /// Gevraagde handeling (max 200).
    #[veld(verhuld)]
    pub gevraagde_handeling: String,
    /// The klantcontact that gave rise to the task.
    #[veld(verwijzing)]
    pub aanleidinggevend_klantcontact: Verwijzing<KlantcontactId>,
    /// DEPRECATED: the single actor the task is assigned to (the first of
    /// `toegewezenAanActoren`).
    #[veld(optioneel, afgeleid)]
    pub toegewezen_aan_actor: Option<Verwijzing<ActorId>>,
    /// The actoren the task is assigned to, in assignment order.
    #[veld(standaard, afgeleid)]
    pub toegewezen_aan_actoren: Option<Vec<Verwijzing<ActorId>>>,
    /// Toelichting (max 1000).
    #[veld(standaard, verhuld)]
    pub toelichting: Option<String>,
    /// Status.
    pub status: Taakstatus,
    /// When the task was assigned (read-only).
    #[veld(antwoord)]
    pub toegewezen_op: Datumtijd,
    /// When the task was handled (EXPERIMENTAL).
    #[veld(null)]
    pub afgehandeld_op: Nullable<Datumtijd>,
}
