//! C6114: a task routed to the wrong afdeling goes back to the KCC (variant A) or on to the
//! right colleague (variant B). Source: `achtergronddocumentatie/artefacten/6114.md`, notes
//! §5.12.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::gemeenschappelijk::{open_taak, registreer_taak, sluit_taak, Taak};
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{InterneTaakId, Verwijzing};
use crate::register::{Error, Register, Transactie};

/// The gevraagde handeling of C6114 variant A when the input names none.
pub const OPNIEUW_ROUTEREN: &str = "Opnieuw routeren";

/// The original task's new toelichting in variant A when the input gives none (C6114 step 2).
pub const TOELICHTING_TERUG: &str = "Deze taak kon niet worden uitgevoerd door de toegewezen \
     afdeling. Er is een nieuwe interne taak aangemaakt met het verzoek deze gevraagde \
     handeling te her-routeren.";

/// The original task's new toelichting in variant B when the input gives none (C6114 step 3).
pub const TOELICHTING_DOOR: &str = "Deze taak kon niet worden uitgevoerd door de toegewezen \
     afdeling. Er is een nieuwe interne taak aangemaakt die is toegewezen aan een collega die \
     de taak wel kan uitvoeren.";

/// Re-routing a task (C6114).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Herroutering {
    /// The task that was routed wrongly (`te_verwerken`).
    pub taak: Verwijzing<InterneTaakId>,
    /// The new task, on the same klantcontact: for variant A assigned to the KCC
    /// (`gevraagdeHandeling` defaults to "Opnieuw routeren"), for variant B to the colleague
    /// (defaults to the original's gevraagde handeling).
    pub vervolgtaak: Taak,
    /// The original task's new toelichting (defaults to the case document's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

crate::model::verhuld::verhulde_debug!(Herroutering {
    taak,
    vervolgtaak,
    toelichting: verhuld
});

fn routeer(
    tx: &mut Transactie<'_>,
    invoer: &Herroutering,
    handeling: Option<&str>,
    toelichting: &str,
) -> Result<Uitkomst, Error> {
    let t = open_taak(tx, &invoer.taak)?;
    let mut v = Verzameling::default();
    let body = invoer
        .vervolgtaak
        .body(handeling.unwrap_or(&t.gevraagde_handeling), None);
    registreer_taak(
        tx,
        body,
        t.aanleidinggevend_klantcontact.uuid,
        "vervolgtaak",
        &mut v,
    )?;
    sluit_taak(
        tx,
        t.uuid,
        Some(invoer.toelichting.as_deref().unwrap_or(toelichting)),
        &mut v,
    )?;
    v.uitkomst(tx)
}

fn terug(tx: &mut Transactie<'_>, invoer: &Herroutering) -> Result<Uitkomst, Error> {
    routeer(tx, invoer, Some(OPNIEUW_ROUTEREN), TOELICHTING_TERUG)
}

fn door(tx: &mut Transactie<'_>, invoer: &Herroutering) -> Result<Uitkomst, Error> {
    routeer(tx, invoer, None, TOELICHTING_DOOR)
}

workflow! {
    /// C6114 "Verkeerde routering vanuit KCC", variant A "Retour naar KCC" (artefact 6114 step
    /// 2, notes §5.12): a new task "Opnieuw routeren" for the KCC's organisatorische eenheid
    /// on the same `aanleidinggevendKlantcontact` (F2120) first, then the original becomes
    /// `verwerkt` with the new toelichting (F5241). The klantcontact is unchanged. A task that
    /// is already `verwerkt` is refused.
    routeer_taak_terug(Herroutering) => terug;
}

workflow! {
    /// C6114 variant B "Doorsturen naar andere collega / organisatorische-eenheid" (artefact
    /// 6114 step 3, notes §5.12): as [`routeer_taak_terug`], with the new task assigned to the
    /// colleague who can do it.
    stuur_taak_door(Herroutering) => door;
}
