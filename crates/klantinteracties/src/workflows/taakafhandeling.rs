//! Handling a task: creating the zaak it asks for (C2716) or answering the question it
//! carries (C9708). Source: `achtergronddocumentatie/artefacten/2716.md` and `9708.md`, notes
//! §5.13, §5.14 and §6 items 15–17.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{
    open_taak, registreer_taak, sluit_taak, verwijzing, Antwoord, Taak, Zaak,
};
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{
    ActorId, BijlageInput, InterneTaak, InterneTaakId, KlantcontactInput, OnderwerpobjectInput,
    Verwijzing,
};
use crate::register::{Error, Register, Transactie};

/// The gevraagde handeling of a follow-up task when the input names none (C9708 variant B).
pub const OPVOLGEN: &str = "Opvolgen klantcontact";

/// The answer sent to the klant, registered as a klantcontact (C9708 §4).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Antwoordcontact {
    /// The medewerker who answered.
    pub actor: Verwijzing<ActorId>,
    /// The answer klantcontact (F2173 body): inhoud the answer, kanaal the one chosen (IT-10).
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// E.g. the reply e-mail as informatieobject (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
}

crate::model::verhuld::verhulde_debug!(Antwoordcontact {
    actor,
    klantcontact: verhuld,
    bijlagen: verhuld
});

/// A zaak created from a task (C2716).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ZaakBijTaak {
    /// The task asking for a zaak (`te_verwerken`).
    pub taak: Verwijzing<InterneTaakId>,
    /// The zaak created in the ZGW Zaken API.
    pub zaak: Zaak,
    /// An answer to the klant, if one was sent (as C9708).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antwoord: Option<Antwoordcontact>,
    /// A follow-up task on the same klantcontact (`gevraagdeHandeling` defaults to "Opvolgen
    /// klantcontact").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vervolgtaak: Option<Taak>,
    /// The closed task's new toelichting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

crate::model::verhuld::verhulde_debug!(ZaakBijTaak {
    taak,
    zaak,
    antwoord,
    vervolgtaak,
    toelichting: verhuld
});

/// An answer to the question of a task (C9708).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaakAntwoord {
    /// The task carrying the question (`te_verwerken`).
    pub taak: Verwijzing<InterneTaakId>,
    /// The medewerker who answered.
    pub actor: Verwijzing<ActorId>,
    /// The answer klantcontact (F2173 body): inhoud the answer.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// E.g. the reply e-mail as informatieobject (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// A follow-up task when the answer is not the end (variant B; `gevraagdeHandeling`
    /// defaults to "Opvolgen klantcontact").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vervolgtaak: Option<Taak>,
    /// The closed task's new toelichting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
}

crate::model::verhuld::verhulde_debug!(TaakAntwoord {
    taak,
    actor,
    klantcontact: verhuld,
    bijlagen: verhuld,
    vervolgtaak,
    toelichting: verhuld
});

/// The common end of C2716 and C9708: the answer (if any), the task closed, the follow-up
/// task (if any) on the question's klantcontact.
fn handel_af(
    tx: &mut Transactie<'_>,
    t: &InterneTaak,
    antwoord: Option<Antwoord<'_>>,
    vervolgtaak: Option<&Taak>,
    toelichting: Option<&str>,
    v: &mut Verzameling,
) -> Result<(), Error> {
    let vraag = t.aanleidinggevend_klantcontact.uuid;
    if let Some(a) = antwoord {
        a.registreer(tx, vraag, v)?;
    }
    sluit_taak(tx, t.uuid, toelichting, v)?;
    if let Some(vt) = vervolgtaak {
        registreer_taak(tx, vt.body(OPVOLGEN, None), vraag, "vervolgtaak", v)?;
    }
    Ok(())
}

fn zaak_bij_taak(tx: &mut Transactie<'_>, invoer: &ZaakBijTaak) -> Result<Uitkomst, Error> {
    let t = open_taak(tx, &invoer.taak)?;
    let mut v = Verzameling::default();
    let mut body = invoer.zaak.onderwerpobject("zaak")?;
    body["klantcontact"] = verwijzing(t.aanleidinggevend_klantcontact.uuid);
    let o = tx.registreer::<OnderwerpobjectInput>(body, "zaak.")?;
    v.onderwerpobjecten.push(o.uuid);
    let antwoord = invoer.antwoord.as_ref().map(|a| Antwoord {
        pad: "antwoord.",
        actor: &a.actor,
        klantcontact: &a.klantcontact,
        bijlagen: &a.bijlagen,
        zaak: None,
    });
    handel_af(
        tx,
        &t,
        antwoord,
        invoer.vervolgtaak.as_ref(),
        invoer.toelichting.as_deref(),
        &mut v,
    )?;
    v.uitkomst(tx)
}

fn beantwoord(tx: &mut Transactie<'_>, invoer: &TaakAntwoord) -> Result<Uitkomst, Error> {
    let t = open_taak(tx, &invoer.taak)?;
    let mut v = Verzameling::default();
    let antwoord = Antwoord {
        pad: "",
        actor: &invoer.actor,
        klantcontact: &invoer.klantcontact,
        bijlagen: &invoer.bijlagen,
        zaak: None,
    };
    handel_af(
        tx,
        &t,
        Some(antwoord),
        invoer.vervolgtaak.as_ref(),
        invoer.toelichting.as_deref(),
        &mut v,
    )?;
    v.uitkomst(tx)
}

workflow! {
    /// C2716 "Medewerker maakt een zaak aan naar aanleiding van een interne taak" (artefact
    /// 2716, notes §5.13). The zaak itself is created in ZGW (the artefact never describes
    /// it); here it is recorded as onderwerpobject of the task's klantcontact (decision 7),
    /// and the task becomes `verwerkt`. Optionally an answer klantcontact as in C9708 and a
    /// follow-up task on the same klantcontact ("Indien de opvolging niet door het KCC kan
    /// worden verzorgd").
    maak_zaak_bij_taak(ZaakBijTaak) => zaak_bij_taak;
}

workflow! {
    /// C9708 "Medewerker beantwoordt een vraag naar aanleiding van een interne taak" (artefact
    /// 9708, notes §5.14): the answer klantcontact (inhoud the answer, actor the medewerker, a
    /// copy of the question's first betrokkene with `initiator` false, an onderwerpobject
    /// `wasKlantcontact` → the question, optional bijlagen such as the reply e-mail), the task
    /// `verwerkt`, and optionally a follow-up task (variant B).
    beantwoord_taak(TaakAntwoord) => beantwoord;
}
