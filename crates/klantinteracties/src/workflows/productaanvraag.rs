//! C9018: a product requested by phone, for an authenticated klant. Source:
//! `achtergronddocumentatie/artefacten/9018.md`, notes §5.11.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::gemeenschappelijk::{Contact, Taak};
use super::klant::Klant;
use super::uitkomst::{Uitkomst, Verzameling};
use super::workflow;
use crate::model::{ActorId, BijlageInput, KlantcontactInput, Verwijzing};
use crate::regel::Rule;
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::WORKFLOW_PRODUCTAANVRAAG_AUTHENTICATIE;

/// The gevraagde handeling of C9018's optional task when the input names none.
pub const ZAAK_AANMAKEN: &str = "Zaak aanmaken";

const AUTHENTICATIE: &Rule = &WORKFLOW_PRODUCTAANVRAAG_AUTHENTICATIE;

/// A product request (C9018).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Productaanvraag {
    /// The klantcontact (F2173 body): onderwerp filled, inhoud a summary of the request.
    #[schemars(with = "KlantcontactInput")]
    pub klantcontact: Value,
    /// The KCC medewerker.
    pub actor: Verwijzing<ActorId>,
    /// The authenticated klant: `gekend`, or `nieuw` with at least one partij-identificator.
    pub klant: Klant,
    /// The productaanvraag in its register (e.g. an object in the Objecten API) as bijlage
    /// (F1975 body without `wasBijlageVanKlantcontact`).
    #[schemars(with = "BijlageInput")]
    pub productaanvraag: Value,
    /// A task for a colleague when the zaak is not created automatically
    /// (`gevraagdeHandeling` defaults to "Zaak aanmaken").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taak: Option<Taak>,
}

crate::model::verhuld::verhulde_debug!(Productaanvraag {
    klantcontact: verhuld,
    actor,
    klant,
    productaanvraag: verhuld,
    taak
});

fn vraag_aan(tx: &mut Transactie<'_>, invoer: &Productaanvraag) -> Result<Uitkomst, Error> {
    invoer.klant.eis(
        &["gekend", "nieuw"],
        "een product kan alleen een geauthenticeerde klant aanvragen (C9018 §2).",
        AUTHENTICATIE,
    )?;
    if let Klant::Nieuw(n) = &invoer.klant {
        let identificatoren = n
            .partij
            .get("partijIdentificatoren")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
        if !identificatoren {
            return Err(Error::invalid(
                "klant.partij.partijIdentificatoren",
                "required",
                "Een geauthenticeerde nieuwe klant wordt geregistreerd met de identificator \
                 waarmee hij zich authenticeerde (C9018 §2, F7554).",
                AUTHENTICATIE,
            ));
        }
    }
    let mut v = Verzameling::default();
    let mut contact = Contact::nieuw(&invoer.klantcontact, &invoer.actor);
    contact
        .bijlagen
        .push((&invoer.productaanvraag, "productaanvraag".to_owned()));
    if let Some(t) = &invoer.taak {
        contact
            .taken
            .push((t.body(ZAAK_AANMAKEN, None), "taak".to_owned()));
    }
    invoer.klant.registreer_contact(tx, contact, &mut v)?;
    v.uitkomst(tx)
}

workflow! {
    /// C9018 "Klant belt KCC om een product aan te vragen" (artefact 9018, notes §5.11): the
    /// klant must be authenticated (`gekend`, or `nieuw`: partij with identificator first,
    /// F7554); an `anoniem` or `ongekend` klant is refused at `klant.soort`. Klantcontact,
    /// actor, betrokkene (klant, initiator, `wasPartij`), a bijlage → the productaanvraag
    /// object, and optionally an interne taak "Zaak aanmaken" for a colleague.
    vraag_product_aan(Productaanvraag) => vraag_aan;
}
