//! Reports about public space by phone, with a new zaak (C4390) or an existing one (C0359).
//! Source: `achtergronddocumentatie/artefacten/4390.md` and `0359.md`, notes §5.9, §5.10 and
//! §6 item 15.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{Contact, Zaak};
use super::klant::Klant;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, KlantcontactInput, Verwijzing};
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::WORKFLOW_MELDING_ONGEKEND;

/// A melding openbare ruimte (C4390, C0359).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeldingOpenbareRuimte {
    /// The klantcontact (F2173 body): onderwerp and inhoud the melding.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The KCC medewerker.
    pub actor: Verwijzing<ActorId>,
    /// The melder: `anoniem` or `ongekend` (the contact details that matter are in the zaak).
    pub klant: Klant,
    /// The zaak the melding belongs to.
    pub zaak: Zaak,
}

crate::model::verhuld::verhulde_debug!(MeldingOpenbareRuimte {
    klantcontact: verhuld,
    actor,
    klant,
    zaak
});

fn meld(tx: &mut Transactie<'_>, invoer: &MeldingOpenbareRuimte) -> Result<Uitkomst, Error> {
    invoer.klant.eis(
        &["anoniem", "ongekend"],
        "de melder is een ongekende klant; de contactgegevens voor de terugmelding staan bij \
         de zaak (C4390 §2).",
        &WORKFLOW_MELDING_ONGEKEND,
    )?;
    let mut v = Verzameling::default();
    let contact =
        Contact::nieuw(&invoer.klantcontact, &invoer.actor).met_zaak(&invoer.zaak, "zaak")?;
    invoer.klant.registreer_contact(tx, contact, &mut v)?;
    v.uitkomst(tx)
}

workflow! {
    /// C4390 "Klant belt KCC met melding openbare ruimte. Hiervoor wordt direct een zaak
    /// aangemaakt" (artefact 4390, notes §5.9): after the zaak was created in ZGW, klantcontact,
    /// actor, betrokkene (klant, initiator, no partij) and an onderwerpobject naming the zaak
    /// (decision 7) in one F2173 call; no interne taak.
    meld_openbare_ruimte_met_nieuwe_zaak(MeldingOpenbareRuimte) => meld;
}

workflow! {
    /// C0359 "Klant belt KCC met melding openbare ruimte. Hiervoor bestaat reeds een zaak"
    /// (artefact 0359, notes §5.10): as C4390 with the running zaak as onderwerpobject (OB-03).
    /// The artefact's "afmelden van de interne taak" is a copy from C9761: this case has no
    /// task. The ongekende klant's contact is registered although the follow-up runs via the
    /// zaak (decisions.md).
    meld_openbare_ruimte_bij_bestaande_zaak(MeldingOpenbareRuimte) => meld;
}
