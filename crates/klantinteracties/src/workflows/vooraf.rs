//! C3155 "Vooraf uitgevraagde informatie opslaan": a case the index (`cases.md`) names without
//! a document, derived here.
//!
//! Before a person takes over, a voice menu, chat bot or e-form asks the klant what the
//! contact is about. What it asked and what the klant answered is stored as a klantcontact of
//! the geautomatiseerde actor (F2173; actor kinds AC-01), the klant as betrokkene with the
//! contact details given (BK-01 … BK-04), the form data as bijlage (F1975), as C9853 stores an
//! app conversation. The person who then takes over registers a klantcontact of their own that
//! refers to the earlier one (an onderwerpobject with `wasKlantcontact`, F9322), as C9708 does
//! for an answer; the klant's betrokkene is copied, still the initiator.
//!
//! What is left behind when it goes wrong (decision in `docs/decisions.md`):
//! - **abandoned** (`afloop: afgebroken`, the klant left before a person took over): nothing.
//!   No follow-up was promised, and the uitgangspunt "We vragen niet meer klantgegevens uit dan
//!   nodig" (with KC-11) says that what was asked is not kept for its own sake.
//! - **rejected** (the register or a workflow rule refuses the input): nothing; each workflow
//!   is one transaction.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::gemeenschappelijk::{kopie_betrokkene, verwijzing, Contact, Taak};
use super::invoer::REGEL;
use super::klant::Klant;
use super::taakafhandeling::OPVOLGEN;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{
    Actor, ActorId, BijlageInput, KlantcontactId, KlantcontactInput, SoortActor, Verwijzing,
};
use crate::regel::Rule;
use crate::register::regels::REGISTER_VERWIJZING;
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::{
    WORKFLOW_VOORAF_GEAUTOMATISEERDE_ACTOR, WORKFLOW_VOORAF_OVERNAME_DOOR_MEDEWERKER,
};

/// The rule of the pre-intake's actor: a geautomatiseerde actor.
const GEAUTOMATISEERD: &Rule = &WORKFLOW_VOORAF_GEAUTOMATISEERDE_ACTOR;
/// The rule of the takeover's actor: a medewerker.
const OVERNAME: &Rule = &WORKFLOW_VOORAF_OVERNAME_DOOR_MEDEWERKER;

/// Information asked beforehand by a voice menu, chat bot or e-form (C3155, derived).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VoorafUitgevraagd {
    /// The pre-intake's klantcontact (F2173 body): kanaal (`telefoon` for a voice menu,
    /// `chat`, `formulier`, …), onderwerp the subject chosen, plaatsgevondenOp. The questions
    /// and answers are added to its `inhoud`.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The geautomatiseerde actor that asked (AC-01).
    pub actor: Verwijzing<ActorId>,
    /// What was asked and answered, in order.
    #[serde(default)]
    pub vragen: Vec<Vraag>,
    /// The klant: `anoniem` (default), `ongekend` with the contact details given, `gekend` or
    /// `nieuw` when the channel authenticated (an e-form behind DigiD).
    #[serde(default)]
    pub klant: Klant,
    /// Form data or a chat transcript as informatieobject (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// How the pre-intake ended: handed to a person (default) or abandoned by the klant.
    #[serde(default)]
    pub afloop: Afloop,
}

crate::model::verhuld::verhulde_debug!(VoorafUitgevraagd {
    klantcontact: verhuld,
    actor,
    vragen,
    klant,
    bijlagen: verhuld,
    afloop
});

/// One question of a pre-intake and the klant's answer.
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Vraag {
    /// What was asked ("Waar gaat uw vraag over?").
    pub vraag: String,
    /// What the klant answered.
    pub antwoord: String,
}

crate::model::verhuld::verhulde_debug!(Vraag {
    vraag,
    antwoord: verhuld
});

/// How a pre-intake ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Afloop {
    /// A person takes over: the pre-intake is stored.
    #[default]
    Overgedragen,
    /// The klant left before a person took over: nothing is stored.
    Afgebroken,
}

/// The person who takes over after a pre-intake (C3155, derived).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Overname {
    /// The pre-intake's klantcontact (from `sla_vooraf_uitgevraagde_informatie_op`).
    pub vooraf: Verwijzing<KlantcontactId>,
    /// The medewerker who takes over.
    pub actor: Verwijzing<ActorId>,
    /// The medewerker's klantcontact (F2173 body).
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// Bijlagen of the medewerker's contact (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// A task, when the conversation needs follow-up (`gevraagdeHandeling` defaults to
    /// "Opvolgen klantcontact").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taak: Option<Taak>,
}

crate::model::verhuld::verhulde_debug!(Overname {
    vooraf,
    actor,
    klantcontact: verhuld,
    bijlagen: verhuld,
    taak
});

/// The actor at `pad`, which must exist and be of soort `soort` (else `code` under `regel`).
fn eis_actor(
    tx: &Transactie<'_>,
    actor: &Verwijzing<ActorId>,
    pad: &str,
    soort: SoortActor,
    regel: &Rule,
) -> Result<Actor, Error> {
    let a = tx.vraag_actor_op(actor.uuid).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            &format!("{pad}.uuid"),
            "invalid",
            "Actor object bestaat niet.",
            &REGISTER_VERWIJZING,
        ),
        other => other,
    })?;
    if a.soort() != soort {
        return Err(Error::invalid(
            pad,
            "invalid_choice",
            format!(
                "Deze actor is geen {}: {}",
                soort.as_str(),
                match soort {
                    SoortActor::GeautomatiseerdeActor =>
                        "wat vooraf is uitgevraagd, vroeg een spraakmenu, chatbot of e-formulier uit (C3155).",
                    _ => "een vooraf uitgevraagd contact wordt door een medewerker overgenomen (C3155).",
                }
            ),
            regel,
        ));
    }
    Ok(a)
}

/// The pre-intake's `inhoud`: what the body has, then each question and answer on lines of
/// their own. Blank questions or answers are refused at `vragen.<i>`.
fn inhoud(klantcontact: &Value, vragen: &[Vraag]) -> Result<Value, Error> {
    let mut regels: Vec<String> = klantcontact
        .get("inhoud")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
        .into_iter()
        .collect();
    for (i, v) in vragen.iter().enumerate() {
        for (veld, tekst) in [("vraag", &v.vraag), ("antwoord", &v.antwoord)] {
            if tekst.trim().is_empty() {
                return Err(Error::invalid(
                    &format!("vragen.{i}.{veld}"),
                    "blank",
                    "Dit veld mag niet leeg zijn.",
                    REGEL,
                ));
            }
        }
        regels.push(format!("Vraag: {}\nAntwoord: {}", v.vraag, v.antwoord));
    }
    let mut body = klantcontact.clone();
    if let (Value::Object(m), false) = (&mut body, regels.is_empty()) {
        m.insert("inhoud".to_owned(), Value::String(regels.join("\n")));
    }
    Ok(body)
}

fn sla_op(tx: &mut Transactie<'_>, invoer: &VoorafUitgevraagd) -> Result<Uitkomst, Error> {
    eis_actor(
        tx,
        &invoer.actor,
        "actor",
        SoortActor::GeautomatiseerdeActor,
        GEAUTOMATISEERD,
    )?;
    let klantcontact = inhoud(&invoer.klantcontact, &invoer.vragen)?;
    if invoer.afloop == Afloop::Afgebroken {
        return Ok(Uitkomst::NietsGeregistreerd {
            reden: "C3155 (afgeleid), KC-11: de klant brak af voordat een medewerker het \
                    overnam en er volgt niets; wat vooraf is uitgevraagd wordt niet bewaard \
                    (we vragen niet meer klantgegevens uit dan nodig)."
                .to_owned(),
        });
    }
    let mut v = Verzameling::default();
    let contact =
        Contact::nieuw(&klantcontact, &invoer.actor).met_bijlagen(&invoer.bijlagen, "bijlagen");
    invoer.klant.registreer_contact(tx, contact, &mut v)?;
    v.uitkomst(tx)
}

fn neem_over(tx: &mut Transactie<'_>, invoer: &Overname) -> Result<Uitkomst, Error> {
    let vooraf = invoer.vooraf.uuid;
    let kc = tx.vraag_klantcontact_op(vooraf, &[]).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            "vooraf.uuid",
            "invalid",
            "Klantcontact object bestaat niet.",
            &REGISTER_VERWIJZING,
        ),
        other => other,
    })?;
    if !kc
        .had_betrokken_actoren
        .iter()
        .any(|a| a.soort() == SoortActor::GeautomatiseerdeActor)
    {
        return Err(Error::invalid(
            "vooraf.uuid",
            "invalid",
            "Dit klantcontact is niet door een geautomatiseerde actor vooraf uitgevraagd \
             (C3155).",
            GEAUTOMATISEERD,
        ));
    }
    eis_actor(tx, &invoer.actor, "actor", SoortActor::Medewerker, OVERNAME)?;
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor)
        .met_bijlagen(&invoer.bijlagen, "bijlagen");
    // The klant called or chatted: the contact the medewerker takes over is still the klant's.
    contact.betrokkene = kopie_betrokkene(tx, vooraf, true)?.map(|b| (b, "vooraf".to_owned()));
    contact.onderwerpobjecten.push((
        json!({ "wasKlantcontact": verwijzing(vooraf) }),
        "vooraf".to_owned(),
    ));
    if let Some(t) = &invoer.taak {
        contact
            .taken
            .push((t.body(OPVOLGEN, None), "taak".to_owned()));
    }
    contact.registreer(tx, &mut v)?;
    v.uitkomst(tx)
}

workflow! {
    /// C3155 "Vooraf uitgevraagde informatie opslaan" (derived from the index title; see the
    /// module), the automated part: the pre-intake of a geautomatiseerde actor as a
    /// klantcontact with the questions and answers in its `inhoud`, the klant as betrokkene
    /// (initiator) with the contact details given, and bijlagen. Abandoned (`afloop`
    /// `afgebroken`): nothing is stored, and the outcome says why. The person who takes over
    /// continues with [`neem_vooraf_uitgevraagd_over`].
    sla_vooraf_uitgevraagde_informatie_op(VoorafUitgevraagd) => sla_op;
}

workflow! {
    /// C3155 (derived), the person's part: the medewerker's own klantcontact with a copy of the
    /// pre-intake's klant betrokkene (still the initiator) and an onderwerpobject
    /// `wasKlantcontact` → the pre-intake (F9322, as C9708 for an answer), and a task when one
    /// is needed (F2120).
    neem_vooraf_uitgevraagd_over(Overname) => neem_over;
}
