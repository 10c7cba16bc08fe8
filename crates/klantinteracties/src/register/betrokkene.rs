//! Betrokkenen bij klantcontact: who took part on the resident's side (F2599 registreer,
//! F4936 zoek, F5859 vraag op, F3246 wijzig, also "koppel partij aan klantcontact"). Standaard
//! profile: a klantcontact keeps at least one betrokkene (KC-02), so the last one cannot be
//! removed or moved away.

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::{uitbreiding, wants, Lezer};
use super::schrijven::{filled, ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{id, Filter};
use super::Error;
use crate::model::{
    Betrokkene, BetrokkeneExpand, BetrokkeneId, BetrokkeneInput, Contactnaam, DigitaalAdresInput,
    KlantcontactInput, Nullable, PartijIdentificatorInput, PartijInput,
};
use crate::register::regels::REGISTER_KLANTCONTACT_COMPLEET;
use crate::rules::Profile;
use crate::Resource;

/// The expansions `/betrokkenen` offers (the `expand` enum of API 0.9.0).
const EXPAND: &[&str] = &["digitaleAdressen"];

fn naam(r: &BetrokkeneInput) -> Option<&Contactnaam> {
    r.gegevens.contactnaam.as_ref().and_then(Option::as_ref)
}

fn kc_nummer(l: &Lezer<'_>, r: &BetrokkeneInput, referentie: bool, v: &str) -> bool {
    l.opt::<KlantcontactInput>(r.had_klantcontact.uuid.0)
        .is_some_and(|k| {
            let n = if referentie {
                &k.referentienummer
            } else {
                &k.nummer
            };
            filled(n.as_ref()) == Some(v)
        })
}

fn partij(r: &BetrokkeneInput) -> Option<Uuid> {
    ref_id(r.gegevens.was_partij.as_ref())
}

fn pi(l: &Lezer<'_>, r: &BetrokkeneInput, veld: &str, v: &str) -> bool {
    partij(r).is_some_and(|p| PartijIdentificatorInput::identificeert(l, p, veld, v))
}

fn verstrekt(l: &Lezer<'_>, id: Uuid, pred: impl Fn(Uuid, &DigitaalAdresInput) -> bool) -> bool {
    l.ix::<DigitaalAdresInput>()
        .betrokkene
        .get(&id)
        .iter()
        .any(|a| l.opt::<DigitaalAdresInput>(*a).is_some_and(|r| pred(*a, r)))
}

fn betrokkenen_met_adres(l: &Lezer<'_>, adressen: &[Uuid]) -> Vec<Uuid> {
    adressen
        .iter()
        .filter_map(|a| l.opt::<DigitaalAdresInput>(*a))
        .filter_map(|a| ref_id(a.verstrekt_door_betrokkene.as_ref()))
        .collect()
}

/// A filter on this collection's records.
type F = Filter<BetrokkeneInput>;

const FILTERS: &[F] = &[
    F::uuid("hadKlantcontact__uuid", |_, _, r, v| {
        r.had_klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<BetrokkeneInput>().klantcontact),
    F::url("hadKlantcontact__url", |_, _, r, v| {
        r.had_klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<BetrokkeneInput>().klantcontact),
    F::text("hadKlantcontact__referentienummer", |l, _, r, v| {
        kc_nummer(l, r, true, v)
    })
    .indexed(|l, v| {
        l.ix::<KlantcontactInput>()
            .referentienummer
            .get(v)
            .iter()
            .flat_map(|k| l.ix::<BetrokkeneInput>().klantcontact.get(k).to_vec())
            .collect()
    }),
    F::text("hadKlantcontact__nummer", |l, _, r, v| {
        kc_nummer(l, r, false, v)
    })
    .indexed(|l, v| {
        l.ix::<KlantcontactInput>()
            .nummer
            .get(v)
            .iter()
            .flat_map(|k| l.ix::<BetrokkeneInput>().klantcontact.get(k).to_vec())
            .collect()
    }),
    F::uuid("wasPartij__uuid", |_, _, r, v| partij(r) == Some(id(v)))
        .via(|l| &l.ix::<BetrokkeneInput>().partij),
    F::url("wasPartij__url", |_, _, r, v| partij(r) == Some(id(v)))
        .via(|l| &l.ix::<BetrokkeneInput>().partij),
    F::text("wasPartij__nummer", |l, _, r, v| {
        partij(r)
            .and_then(|p| l.opt::<PartijInput>(p))
            .is_some_and(|p| filled(p.basis().nummer.as_ref()) == Some(v))
    })
    .indexed(|l, v| {
        l.ix::<PartijInput>()
            .nummer
            .get(v)
            .iter()
            .flat_map(|p| l.ix::<BetrokkeneInput>().partij.get(p).to_vec())
            .collect()
    }),
    F::text(
        "wasPartij__partijIdentificator__codeObjecttype",
        |l, _, r, v| pi(l, r, "codeObjecttype", v),
    ),
    F::text(
        "wasPartij__partijIdentificator__codeSoortObjectId",
        |l, _, r, v| pi(l, r, "codeSoortObjectId", v),
    ),
    F::text("wasPartij__partijIdentificator__objectId", |l, _, r, v| {
        pi(l, r, "objectId", v)
    })
    .indexed(|l, v| {
        PartijIdentificatorInput::partijen_met_object_id(l, v)
            .into_iter()
            .flat_map(|p| l.ix::<BetrokkeneInput>().partij.get(&p).to_vec())
            .collect()
    }),
    F::text(
        "wasPartij__partijIdentificator__codeRegister",
        |l, _, r, v| pi(l, r, "codeRegister", v),
    ),
    F::text("verstrektedigitaalAdres__adres", |l, id, _, v| {
        verstrekt(l, id, |_, a| a.adres == v)
    })
    .indexed(|l, v| betrokkenen_met_adres(l, l.ix::<DigitaalAdresInput>().adres.get(v))),
    F::uuid("verstrektedigitaalAdres__uuid", |l, i, _, v| {
        verstrekt(l, i, |a, _| a == id(v))
    })
    .indexed(|l, v| betrokkenen_met_adres(l, &[id(v)])),
    F::url("verstrektedigitaalAdres__url", |l, i, _, v| {
        verstrekt(l, i, |a, _| a == id(v))
    })
    .indexed(|l, v| betrokkenen_met_adres(l, &[id(v)])),
    F::text("contactnaamVoorletters", |_, _, r, v| {
        naam(r).and_then(|n| n.voorletters.as_deref()) == Some(v)
    }),
    F::text("contactnaamVoornaam", |_, _, r, v| {
        naam(r).and_then(|n| n.voornaam.as_deref()) == Some(v)
    }),
    F::text("contactnaamVoorvoegselAchternaam", |_, _, r, v| {
        naam(r).and_then(|n| n.voorvoegsel_achternaam.as_deref()) == Some(v)
    }),
    F::text("contactnaamAchternaam", |_, _, r, v| {
        naam(r).and_then(|n| n.achternaam.as_deref()) == Some(v)
    }),
    F::text("organisatienaam", |_, _, r, v| {
        r.gegevens.organisatienaam.as_deref() == Some(v)
    }),
];

/// KC-02 (standaard profile): refuses to take away the last betrokkene of a klantcontact.
fn laatste_betrokkene(
    tx: &Transactie<'_>,
    id: Uuid,
    old: &BetrokkeneInput,
    new_kc: Option<Uuid>,
) -> Result<(), Error> {
    let k = old.had_klantcontact.uuid.0;
    if tx.profile() == Profile::Standaard
        && new_kc != Some(k)
        && tx
            .ix::<BetrokkeneInput>()
            .klantcontact
            .get(&k)
            .iter()
            .all(|o| *o == id)
    {
        return Err(Error::protected(
            "nonFieldErrors",
            "protected",
            "Een klantcontact heeft minimaal één betrokkene; de laatste betrokkene kan niet worden verwijderd.",
            &REGISTER_KLANTCONTACT_COMPLEET,
        ));
    }
    Ok(())
}

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// klantcontact → betrokkenen.
    pub(crate) klantcontact: MultiIndex<Uuid>,
    /// partij → betrokkenen.
    pub(crate) partij: MultiIndex<Uuid>,
}

impl Collection for BetrokkeneInput {
    type Id = BetrokkeneId;
    type Input = Self;
    type Ix = Ix;
    type Response = Betrokkene;
    const EXPAND: &'static [&'static str] = EXPAND;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &BetrokkeneInput) {
        ix.klantcontact.apply(op, r.had_klantcontact.uuid.0, id);
        if let Some(p) = ref_id(r.gegevens.was_partij.as_ref()) {
            ix.partij.apply(op, p, id);
        }
    }

    /// The betrokkene as the API returns it. Below a klantcontact, partij or digitaal adres its
    /// `_expand` may also hold `wasPartij` and `hadKlantcontact` (with what is asked below it).
    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &BetrokkeneInput,
        expand: Option<&[String]>,
    ) -> Betrokkene {
        let g = &r.gegevens;
        let adressen = l.ix::<DigitaalAdresInput>().betrokkene.get(&id);
        Betrokkene::uit_invoer(
            g,
            l.basis(),
            BetrokkeneId(id),
            l.url(Resource::Betrokkenen, id),
            l.opnieuw(&r.had_klantcontact),
            l.verwijzingen(adressen),
            g.contactnaam.volledige_naam(),
            expand.map(|expand| BetrokkeneExpand {
                was_partij: Nullable(wants(expand, "wasPartij").then(|| {
                    ref_id(g.was_partij.as_ref())
                        .and_then(|p| l.toon::<PartijInput>(p, None))
                        .map(Box::new)
                })),
                had_klantcontact: uitbreiding(expand, "hadKlantcontact")
                    .and_then(|sub| {
                        l.toon::<KlantcontactInput>(r.had_klantcontact.uuid.0, sub.as_deref())
                    })
                    .map(Box::new),
                digitale_adressen: wants(expand, "digitaleAdressen")
                    .then(|| l.toon_alle::<DigitaalAdresInput>(adressen, None)),
            }),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        r: Self::Input,
        old: Option<&Self>,
        path: &str,
    ) -> Result<Self, Error> {
        if let Some(old) = old {
            laatste_betrokkene(tx, id, old, Some(r.had_klantcontact.uuid.0))?;
        }
        let mut c = Checks::at(path);
        c.bestaat::<KlantcontactInput>(tx.lezer(), "hadKlantcontact", r.had_klantcontact.uuid.0);
        if let Some(p) = partij(&r) {
            c.bestaat::<PartijInput>(tx.lezer(), "wasPartij", p);
        }
        c.invalid()?;
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        let old = tx.haal::<Self>(id)?;
        laatste_betrokkene(tx, id, &old, None)?;
        BetrokkeneInput::wis(tx, id);
        Ok(())
    }
}

/// Deleting a betrokkene, as a klantcontact or partij that goes takes it along.
impl BetrokkeneInput {
    /// Deletes a betrokkene: its digitale adressen lose their `verstrektDoorBetrokkene`
    /// (SET_NULL).
    pub(crate) fn wis(tx: &mut Transactie<'_>, id: Uuid) {
        for a in tx.ix::<DigitaalAdresInput>().betrokkene.get(&id).to_vec() {
            if let Ok(adres) = tx.haal::<DigitaalAdresInput>(a) {
                let mut adres = (*adres).clone();
                adres.verstrekt_door_betrokkene = Nullable::NULL;
                tx.zet(a, adres);
            }
        }
        tx.wis::<BetrokkeneInput>(id);
    }
}
