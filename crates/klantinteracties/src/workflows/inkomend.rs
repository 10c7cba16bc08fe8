//! Incoming e-mail, letters and app messages, registered by a geautomatiseerde actor for the
//! KCC (C1199, C2138, C9853). Source: `achtergronddocumentatie/artefacten/1199.md`,
//! `2138.md`, `9853.md`; notes §5.6–§5.8 and §6 item 18.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{registreer_adres, Contact, Taak};
use super::klant::Klant;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, BijlageInput, DigitaalAdresInput, KlantcontactInput, Verwijzing};
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::{WORKFLOW_BRIEF_GEEN_NIEUWE_PARTIJ, WORKFLOW_EMAIL_GEEN_PARTIJ};

/// The gevraagde handeling of an incoming message's task when the input names none (C1199
/// §6, C9853 §6).
pub const LEZEN_EN_BEPALEN: &str = "Lezen en bepalen benodigde actie";

/// An incoming e-mail (C1199).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Email {
    /// The klantcontact (F2173 body): kanaal e-mail, onderwerp the subject, inhoud the body,
    /// plaatsgevondenOp the reception.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The geautomatiseerde actor that reads the mailbox.
    pub actor: Verwijzing<ActorId>,
    /// The sender: `anoniem` (default) or `ongekend` (e.g. with the name the sender gave).
    #[serde(default)]
    pub klant: Klant,
    /// The sender's address (F1995 body without `verstrektDoor…`; `soortDigitaalAdres`
    /// defaults to `email`), linked to the betrokkene.
    #[schemars(with = "DigitaalAdresInput")]
    pub afzender: Value,
    /// The mail and each attachment as informatieobject (F1975 bodies without
    /// `wasBijlageVanKlantcontact`), BL-02.
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// The task for the KCC (`gevraagdeHandeling` defaults to "Lezen en bepalen benodigde
    /// actie", `toelichting` to "Aangemaakt naar aanleiding van een ontvangen e-mail").
    pub taak: Taak,
}

crate::model::verhuld::verhulde_debug!(Email {
    klantcontact: verhuld,
    actor,
    klant,
    afzender: verhuld,
    bijlagen: verhuld,
    taak
});

/// An incoming letter, scanned (C2138).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Brief {
    /// The klantcontact (F2173 body): kanaal post, plaatsgevondenOp the moment of scanning.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The geautomatiseerde actor (the scan-straat).
    pub actor: Verwijzing<ActorId>,
    /// The sender: `anoniem` (default), `ongekend` (with the `correspondentieadres` read from
    /// the letter) or `gekend` (C2138 links the partij).
    #[serde(default)]
    pub klant: Klant,
    /// The scanned letter as informatieobject (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// A task, only "als de brief daartoe aanleiding gaf".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taak: Option<Taak>,
}

crate::model::verhuld::verhulde_debug!(Brief {
    klantcontact: verhuld,
    actor,
    klant,
    bijlagen: verhuld,
    taak
});

/// An app conversation (C9853).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Appgesprek {
    /// The klantcontact (F2173 body): kanaal app, inhoud the conversation (when it is not a
    /// bijlage), plaatsgevondenOp the last message.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The geautomatiseerde actor that handles app traffic.
    pub actor: Verwijzing<ActorId>,
    /// The klant: `anoniem` (default), `ongekend`, or `gekend`/`nieuw` when authenticated
    /// during the conversation (C9853 §4).
    #[serde(default)]
    pub klant: Klant,
    /// The number the conversation took place with (F1995 body without `verstrektDoor…`;
    /// `soortDigitaalAdres` defaults to `telefoonnummer`), linked to the betrokkene and to
    /// its partij, if any.
    #[schemars(with = "DigitaalAdresInput")]
    pub appnummer: Value,
    /// The conversation as informatieobject, if one was made (F1975 bodies).
    #[serde(default)]
    #[schemars(with = "Vec<BijlageInput>")]
    pub bijlagen: Vec<Value>,
    /// The task for the KCC (defaults as for e-mail).
    pub taak: Taak,
}

crate::model::verhuld::verhulde_debug!(Appgesprek {
    klantcontact: verhuld,
    actor,
    klant,
    appnummer: verhuld,
    bijlagen: verhuld,
    taak
});

/// `body` with `soortDigitaalAdres` set to `soort` when it has none.
fn met_soort(body: &Value, soort: &str) -> Value {
    let mut body = body.clone();
    if let Value::Object(m) = &mut body {
        m.entry("soortDigitaalAdres")
            .or_insert_with(|| Value::from(soort));
    }
    body
}

fn email(tx: &mut Transactie<'_>, invoer: &Email) -> Result<Uitkomst, Error> {
    invoer.klant.eis(
        &["anoniem", "ongekend"],
        "een e-mailadres is geen basis om een partij te kennen (C1199 §4, B3485); koppel later \
         met F3246.",
        &WORKFLOW_EMAIL_GEEN_PARTIJ,
    )?;
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor)
        .met_bijlagen(&invoer.bijlagen, "bijlagen");
    contact.taken.push((
        invoer.taak.body(
            LEZEN_EN_BEPALEN,
            Some("Aangemaakt naar aanleiding van een ontvangen e-mail"),
        ),
        "taak".to_owned(),
    ));
    let r = invoer.klant.registreer_contact(tx, contact, &mut v)?;
    registreer_adres(
        tx,
        &met_soort(&invoer.afzender, "email"),
        "afzender",
        &[
            ("verstrektDoorBetrokkene", r.betrokkene.map(|b| b.0)),
            ("verstrektDoorPartij", None),
        ],
        &mut v,
    )?;
    v.uitkomst(tx)
}

fn brief(tx: &mut Transactie<'_>, invoer: &Brief) -> Result<Uitkomst, Error> {
    invoer.klant.eis(
        &["anoniem", "ongekend", "gekend"],
        "een brief is geen authenticatie: een nieuwe partij wordt er niet mee geregistreerd.",
        &WORKFLOW_BRIEF_GEEN_NIEUWE_PARTIJ,
    )?;
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor)
        .met_bijlagen(&invoer.bijlagen, "bijlagen");
    if let Some(t) = &invoer.taak {
        contact.taken.push((
            t.body(
                LEZEN_EN_BEPALEN,
                Some("Aangemaakt naar aanleiding van een ontvangen brief"),
            ),
            "taak".to_owned(),
        ));
    }
    invoer.klant.registreer_contact(tx, contact, &mut v)?;
    v.uitkomst(tx)
}

fn app(tx: &mut Transactie<'_>, invoer: &Appgesprek) -> Result<Uitkomst, Error> {
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor)
        .met_bijlagen(&invoer.bijlagen, "bijlagen");
    contact.taken.push((
        invoer.taak.body(
            LEZEN_EN_BEPALEN,
            Some("Aangemaakt naar aanleiding van een app-gesprek"),
        ),
        "taak".to_owned(),
    ));
    let r = invoer.klant.registreer_contact(tx, contact, &mut v)?;
    registreer_adres(
        tx,
        &met_soort(&invoer.appnummer, "telefoonnummer"),
        "appnummer",
        &[
            ("verstrektDoorBetrokkene", r.betrokkene.map(|b| b.0)),
            ("verstrektDoorPartij", r.partij.map(|p| p.0)),
        ],
        &mut v,
    )?;
    v.uitkomst(tx)
}

workflow! {
    /// C1199 "Klant mailt een vraag naar de gemeente" (artefact 1199, notes §5.6): klantcontact,
    /// actor (the geautomatiseerde actor), betrokkene (klant, initiator, no partij), the
    /// sender's address as digitaal adres `verstrektDoorBetrokkene`, one bijlage per
    /// informatieobject (the mail and each attachment, BL-02) and an interne taak for the KCC.
    /// A partij is never linked from an e-mail address (decision 9).
    registreer_email(Email) => email;
}

workflow! {
    /// C2138 "Klant stuurt een brief naar de gemeente die beantwoord kan worden door KCC"
    /// (artefact 2138, notes §5.7): as C1199 without digitaal adres; the sender's
    /// correspondentieadres is on the betrokkene (`klant.correspondentieadres`), `wasPartij`
    /// only when the caller links a known partij (`gekend`, as the document does), and the
    /// interne taak is optional.
    registreer_brief(Brief) => brief;
}

workflow! {
    /// C9853 "Klant appt een vraag naar de gemeente die beantwoord kan worden door KCC"
    /// (artefact 9853, notes §5.8): as C1199; the app number is a digitaal adres linked to the
    /// betrokkene and, when the klant is `gekend` or `nieuw`, to the partij as well
    /// (`verstrektDoorBetrokkene` and `verstrektDoorPartij`, C9853 §3). The conversation is
    /// in `inhoud` or in bijlagen.
    registreer_appgesprek(Appgesprek) => app;
}
