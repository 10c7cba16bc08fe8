//! What a workflow did: nothing (with the reason, KC-11) or the objects it registered or
//! changed, each in its API 0.9.0 response shape as it stands when the transaction ends.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    ActorKlantcontact, ActorKlantcontactId, Betrokkene, BetrokkeneId, Bijlage, BijlageId,
    DigitaalAdres, DigitaalAdresId, InterneTaak, InterneTaakId, Klantcontact, KlantcontactId,
    Onderwerpobject, OnderwerpobjectId, Partij, PartijId,
};
use crate::register::{Error, Klantcontactdossier, Transactie};

/// The outcome of a workflow, tagged by `uitkomst`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "uitkomst", rename_all = "snake_case")]
pub enum Uitkomst {
    /// Nothing was registered, on purpose: e.g. an anonymous question answered directly
    /// (C0992 variant A, basisterminologie KC-11).
    NietsGeregistreerd {
        /// Why nothing was registered (Dutch, citing the rule).
        reden: String,
    },
    /// The objects the workflow registered or changed.
    Geregistreerd(Box<Registratie>),
}

impl Uitkomst {
    /// The registration, when something was registered.
    pub fn registratie(&self) -> Option<&Registratie> {
        match self {
            Self::Geregistreerd(r) => Some(r),
            Self::NietsGeregistreerd { .. } => None,
        }
    }
}

/// The objects a workflow registered or changed, in their 0.9.0 response shape, read when the
/// workflow ended (so a klantcontact lists its new betrokkenen, bijlagen and interne taken).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Registratie {
    /// The partij registered first because the klant was authenticated but not yet known
    /// (F7554).
    pub partij: Option<Partij>,
    /// The klantcontact registered (F2173) or, after a transfer, completed (F0796).
    pub klantcontact: Option<Klantcontact>,
    /// The actor-klantcontacten made (F2173, F6542).
    pub actorklantcontacten: Vec<ActorKlantcontact>,
    /// The betrokkenen registered.
    pub betrokkenen: Vec<Betrokkene>,
    /// The digitale adressen registered (of the betrokkene or of a new partij, F1995).
    pub digitale_adressen: Vec<DigitaalAdres>,
    /// The onderwerpobjecten registered (a zaak, or the question a reply answers).
    pub onderwerpobjecten: Vec<Onderwerpobject>,
    /// The bijlagen registered (F1975).
    pub bijlagen: Vec<Bijlage>,
    /// The interne taken registered (F2120).
    pub interne_taken: Vec<InterneTaak>,
    /// The interne taak the workflow closed (`verwerkt`, F5241).
    pub afgesloten_taak: Option<InterneTaak>,
}

/// The ids of what a workflow registered or changed, turned into a [`Registratie`] at its end.
#[derive(Debug, Default)]
pub(crate) struct Verzameling {
    pub(crate) partij: Option<PartijId>,
    pub(crate) klantcontact: Option<KlantcontactId>,
    pub(crate) actorklantcontacten: Vec<ActorKlantcontactId>,
    pub(crate) betrokkenen: Vec<BetrokkeneId>,
    pub(crate) digitale_adressen: Vec<DigitaalAdresId>,
    pub(crate) onderwerpobjecten: Vec<OnderwerpobjectId>,
    pub(crate) bijlagen: Vec<BijlageId>,
    pub(crate) interne_taken: Vec<InterneTaakId>,
    pub(crate) afgesloten_taak: Option<InterneTaakId>,
}

impl Verzameling {
    /// Records everything of an F2173 registration.
    pub(crate) fn dossier(&mut self, d: &Klantcontactdossier) {
        self.klantcontact = Some(d.klantcontact.uuid);
        self.actorklantcontacten
            .extend(d.actorklantcontacten.iter().map(|a| a.uuid));
        self.betrokkenen
            .extend(d.betrokkenen.iter().map(|b| b.uuid));
        self.onderwerpobjecten
            .extend(d.onderwerpobjecten.iter().map(|o| o.uuid));
        self.bijlagen.extend(d.bijlagen.iter().map(|b| b.uuid));
        self.interne_taken
            .extend(d.interne_taken.iter().map(|t| t.uuid));
    }

    /// Reads every recorded object as it stands now.
    pub(crate) fn uitkomst(self, tx: &Transactie<'_>) -> Result<Uitkomst, Error> {
        fn alle<I: Copy, T>(
            ids: Vec<I>,
            lees: impl Fn(I) -> Result<T, Error>,
        ) -> Result<Vec<T>, Error> {
            ids.into_iter().map(lees).collect()
        }
        Ok(Uitkomst::Geregistreerd(Box::new(Registratie {
            partij: self
                .partij
                .map(|p| tx.vraag_partij_op(p, &[]))
                .transpose()?,
            klantcontact: self
                .klantcontact
                .map(|k| tx.vraag_klantcontact_op(k, &[]))
                .transpose()?,
            actorklantcontacten: alle(self.actorklantcontacten, |i| {
                tx.vraag_actor_klantcontact_op(i)
            })?,
            betrokkenen: alle(self.betrokkenen, |i| tx.vraag_betrokkene_op(i, &[]))?,
            digitale_adressen: alle(self.digitale_adressen, |i| {
                tx.vraag_digitaal_adres_op(i, &[])
            })?,
            onderwerpobjecten: alle(self.onderwerpobjecten, |i| tx.vraag_onderwerpobject_op(i))?,
            bijlagen: alle(self.bijlagen, |i| tx.vraag_bijlage_op(i))?,
            interne_taken: alle(self.interne_taken, |i| tx.vraag_interne_taak_op(i))?,
            afgesloten_taak: self
                .afgesloten_taak
                .map(|t| tx.vraag_interne_taak_op(t))
                .transpose()?,
        })))
    }
}
