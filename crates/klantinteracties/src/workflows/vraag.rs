//! Questions on the phone: answered directly by the KCC (C0992), or after transfer by a
//! colleague (C0534). Source: `achtergronddocumentatie/artefacten/0992.md` and `0534.md`;
//! notes §5.1 and §5.2.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::gemeenschappelijk::{verwijzing, Contact};
use super::klant::Klant;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, KlantcontactId, KlantcontactInput, Verwijzing};
use crate::register::regels::REGISTER_VERWIJZING;
use crate::register::{Error, Register, Transactie};
use crate::rules::{te_lang, Report};

/// The longest `inhoud` of a klantcontact (API 0.9.0, maxLength 1000), which the answer is
/// appended to.
const INHOUD_MAX: usize = 1000;

/// A klant's question on the phone, as the KCC medewerker registers it (C0992, C0534).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Klantvraag {
    /// The klantcontact (F2173 body): `inhoud` holds question and answer (C0992) or the
    /// question (C0534).
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The KCC medewerker who took the call (the logged-in actor).
    pub actor: Verwijzing<ActorId>,
    /// Who the klant is: `anoniem` and `ongekend` register nothing (KC-11).
    pub klant: Klant,
}

crate::model::verhuld::verhulde_debug!(Klantvraag {
    klantcontact: verhuld,
    actor,
    klant
});

/// The colleague's part of C0534: the answer after the transfer.
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AntwoordNaDoorverbinden {
    /// The klantcontact the KCC registered (found by its `referentienummer`, F3896).
    pub klantcontact: Verwijzing<KlantcontactId>,
    /// The colleague who answered.
    pub actor: Verwijzing<ActorId>,
    /// The answer, appended to `inhoud` (e.g. "Antwoord: Aan klant doorgegeven dat …").
    pub antwoord: String,
}

crate::model::verhuld::verhulde_debug!(AntwoordNaDoorverbinden {
    klantcontact,
    actor,
    antwoord: verhuld
});

/// Registers the question of a gekende klant: a new partij first when needed (F7554), then
/// klantcontact, actor and betrokkene (klant, initiator, `wasPartij`) in one F2173 call.
fn registreer_klantvraag(
    tx: &mut Transactie<'_>,
    invoer: &Klantvraag,
    reden: &str,
) -> Result<Uitkomst, Error> {
    if !invoer.klant.is_gekend() {
        return Ok(Uitkomst::NietsGeregistreerd {
            reden: reden.to_owned(),
        });
    }
    let mut v = Verzameling::default();
    invoer.klant.registreer_contact(
        tx,
        Contact::nieuw(&invoer.klantcontact, &invoer.actor),
        &mut v,
    )?;
    v.uitkomst(tx)
}

fn direct(tx: &mut Transactie<'_>, invoer: &Klantvraag) -> Result<Uitkomst, Error> {
    registreer_klantvraag(
        tx,
        invoer,
        "C0992 variant A, KC-11: de identiteit van de klant is niet vastgesteld en er volgt \
         geen vervolgactie; er wordt geen klantcontact geregistreerd.",
    )
}

fn doorverbinden(tx: &mut Transactie<'_>, invoer: &Klantvraag) -> Result<Uitkomst, Error> {
    registreer_klantvraag(
        tx,
        invoer,
        "C0534 variant A, KC-11: een niet gekende klant wordt met vraag en naam doorverbonden; \
         er wordt niets geregistreerd.",
    )
}

fn na_doorverbinden(
    tx: &mut Transactie<'_>,
    invoer: &AntwoordNaDoorverbinden,
) -> Result<Uitkomst, Error> {
    if invoer.antwoord.trim().is_empty() {
        return Err(Error::invalid(
            "antwoord",
            "blank",
            "Dit veld mag niet leeg zijn.",
            super::invoer::REGEL,
        ));
    }
    let id = invoer.klantcontact.uuid;
    let kc = tx.vraag_klantcontact_op(id, &[]).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            "klantcontact.uuid",
            "invalid",
            "Klantcontact object bestaat niet.",
            &REGISTER_VERWIJZING,
        ),
        other => other,
    })?;
    let inhoud = match kc.inhoud.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(oud) => format!("{oud} {}", invoer.antwoord),
        None => invoer.antwoord.clone(),
    };
    // The answer becomes part of the inhoud: checked here, where it is the input's `antwoord`.
    if inhoud.chars().count() > INHOUD_MAX {
        return Err(Error::Invalid(Report {
            violations: vec![te_lang("antwoord", INHOUD_MAX)],
        }));
    }
    let mut v = Verzameling::default();
    tx.wijzig_klantcontact_deels(id, &json!({ "inhoud": inhoud }))?;
    v.klantcontact = Some(id);
    if !kc
        .had_betrokken_actoren
        .iter()
        .any(|a| a.uuid() == invoer.actor.uuid)
    {
        let ak = tx.koppel_actor_aan_klantcontact(json!({
            "actor": verwijzing(invoer.actor.uuid),
            "klantcontact": verwijzing(id),
        }))?;
        v.actorklantcontacten.push(ak.uuid);
    }
    v.uitkomst(tx)
}

workflow! {
    /// C0992 "Klant belt KCC met een vraag die direct beantwoord kan worden" (artefact 0992,
    /// notes §5.1). Variant A (`klant` `anoniem` or `ongekend`): nothing is registered and the
    /// outcome says why (KC-11). Variant B (`gekend`, or `nieuw`: the partij is registered
    /// first with F7554): klantcontact (inhoud = question and answer), an actor-klantcontact
    /// for the medewerker and a betrokkene (klant, initiator, `wasPartij`) in one F2173 call.
    beantwoord_vraag_direct(Klantvraag) => direct;
}

workflow! {
    /// C0534 "Klant belt KCC met een vraag die, na doorverbinden, direct door een collega
    /// beantwoord kan worden" (artefact 0534, notes §5.2), the KCC medewerker's part. Variant
    /// A (`anoniem`, `ongekend`): question and name are passed on by phone, nothing is
    /// registered. Variant B (`gekend`, `nieuw`): the question is registered as in C0992 B,
    /// and its `referentienummer` or uuid is passed on; the colleague continues with
    /// [`beantwoord_na_doorverbinden`].
    verbind_door(Klantvraag) => doorverbinden;
}

workflow! {
    /// C0534 variant B, the colleague's part (artefact 0534 steps 3–5, notes §5.2): the answer
    /// is appended to the klantcontact's `inhoud` (F0796 PATCH: old inhoud, a space, the
    /// answer) and the colleague is linked as actor (F6542; skipped when already linked).
    beantwoord_na_doorverbinden(AntwoordNaDoorverbinden) => na_doorverbinden;
}
