//! C2984 and C9761: a medewerker calls the klant back on a call-back task. Source:
//! `achtergronddocumentatie/artefacten/2984.md` and `9761.md`, notes §5.4, §5.5 and §6 items
//! 15 and 17.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{open_taak, sluit_taak, Antwoord, Zaak};
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, InterneTaakId, KlantcontactInput, Verwijzing};
use crate::register::{Error, Register, Transactie};

/// A call back on a task (C2984).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Terugbellen {
    /// The call-back task (`te_verwerken`).
    pub taak: Verwijzing<InterneTaakId>,
    /// The medewerker who called back.
    pub actor: Verwijzing<ActorId>,
    /// The callback as klantcontact (F2173 body), e.g. kanaal `telefoon`, inhoud the
    /// conversation.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// A new `toelichting` for the closed task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

crate::model::verhuld::verhulde_debug!(Terugbellen {
    taak,
    actor,
    klantcontact: verhuld,
    toelichting: verhuld
});

/// A call back on a task during which a zaak was started (C9761).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TerugbellenMetZaak {
    /// The call-back task (`te_verwerken`).
    pub taak: Verwijzing<InterneTaakId>,
    /// The medewerker who called back.
    pub actor: Verwijzing<ActorId>,
    /// The callback as klantcontact (F2173 body).
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The zaak created in the ZGW Zaken API during the call.
    pub zaak: Zaak,
    /// A new `toelichting` for the closed task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

crate::model::verhuld::verhulde_debug!(TerugbellenMetZaak {
    taak,
    actor,
    klantcontact: verhuld,
    zaak,
    toelichting: verhuld
});

fn bel(
    tx: &mut Transactie<'_>,
    taak: &Verwijzing<InterneTaakId>,
    antwoord: Antwoord<'_>,
    toelichting: Option<&str>,
) -> Result<Uitkomst, Error> {
    let t = open_taak(tx, taak)?;
    let mut v = Verzameling::default();
    antwoord.registreer(tx, t.aanleidinggevend_klantcontact.uuid, &mut v)?;
    sluit_taak(tx, t.uuid, toelichting, &mut v)?;
    v.uitkomst(tx)
}

fn zonder_zaak(tx: &mut Transactie<'_>, invoer: &Terugbellen) -> Result<Uitkomst, Error> {
    let antwoord = Antwoord {
        pad: "",
        actor: &invoer.actor,
        klantcontact: &invoer.klantcontact,
        bijlagen: &[],
        zaak: None,
    };
    bel(tx, &invoer.taak, antwoord, invoer.toelichting.as_deref())
}

fn met_zaak(tx: &mut Transactie<'_>, invoer: &TerugbellenMetZaak) -> Result<Uitkomst, Error> {
    let antwoord = Antwoord {
        pad: "",
        actor: &invoer.actor,
        klantcontact: &invoer.klantcontact,
        bijlagen: &[],
        zaak: Some(&invoer.zaak),
    };
    bel(tx, &invoer.taak, antwoord, invoer.toelichting.as_deref())
}

workflow! {
    /// C2984 "Medewerker belt op verzoek van KCC klant terug" (artefact 2984, notes §5.4): the
    /// task becomes `verwerkt` (F5241; the register stamps `afgehandeldOp`), and the call
    /// itself is registered as a new klantcontact (decision 8; implied by basisterminologie
    /// "Opvolging", §6 item 17): actor = the calling medewerker, a copy of the question's
    /// first betrokkene with `initiator` false, and an onderwerpobject `wasKlantcontact` → the
    /// question. A task that is already `verwerkt` is refused.
    bel_terug(Terugbellen) => zonder_zaak;
}

workflow! {
    /// C9761 "Medewerker belt op verzoek van KCC klant terug. Tijdens het gesprek blijkt dat
    /// dingen uitgezocht moeten worden. Hiervoor wordt een zaak aangemaakt" (artefact 9761,
    /// notes §5.5): as [`bel_terug`], and the zaak (created in ZGW) is recorded as a second
    /// onderwerpobject of the callback klantcontact (decision 7; the model has no task–zaak
    /// link, IT-12).
    bel_terug_met_zaak(TerugbellenMetZaak) => met_zaak;
}
