//! Who the klant is, as every workflow that registers a contact takes it (`klant`, tagged by
//! `soort`), and how that becomes a betrokkene (BK-01 … BK-04) and, for a klant who was
//! authenticated but is not yet known, a partij registered first (F7554, C9167 variant C).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::gemeenschappelijk::{bestaande_partij, registreer_adres, verwijzing, Contact};
use super::uitkomst::Verzameling;
use crate::model::{
    Adres, BetrokkeneId, Contactnaam, DigitaalAdresInput, Klantcontactrol, PartijId, PartijInput,
    Verwijzing,
};
use crate::regel::Rule;
use crate::register::{Error, Transactie};

/// Who the klant is. Each workflow says which soorten it accepts and what they mean there:
/// an `anoniem` or `ongekend` klant whose question is answered directly registers nothing
/// (C0992, C0534, KC-11), while an incoming e-mail from an unknown sender is registered with
/// a betrokkene without partij (C1199).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "soort", rename_all = "snake_case", deny_unknown_fields)]
pub enum Klant {
    /// Identity not established and no contact details kept: a betrokkene with only its rol,
    /// where the workflow registers anything at all.
    Anoniem {},
    /// Not authenticated, but with contact details for this contact (C9167 variant A): a
    /// betrokkene without partij, carrying them.
    Ongekend(Contactgegevens),
    /// Authenticated and already a partij (C9167 variant B): a betrokkene with `wasPartij`,
    /// optionally with contact details that deviate for this contact.
    Gekend(GekendeKlant),
    /// Authenticated but not yet a partij (C9167 variant C): the partij is registered first
    /// (F7554), then as `gekend`.
    Nieuw(NieuweKlant),
}

impl Default for Klant {
    fn default() -> Self {
        Self::Anoniem {}
    }
}

/// Contact details given for this contact, stored on the betrokkene (not on a partij, so not
/// for reuse). The bodies are API 0.9.0 JSON.
#[derive(Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contactgegevens {
    /// Rol of the betrokkene: `klant` (default) or `vertegenwoordiger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Klantcontactrol>")]
    pub rol: Option<Value>,
    /// How to address the klant, e.g. `{"voorletters": "K", "voornaam": "Karel",
    /// "voorvoegselAchternaam": "van", "achternaam": "Deurne"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Contactnaam>")]
    pub contactnaam: Option<Value>,
    /// Bezoekadres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Adres>")]
    pub bezoekadres: Option<Value>,
    /// Correspondentieadres (C2138: the sender's address read from a letter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Adres>")]
    pub correspondentieadres: Option<Value>,
    /// Organisatienaam (max 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub organisatienaam: Option<Value>,
    /// Digitale adressen given for this contact (F1995), without `verstrektDoorBetrokkene`
    /// and `verstrektDoorPartij`: the workflow links them to the betrokkene.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<DigitaalAdresInput>")]
    pub digitale_adressen: Vec<Value>,
}

crate::model::verhuld::verhulde_debug!(Contactgegevens {
    rol: verhuld,
    contactnaam: verhuld,
    bezoekadres: verhuld,
    correspondentieadres: verhuld,
    organisatienaam: verhuld,
    digitale_adressen: verhuld
});

/// An authenticated klant who is already a partij.
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GekendeKlant {
    /// The partij (found with F7927 or F0138).
    pub partij: Verwijzing<PartijId>,
    /// Rol of the betrokkene: `klant` (default) or `vertegenwoordiger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Klantcontactrol>")]
    pub rol: Option<Value>,
    /// Only when the klant wants to be addressed differently this time (C9167 B: "Carl").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Contactnaam>")]
    pub contactnaam: Option<Value>,
    /// Bezoekadres, when it deviates for this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Adres>")]
    pub bezoekadres: Option<Value>,
    /// Correspondentieadres, when it deviates for this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Adres>")]
    pub correspondentieadres: Option<Value>,
    /// Organisatienaam (max 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub organisatienaam: Option<Value>,
    /// Digitale adressen for this contact only (C9167 B: another phone number), linked to the
    /// betrokkene.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<DigitaalAdresInput>")]
    pub digitale_adressen: Vec<Value>,
}

crate::model::verhuld::verhulde_debug!(GekendeKlant {
    partij,
    rol: verhuld,
    contactnaam: verhuld,
    bezoekadres: verhuld,
    correspondentieadres: verhuld,
    organisatienaam: verhuld,
    digitale_adressen: verhuld
});

/// An authenticated klant who is not yet a partij.
#[derive(Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweKlant {
    /// The F7554 body (`POST /partijen`), with its `partijIdentificatoren` (e.g. the BSN).
    #[schemars(with = "PartijInput")]
    pub partij: Value,
    /// Digitale adressen of the new partij, without `verstrektDoorPartij` and
    /// `verstrektDoorBetrokkene`: the workflow links them to the partij.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<DigitaalAdresInput>")]
    pub digitale_adressen: Vec<Value>,
}

crate::model::verhuld::verhulde_debug!(NieuweKlant {
    partij: verhuld,
    digitale_adressen: verhuld
});

/// What [`Klant::registreer_contact`] registered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KlantContact {
    /// Its betrokkene (the klant).
    pub(crate) betrokkene: Option<BetrokkeneId>,
    /// The partij the betrokkene was (known or just registered).
    pub(crate) partij: Option<PartijId>,
}

/// The betrokkene of a klant, before the klantcontact exists.
#[derive(Debug)]
struct Voorbereid<'a> {
    /// The betrokkene body (without `hadKlantcontact`).
    betrokkene: Value,
    /// The partij the betrokkene was, if any (known or just registered).
    partij: Option<PartijId>,
    /// Digitale adressen to link to the betrokkene once it exists.
    adressen: &'a [Value],
}

impl Klant {
    /// The `soort` as written in the input.
    pub fn soort(&self) -> &'static str {
        match self {
            Self::Anoniem {} => "anoniem",
            Self::Ongekend(_) => "ongekend",
            Self::Gekend(_) => "gekend",
            Self::Nieuw(_) => "nieuw",
        }
    }

    /// Whether the klant is authenticated (`gekend` or `nieuw`).
    pub fn is_gekend(&self) -> bool {
        matches!(self, Self::Gekend(_) | Self::Nieuw(_))
    }

    /// Refuses a soort this workflow does not accept (`invalid_choice` at `klant.soort`).
    pub(crate) fn eis(&self, toegestaan: &[&str], waarom: &str, regel: &Rule) -> Result<(), Error> {
        if toegestaan.contains(&self.soort()) {
            Ok(())
        } else {
            Err(Error::invalid(
                "klant.soort",
                "invalid_choice",
                format!(
                    "\"{}\" is hier geen geldige keuze (kies uit: {}): {waarom}",
                    self.soort(),
                    toegestaan.join(", ")
                ),
                regel,
            ))
        }
    }

    /// Registers `contact` with this klant as its betrokkene (the klant made contact:
    /// `initiator` true): a new partij first (F7554), then the klantcontact with its parts
    /// (F2173), then the digitale adressen given for this contact (F1995).
    pub(crate) fn registreer_contact(
        &self,
        tx: &mut Transactie<'_>,
        mut contact: Contact<'_>,
        v: &mut Verzameling,
    ) -> Result<KlantContact, Error> {
        let klant = self.bereid_voor(tx, v)?;
        contact.betrokkene = Some((klant.betrokkene.clone(), "klant".to_owned()));
        let (_, betrokkene) = contact.registreer(tx, v)?;
        if let Some(b) = betrokkene {
            klant.registreer_adressen(tx, b, v)?;
        }
        Ok(KlantContact {
            betrokkene,
            partij: klant.partij,
        })
    }

    /// Registers a new partij (F7554) with its digitale adressen first, and returns the
    /// betrokkene body: `rol` (default `klant`), `initiator` true, `wasPartij` and the contact
    /// details.
    fn bereid_voor(
        &self,
        tx: &mut Transactie<'_>,
        v: &mut Verzameling,
    ) -> Result<Voorbereid<'_>, Error> {
        let mut b = Map::new();
        let (partij, adressen): (Option<PartijId>, &[Value]) = match self {
            Self::Anoniem {} => (None, &[]),
            Self::Ongekend(g) => {
                gegevens(
                    &mut b,
                    [
                        ("rol", &g.rol),
                        ("contactnaam", &g.contactnaam),
                        ("bezoekadres", &g.bezoekadres),
                        ("correspondentieadres", &g.correspondentieadres),
                        ("organisatienaam", &g.organisatienaam),
                    ],
                );
                (None, &g.digitale_adressen)
            }
            Self::Gekend(g) => {
                gegevens(
                    &mut b,
                    [
                        ("rol", &g.rol),
                        ("contactnaam", &g.contactnaam),
                        ("bezoekadres", &g.bezoekadres),
                        ("correspondentieadres", &g.correspondentieadres),
                        ("organisatienaam", &g.organisatienaam),
                    ],
                );
                bestaande_partij(tx, &g.partij, "klant.partij")?;
                (Some(g.partij.uuid), &g.digitale_adressen)
            }
            Self::Nieuw(n) => {
                let p = tx
                    .registreer::<PartijInput>(&n.partij, "klant.partij.")?
                    .uuid();
                v.partij = Some(p);
                for (i, a) in n.digitale_adressen.iter().enumerate() {
                    registreer_adres(
                        tx,
                        a,
                        &format!("klant.digitaleAdressen.{i}"),
                        &[
                            ("verstrektDoorPartij", Some(p.0)),
                            ("verstrektDoorBetrokkene", None),
                        ],
                        v,
                    )?;
                }
                (Some(p), &[])
            }
        };
        b.entry("rol").or_insert_with(|| json!("klant"));
        b.insert("initiator".to_owned(), Value::Bool(true));
        if let Some(p) = partij {
            b.insert("wasPartij".to_owned(), verwijzing(p));
        }
        Ok(Voorbereid {
            betrokkene: Value::Object(b),
            partij,
            adressen,
        })
    }
}

impl Voorbereid<'_> {
    /// Links the digitale adressen given for this contact to the betrokkene (F1995).
    fn registreer_adressen(
        &self,
        tx: &mut Transactie<'_>,
        betrokkene: BetrokkeneId,
        v: &mut Verzameling,
    ) -> Result<(), Error> {
        for (i, a) in self.adressen.iter().enumerate() {
            registreer_adres(
                tx,
                a,
                &format!("klant.digitaleAdressen.{i}"),
                &[
                    ("verstrektDoorBetrokkene", Some(betrokkene.0)),
                    ("verstrektDoorPartij", None),
                ],
                v,
            )?;
        }
        Ok(())
    }
}

fn gegevens<const N: usize>(b: &mut Map<String, Value>, velden: [(&str, &Option<Value>); N]) {
    for (veld, w) in velden {
        if let Some(w) = w {
            b.insert(veld.to_owned(), w.clone());
        }
    }
}
