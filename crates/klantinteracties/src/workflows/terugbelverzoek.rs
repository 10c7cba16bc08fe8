//! C9167: a question that cannot be answered directly becomes a call-back request. Source:
//! the seed `C9167-terugbelverzoek.md` (20-11-2023, newer than artefact 9167), notes §5.3.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{Contact, Taak};
use super::klant::Klant;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, KlantcontactInput, Verwijzing};
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::WORKFLOW_TERUGBELVERZOEK_CONTACTGEGEVENS;

/// The gevraagde handeling of C9167 when the input names none.
pub const TERUGBELLEN: &str = "Terugbellen";

/// A call-back request (C9167).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Terugbelverzoek {
    /// The klantcontact with the question (F2173 body).
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The KCC medewerker.
    pub actor: Verwijzing<ActorId>,
    /// Who the klant is: `ongekend` (A), `gekend` (B) or `nieuw` (C).
    pub klant: Klant,
    /// The call-back task for the afdeling or colleague (`gevraagdeHandeling` defaults to
    /// "Terugbellen").
    pub taak: Taak,
}

crate::model::verhuld::verhulde_debug!(Terugbelverzoek {
    klantcontact: verhuld,
    actor,
    klant,
    taak
});

fn uitvoeren(tx: &mut Transactie<'_>, invoer: &Terugbelverzoek) -> Result<Uitkomst, Error> {
    invoer.klant.eis(
        &["ongekend", "gekend", "nieuw"],
        "om terug te bellen zijn contactgegevens of een partij nodig (C9167 §3).",
        &WORKFLOW_TERUGBELVERZOEK_CONTACTGEGEVENS,
    )?;
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor);
    contact
        .taken
        .push((invoer.taak.body(TERUGBELLEN, None), "taak".to_owned()));
    invoer.klant.registreer_contact(tx, contact, &mut v)?;
    v.uitkomst(tx)
}

workflow! {
    /// C9167 "Klant belt KCC met een vraag die niet direct beantwoord kan worden en maakt een
    /// terugbelverzoek" (seed `C9167-terugbelverzoek.md`, notes §5.3): klantcontact, actor,
    /// betrokkene and an interne taak (`te_verwerken`, "Terugbellen", assigned to the
    /// afdeling's organisatorische eenheid or a medewerker) in one F2173 call. Variant A
    /// (`ongekend`): the betrokkene carries contactnaam and the phone number as digitaal adres
    /// (`verstrektDoorBetrokkene`), no partij. Variant B (`gekend`): `wasPartij`, with
    /// contact details only where they deviate. Variant C (`nieuw`): the partij with its
    /// digitale adressen and identificatoren is registered first (F7554), then as B. An
    /// `anoniem` klant is refused: there is no one to call back.
    registreer_terugbelverzoek(Terugbelverzoek) => uitvoeren;
}
