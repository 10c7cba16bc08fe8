//! C4161 "Klant belt KCC en wordt geauthenticeerd en is reeds bekend, klantbeeld wordt
//! getoond": a case the index (`cases.md`) names without a document, derived here.
//!
//! After authentication the KCC finds the partij by the identificator the klant authenticated
//! with (F7927, the indirect search by partij-identificator) and shows the klantbeeld: the
//! partij (F0138) with its identificatoren and preferences, its digitale adressen (F6634) and
//! rekeningnummers, and its earlier klantcontacten (F3896 by `hadBetrokkene__wasPartij__uuid`)
//! each with the partij's betrokkene, the onderwerpobjecten and the open interne taken that
//! came from it. The uitgangspunt "Klantgegevens vormen de basis van een klantbeeld" (KLUIT02)
//! and the basisterminologie describe the klantbeeld; the standard leaves its presentation to
//! the consumer (gemma-zaken#1791), so this is the data, not a screen.
//!
//! It only reads: as a function on a [`Register`] it runs under the read lock, one call for
//! the whole klantbeeld. Every part is read once from the register's indexes (the partij's
//! betrokkenen, each klantcontact's onderwerpobjecten and interne taken), so the work grows
//! with the klantbeeld, not with the register, and nothing is presented that is not shown.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    Betrokkene, CodeObjecttype, CodeRegister, CodeSoortObjectId, DigitaalAdres, InterneTaak,
    Klantcontact, KlantcontactId, Onderwerpobject, Partij, Rekeningnummer, Taakstatus,
};
use crate::register::{Error, Lezer, Register, Transactie, Zoekvraag};

/// Who authenticated: the identificator the klant is known by (C4161; F7927's search by
/// partij-identificator, PA-17).
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Klantbeeldvraag {
    /// The identificator the klant authenticated with (a BSN after DigiD, a KvK-nummer after
    /// eHerkenning).
    pub partij_identificator: GezochteIdentificator,
}

crate::model::verhuld::verhulde_debug!(Klantbeeldvraag {
    partij_identificator
});

/// A partij-identificator to search by: `codeSoortObjectId` and `objectId` are required, the
/// other two narrow the search when given.
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GezochteIdentificator {
    /// Code objecttype (`natuurlijk_persoon`, …), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_objecttype: Option<CodeObjecttype>,
    /// Code soort object-id (`bsn`, `kvk_nummer`, …).
    pub code_soort_object_id: CodeSoortObjectId,
    /// The number itself.
    pub object_id: String,
    /// Code register (`brp`, `hr`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_register: Option<CodeRegister>,
}

crate::model::verhuld::verhulde_debug!(GezochteIdentificator {
    code_objecttype,
    code_soort_object_id,
    object_id: verhuld,
    code_register
});

/// The outcome of C4161, tagged by `uitkomst`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "uitkomst", rename_all = "snake_case")]
pub enum Klantbeeld {
    /// The klant is a known partij: its klantbeeld.
    Getoond(Box<Beeld>),
    /// No partij has this identificator: there is no klantbeeld, and nothing is registered
    /// (the KCC goes on as for a klant who is not yet known, C9167 variant C).
    Onbekend {
        /// Why there is nothing to show (Dutch, citing the rule).
        reden: String,
    },
}

/// A klantbeeld: the partij and everything registered with it, each in its API 0.9.0
/// response shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Beeld {
    /// The partij (F0138), with its `partijIdentificatoren`, `voorkeursDigitaalAdres` and
    /// `voorkeursRekeningnummer`.
    pub partij: Partij,
    /// Its digitale adressen (F6634), in the partij's order.
    pub digitale_adressen: Vec<DigitaalAdres>,
    /// Its rekeningnummers, in the partij's order.
    pub rekeningnummers: Vec<Rekeningnummer>,
    /// Its klantcontacten, newest `plaatsgevondenOp` first (F3896).
    pub klantcontacten: Vec<Klantcontactbeeld>,
}

/// One earlier klantcontact of the partij in a klantbeeld.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Klantcontactbeeld {
    /// The klantcontact (F8618), without `_expand`.
    pub klantcontact: Klantcontact,
    /// The partij's betrokkene in it (rol, initiator, the contact details given then).
    pub betrokkenen: Vec<Betrokkene>,
    /// What the klantcontact was about (a zaak, an earlier klantcontact, …).
    pub onderwerpobjecten: Vec<Onderwerpobject>,
    /// The interne taken that came from it and are still `te_verwerken`.
    pub open_interne_taken: Vec<InterneTaak>,
}

/// Reads the klantbeeld of the partij with `vraag`'s identificator.
pub(crate) fn lees(l: &Lezer<'_>, vraag: &Klantbeeldvraag) -> Result<Klantbeeld, Error> {
    let id = &vraag.partij_identificator;
    let mut filters = vec![
        (
            "partijIdentificator__codeSoortObjectId".to_owned(),
            id.code_soort_object_id.as_str().to_owned(),
        ),
        (
            "partijIdentificator__objectId".to_owned(),
            id.object_id.clone(),
        ),
    ];
    if let Some(c) = &id.code_objecttype {
        filters.push((
            "partijIdentificator__codeObjecttype".to_owned(),
            c.as_str().to_owned(),
        ));
    }
    if let Some(c) = &id.code_register {
        filters.push((
            "partijIdentificator__codeRegister".to_owned(),
            c.as_str().to_owned(),
        ));
    }
    let gevonden = l.zoek_partij(&Zoekvraag {
        filters,
        ..Zoekvraag::new()
    })?;
    // The identificator is unique (`register.identificator-uniek`), so there is at most one.
    let Some(partij) = gevonden.results.into_iter().next() else {
        return Ok(Klantbeeld::Onbekend {
            reden: "C4161, PA-17: geen partij heeft deze partij-identificator; er is geen \
                    klantbeeld en er wordt niets geregistreerd."
                .to_owned(),
        });
    };
    let basis = partij.basis();
    let digitale_adressen = basis
        .digitale_adressen
        .iter()
        .flatten()
        .flatten()
        .map(|a| l.vraag_digitaal_adres_op(a.uuid, &[]))
        .collect::<Result<_, _>>()?;
    let rekeningnummers = basis
        .rekeningnummers
        .iter()
        .flatten()
        .flatten()
        .map(|r| l.vraag_rekeningnummer_op(r.uuid))
        .collect::<Result<_, _>>()?;
    let klantcontacten = klantcontacten(l, basis)?;
    Ok(Klantbeeld::Getoond(Box::new(Beeld {
        partij,
        digitale_adressen,
        rekeningnummers,
        klantcontacten,
    })))
}

/// The partij's klantcontacten, found through its betrokkenen (the index the API's
/// `hadBetrokkene__wasPartij__uuid` search uses), in the search's order, each read once with
/// the partij's betrokkenen in it, its onderwerpobjecten and its open interne taken: one
/// index lookup per object, under one lock, and nothing else of the register touched.
fn klantcontacten(
    l: &Lezer<'_>,
    partij: &crate::model::PartijBasis,
) -> Result<Vec<Klantcontactbeeld>, Error> {
    let mut per_contact: std::collections::HashMap<KlantcontactId, Vec<Betrokkene>> =
        std::collections::HashMap::new();
    for b in &partij.betrokkenen {
        let betrokkene = l.vraag_betrokkene_op(b.uuid, &[])?;
        per_contact
            .entry(betrokkene.had_klantcontact.uuid)
            .or_default()
            .push(betrokkene);
    }
    let mut ids: Vec<KlantcontactId> = per_contact.keys().copied().collect();
    l.nieuwste_eerst(&mut ids);
    ids.into_iter()
        .map(|id| {
            let klantcontact = l.vraag_klantcontact_op(id, &[])?;
            let onderwerpobjecten = klantcontact
                .ging_over_onderwerpobjecten
                .iter()
                .map(|o| l.vraag_onderwerpobject_op(o.uuid))
                .collect::<Result<_, _>>()?;
            let mut open_interne_taken = Vec::new();
            for t in &klantcontact.leidde_tot_interne_taken {
                let taak = l.vraag_interne_taak_op(t.uuid)?;
                if taak.status == Taakstatus::TeVerwerken {
                    open_interne_taken.push(taak);
                }
            }
            Ok(Klantcontactbeeld {
                betrokkenen: per_contact.remove(&id).unwrap_or_default(),
                onderwerpobjecten,
                open_interne_taken,
                klantcontact,
            })
        })
        .collect()
}

impl Transactie<'_> {
    /// C4161 (derived; see the module): the klantbeeld of the klant who authenticated with
    /// `invoer`'s identificator, as this transaction sees the register. Reads only.
    pub fn toon_klantbeeld(&mut self, invoer: &Klantbeeldvraag) -> Result<Klantbeeld, Error> {
        lees(&self.lezer(), invoer)
    }
}

/// C4161 (derived; see the module): the klantbeeld of the klant who authenticated with
/// `invoer`'s identificator, or `onbekend` when no partij has it. Reads only, under the
/// register's read lock.
pub fn toon_klantbeeld(register: &Register, invoer: &Klantbeeldvraag) -> Result<Klantbeeld, Error> {
    register.lees(|l| lees(l, invoer))
}
