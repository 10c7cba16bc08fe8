//! Digitale adressen: e-mail addresses, phone numbers and others of a partij or betrokkene
//! (F1995 registreer, F6634 zoek, F2806 vraag op, F2946 wijzig). One standaard adres per
//! partij and soort: setting a new one demotes the old (Open Klant R20). `referentie` is unique
//! per partij and soort (R21). Moving an address away from a partij clears that partij's
//! `voorkeursDigitaalAdres`.

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::{uitbreiding, Lezer};
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{flag, icontains, id, Filter};
use super::Error;
use crate::model::{
    BetrokkeneInput, DigitaalAdres, DigitaalAdresExpand, DigitaalAdresId, DigitaalAdresInput,
    Nullable, PartijIdentificatorInput, PartijInput, Referentie,
};
use crate::register::regels::REGISTER_REFERENTIE_UNIEK;
use crate::Resource;

/// The expansions `/digitaleadressen` offers (the `expand` enum of API 0.9.0).
const EXPAND: &[&str] = &[
    "verstrektDoorBetrokkene",
    "verstrektDoorBetrokkene.hadKlantcontact",
    "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
];

fn partij_van(r: &DigitaalAdresInput) -> Option<Uuid> {
    ref_id(r.verstrekt_door_partij.as_ref())
}

fn betrokkene_van(r: &DigitaalAdresInput) -> Option<Uuid> {
    ref_id(r.verstrekt_door_betrokkene.as_ref())
}

fn referentie(r: &DigitaalAdresInput) -> Option<&str> {
    r.referentie
        .as_ref()
        .and_then(|x| x.waarde())
        .map(Referentie::as_str)
}

fn verificatie(r: &DigitaalAdresInput) -> Option<String> {
    r.verificatie_datum
        .0
        .clone()
        .flatten()
        .map(|d| d.as_str().to_owned())
}

fn partij_identificator(l: &Lezer<'_>, r: &DigitaalAdresInput, veld: &str, v: &str) -> bool {
    partij_van(r).is_some_and(|p| PartijIdentificatorInput::identificeert(l, p, veld, v))
}

/// A filter on this collection's records.
type F = Filter<DigitaalAdresInput>;

const FILTERS: &[F] = &[
    F::text("adres", |_, _, r, v| r.adres == v).via_tekst(|l| &l.ix::<DigitaalAdresInput>().adres),
    F::text("adres__icontains", |_, _, r, v| icontains(&r.adres, v)),
    F::choice(
        "soortDigitaalAdres",
        &["email", "telefoonnummer", "overig"],
        |_, _, r, v| r.soort_digitaal_adres.as_str() == v,
    ),
    F::bool("isStandaardAdres", |_, _, r, v| {
        r.is_standaard_adres.unwrap_or(false) == flag(v)
    }),
    F::text("omschrijving", |_, _, r, v| {
        r.omschrijving.as_deref().is_some_and(|o| icontains(o, v))
    }),
    F::text("referentie", |_, _, r, v| referentie(r) == Some(v)),
    F::date("verificatieDatum", |_, _, r, v| {
        verificatie(r).is_some_and(|d| d == v)
    }),
    F::date("verificatieDatum__gt", |_, _, r, v| {
        verificatie(r).is_some_and(|d| d.as_str() > v)
    }),
    F::date("verificatieDatum__gte", |_, _, r, v| {
        verificatie(r).is_some_and(|d| d.as_str() >= v)
    }),
    F::date("verificatieDatum__lt", |_, _, r, v| {
        verificatie(r).is_some_and(|d| d.as_str() < v)
    }),
    F::date("verificatieDatum__lte", |_, _, r, v| {
        verificatie(r).is_some_and(|d| d.as_str() <= v)
    }),
    F::bool("isGeverifieerd", |_, _, r, v| {
        verificatie(r).is_some() == flag(v)
    }),
    F::uuid("verstrektDoorBetrokkene__uuid", |_, _, r, v| {
        betrokkene_van(r) == Some(id(v))
    })
    .via(|l| &l.ix::<DigitaalAdresInput>().betrokkene),
    F::url("verstrektDoorBetrokkene__url", |_, _, r, v| {
        betrokkene_van(r) == Some(id(v))
    })
    .via(|l| &l.ix::<DigitaalAdresInput>().betrokkene),
    F::choice(
        "verstrektDoorBetrokkene__rol",
        &["vertegenwoordiger", "klant"],
        |l, _, r, v| {
            betrokkene_van(r)
                .and_then(|b| l.opt::<BetrokkeneInput>(b))
                .is_some_and(|b| b.gegevens.rol.as_str() == v)
        },
    ),
    F::uuid("verstrektDoorPartij__uuid", |_, _, r, v| {
        partij_van(r) == Some(id(v))
    })
    .via(|l| &l.ix::<DigitaalAdresInput>().partij),
    F::url("verstrektDoorPartij__url", |_, _, r, v| {
        partij_van(r) == Some(id(v))
    })
    .via(|l| &l.ix::<DigitaalAdresInput>().partij),
    F::choice(
        "verstrektDoorPartij__soortPartij",
        &["organisatie", "persoon", "contactpersoon"],
        |l, _, r, v| {
            partij_van(r)
                .and_then(|p| l.opt::<PartijInput>(p))
                .is_some_and(|p| p.soort().as_str() == v)
        },
    ),
    F::text(
        "verstrektDoorPartij__partijIdentificator__codeObjecttype",
        |l, _, r, v| partij_identificator(l, r, "codeObjecttype", v),
    ),
    F::text(
        "verstrektDoorPartij__partijIdentificator__codeSoortObjectId",
        |l, _, r, v| partij_identificator(l, r, "codeSoortObjectId", v),
    ),
    F::text(
        "verstrektDoorPartij__partijIdentificator__objectId",
        |l, _, r, v| partij_identificator(l, r, "objectId", v),
    ),
    F::text(
        "verstrektDoorPartij__partijIdentificator__codeRegister",
        |l, _, r, v| partij_identificator(l, r, "codeRegister", v),
    ),
];

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// partij → digitale adressen.
    pub(crate) partij: MultiIndex<Uuid>,
    /// betrokkene → digitale adressen.
    pub(crate) betrokkene: MultiIndex<Uuid>,
    /// `adres` → digitale adressen.
    pub(crate) adres: MultiIndex<String>,
}

impl Collection for DigitaalAdresInput {
    type Id = DigitaalAdresId;
    type Input = Self;
    type Ix = Ix;
    type Response = DigitaalAdres;
    const EXPAND: &'static [&'static str] = EXPAND;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &DigitaalAdresInput) {
        if let Some(p) = ref_id(r.verstrekt_door_partij.as_ref()) {
            ix.partij.apply(op, p, id);
        }
        if let Some(b) = ref_id(r.verstrekt_door_betrokkene.as_ref()) {
            ix.betrokkene.apply(op, b, id);
        }
        ix.adres.apply(op, r.adres.clone(), id);
    }

    /// The digitaal adres as the API returns it, with the betrokkene that provided it (and what
    /// is asked below it) in `_expand`.
    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &DigitaalAdresInput,
        expand: Option<&[String]>,
    ) -> DigitaalAdres {
        let betrokkene_id = ref_id(r.verstrekt_door_betrokkene.as_ref());
        DigitaalAdres::uit_invoer(
            r,
            l.basis(),
            DigitaalAdresId(id),
            l.url(Resource::DigitaleAdressen, id),
            expand.map(|expand| DigitaalAdresExpand {
                verstrekt_door_betrokkene: Nullable(
                    uitbreiding(expand, "verstrektDoorBetrokkene").map(|sub| {
                        betrokkene_id
                            .and_then(|b| l.toon::<BetrokkeneInput>(b, sub.as_deref()))
                            .map(Box::new)
                    }),
                ),
            }),
        )
    }

    /// Checks an address that is about to be stored as `r` (replacing `old`) and makes the
    /// changes that come with it: the old partij's preference is cleared when the address moves,
    /// and a new standaard adres demotes the partij's previous one of the same soort.
    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        r: Self::Input,
        old: Option<&Self>,
        path: &str,
    ) -> Result<Self, Error> {
        let p = partij_van(&r);
        let mut c = Checks::at(path);
        if let Some(p) = p {
            c.bestaat::<PartijInput>(tx.lezer(), "verstrektDoorPartij", p);
        }
        if let Some(b) = betrokkene_van(&r) {
            c.bestaat::<BetrokkeneInput>(tx.lezer(), "verstrektDoorBetrokkene", b);
        }
        c.invalid()?;
        if let (Some(p), Some(referentie_)) = (p, referentie(&r)) {
            let l = tx.lezer();
            let dubbel = l.ix::<DigitaalAdresInput>().partij.get(&p).iter().any(|o| {
                *o != id
                    && l.opt::<DigitaalAdresInput>(*o).is_some_and(|o| {
                        o.soort_digitaal_adres == r.soort_digitaal_adres
                            && referentie(o) == Some(referentie_)
                    })
            });
            if dubbel {
                return Err(Error::conflict(
                    &format!("{path}nonFieldErrors"),
                    "unique",
                    "De velden verstrekt_door_partij, referentie, soort_digitaal_adres moeten een unieke set zijn.",
                    &REGISTER_REFERENTIE_UNIEK,
                ));
            }
        }
        if old.and_then(partij_van) != p {
            PartijInput::wis_voorkeur_da(tx, id, p);
        }
        if let (Some(p), Some(true)) = (p, r.is_standaard_adres) {
            let anderen: Vec<Uuid> = tx.ix::<DigitaalAdresInput>().partij.get(&p).to_vec();
            for o in anderen {
                if o == id {
                    continue;
                }
                let other = tx.haal::<DigitaalAdresInput>(o)?;
                if other.soort_digitaal_adres == r.soort_digitaal_adres
                    && other.is_standaard_adres == Some(true)
                {
                    let mut demoted = (*other).clone();
                    demoted.is_standaard_adres = Some(false);
                    tx.zet(o, demoted);
                }
            }
        }
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        PartijInput::wis_voorkeur_da(tx, id, None);
        tx.wis::<Self>(id);
        Ok(())
    }
}
