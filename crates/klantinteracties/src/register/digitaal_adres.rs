//! Digitale adressen: e-mail addresses, phone numbers and others of a partij or betrokkene
//! (F1995 registreer, F6634 zoek, F2806 vraag op, F2946 wijzig). One standaard adres per
//! partij and soort: setting a new one demotes the old (Open Klant R20). `referentie` is unique
//! per partij and soort (R21). Moving an address away from a partij clears that partij's
//! `voorkeursDigitaalAdres`.

use serde_json::Value;
use uuid::Uuid;

use super::index::Op;
use super::lezen::{gevraagd, onder, wants, Lezer};
use super::partij_identificator::identificeert;
use super::schrijven::{as_json, ref_id, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{flag, icontains, id, Filter, Page, Zoekvraag};
use super::{betrokkene, partij, register_reads, register_writes, Error};
use crate::model::{
    BetrokkeneInput, DigitaalAdres, DigitaalAdresExpand, DigitaalAdresId, DigitaalAdresInput,
    PartijInput, Referentie,
};
use crate::register::regels::REGISTER_REFERENTIE_UNIEK;
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &DigitaalAdresInput) {
    if let Some(p) = ref_id(r.verstrekt_door_partij.as_ref()) {
        ix.da_partij.apply(op, p, id);
    }
    if let Some(b) = ref_id(r.verstrekt_door_betrokkene.as_ref()) {
        ix.da_betrokkene.apply(op, b, id);
    }
    ix.da_adres.apply(op, r.adres.clone(), id);
}

/// The expansions `/digitaleadressen` offers (the `expand` enum of API 0.9.0).
pub(crate) const EXPAND: &[&str] = &[
    "verstrektDoorBetrokkene",
    "verstrektDoorBetrokkene.hadKlantcontact",
    "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
];

/// The digitaal adres as the API returns it, with the betrokkene that provided it (and what
/// is asked below it) in `_expand`.
pub(crate) fn present(
    l: &Lezer<'_>,
    id: Uuid,
    r: &DigitaalAdresInput,
    expand: Option<&[String]>,
) -> DigitaalAdres {
    let betrokkene_id = ref_id(r.verstrekt_door_betrokkene.as_ref());
    DigitaalAdres {
        uuid: DigitaalAdresId(id),
        url: l.url(Resource::DigitaleAdressen, id),
        verstrekt_door_betrokkene: r
            .verstrekt_door_betrokkene
            .as_ref()
            .map(|b| b.as_ref().map(|b| l.opnieuw(Resource::Betrokkenen, b))),
        verstrekt_door_partij: r
            .verstrekt_door_partij
            .as_ref()
            .map(|p| p.as_ref().map(|p| l.opnieuw(Resource::Partijen, p))),
        adres: r.adres.clone(),
        soort_digitaal_adres: r.soort_digitaal_adres,
        is_standaard_adres: r.is_standaard_adres,
        omschrijving: r.omschrijving.clone(),
        referentie: r.referentie.clone(),
        verificatie_datum: r.verificatie_datum.clone(),
        expand: expand.map(|expand| DigitaalAdresExpand {
            verstrekt_door_betrokkene: wants(expand, "verstrektDoorBetrokkene").then(|| {
                let sub = onder(expand, "verstrektDoorBetrokkene");
                betrokkene_id.and_then(|b| {
                    l.opt::<BetrokkeneInput>(b)
                        .map(|r| Box::new(betrokkene::present(l, b, r, sub.as_deref())))
                })
            }),
        }),
    }
}

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
        .clone()
        .flatten()
        .map(|d| d.as_str().to_owned())
}

fn partij_identificator(l: &Lezer<'_>, r: &DigitaalAdresInput, veld: &str, v: &str) -> bool {
    partij_van(r).is_some_and(|p| identificeert(l, p, veld, v))
}

/// A filter on this collection's records.
type F = Filter<DigitaalAdresInput>;

pub(super) const FILTERS: &[F] = &[
    F::text("adres", |_, _, r, v| r.adres == v).indexed(|l, v| l.state.ix.da_adres.get(v).to_vec()),
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
    .indexed(|l, v| l.state.ix.da_betrokkene.get(&id(v)).to_vec()),
    F::url("verstrektDoorBetrokkene__url", |_, _, r, v| {
        betrokkene_van(r) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.da_betrokkene.get(&id(v)).to_vec()),
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
    .indexed(|l, v| l.state.ix.da_partij.get(&id(v)).to_vec()),
    F::url("verstrektDoorPartij__url", |_, _, r, v| {
        partij_van(r) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.da_partij.get(&id(v)).to_vec()),
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

impl Lezer<'_> {
    /// F2806 Vraag digitaal adres op (`GET /digitaleadressen/{uuid}`).
    pub fn vraag_digitaal_adres_op(
        &self,
        id: DigitaalAdresId,
        expand: &[String],
    ) -> Result<DigitaalAdres, Error> {
        Self::check_expand(EXPAND, expand)?;
        Ok(present(
            self,
            id.0,
            self.haal::<DigitaalAdresInput>(id.0)?,
            gevraagd(expand),
        ))
    }

    /// F6634 Zoek digitaal adres (`GET /digitaleadressen`).
    pub fn zoek_digitaal_adres(&self, q: &Zoekvraag) -> Result<Page<DigitaalAdres>, Error> {
        Self::check_expand(EXPAND, &q.expand)?;
        self.zoek(&self.state.t.digitaleadressen, FILTERS, q, None, |id, r| {
            present(self, id, r, Some(&q.expand))
        })
    }
}

/// Checks an address that is about to be stored as `r` (replacing `old`) and makes the
/// changes that come with it: the old partij's preference is cleared when the address moves,
/// and a new standaard adres demotes the partij's previous one of the same soort.
pub(crate) fn plaats(
    tx: &mut Transactie<'_>,
    id: Uuid,
    r: DigitaalAdresInput,
    old: Option<&DigitaalAdresInput>,
    path: &str,
) -> Result<DigitaalAdresInput, Error> {
    let p = partij_van(&r);
    let mut c = Checks::default();
    if let Some(p) = p {
        c.reference(
            &format!("{path}verstrektDoorPartij"),
            tx.bestaat::<PartijInput>(p),
            "Partij",
        );
    }
    if let Some(b) = betrokkene_van(&r) {
        c.reference(
            &format!("{path}verstrektDoorBetrokkene"),
            tx.bestaat::<BetrokkeneInput>(b),
            "Betrokkene",
        );
    }
    c.invalid()?;
    if let (Some(p), Some(referentie_)) = (p, referentie(&r)) {
        let l = tx.lezer();
        let dubbel = l.state.ix.da_partij.get(&p).iter().any(|o| {
            *o != id
                && l.opt::<DigitaalAdresInput>(*o).is_some_and(|o| {
                    o.soort_digitaal_adres == r.soort_digitaal_adres
                        && referentie(o) == Some(referentie_)
                })
        });
        if dubbel {
            return Err(Error::conflict(
                "nonFieldErrors",
                "unique",
                "De velden verstrekt_door_partij, referentie, soort_digitaal_adres moeten een unieke set zijn.",
                &REGISTER_REFERENTIE_UNIEK,
            ));
        }
    }
    if old.and_then(partij_van) != p {
        partij::wis_voorkeur_da(tx, id, p);
    }
    if let (Some(p), Some(true)) = (p, r.is_standaard_adres) {
        let anderen: Vec<Uuid> = tx.state.ix.da_partij.get(&p).to_vec();
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

impl Transactie<'_> {
    /// F1995 Registreer digitaal adres (`POST /digitaleadressen`), of a partij or a
    /// betrokkene.
    pub fn registreer_digitaal_adres(
        &mut self,
        body: impl IntoBody,
    ) -> Result<DigitaalAdres, Error> {
        self.call(Some("F1995"), "registreer_digitaal_adres", |tx| {
            let id = tx.maak(body.into_body()?, |tx, id, i| plaats(tx, id, i, None, ""))?;
            tx.vraag_digitaal_adres_op(DigitaalAdresId(id), &[])
        })
    }

    /// F2946 Wijzig digitaal adres (`PUT /digitaleadressen/{uuid}`).
    pub fn wijzig_digitaal_adres(
        &mut self,
        id: DigitaalAdresId,
        body: impl IntoBody,
    ) -> Result<DigitaalAdres, Error> {
        self.call(Some("F2946"), "wijzig_digitaal_adres", |tx| {
            tx.vervang(id.0, body.into_body()?, as_json, |tx, id, i, old| {
                plaats(tx, id, i, Some(old), "")
            })?;
            tx.vraag_digitaal_adres_op(id, &[])
        })
    }

    /// F2946 Wijzig digitaal adres, partial (`PATCH /digitaleadressen/{uuid}`).
    pub fn wijzig_digitaal_adres_deels(
        &mut self,
        id: DigitaalAdresId,
        patch: &Value,
    ) -> Result<DigitaalAdres, Error> {
        self.call(Some("F2946"), "wijzig_digitaal_adres_deels", |tx| {
            tx.wijzig_deels(id.0, patch, as_json, |tx, id, i, old| {
                plaats(tx, id, i, Some(old), "")
            })?;
            tx.vraag_digitaal_adres_op(id, &[])
        })
    }

    /// Verwijder digitaal adres (`DELETE /digitaleadressen/{uuid}`); a partij that preferred
    /// it loses its `voorkeursDigitaalAdres` (SET_NULL).
    pub fn verwijder_digitaal_adres(&mut self, id: DigitaalAdresId) -> Result<(), Error> {
        self.call(None, "verwijder_digitaal_adres", |tx| {
            tx.haal::<DigitaalAdresInput>(id.0)?;
            partij::wis_voorkeur_da(tx, id.0, None);
            tx.wis::<DigitaalAdresInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// F1995 Registreer digitaal adres (`POST /digitaleadressen`).
    fn registreer_digitaal_adres(body: impl IntoBody) -> DigitaalAdres;
    /// F2946 Wijzig digitaal adres (`PUT /digitaleadressen/{uuid}`).
    fn wijzig_digitaal_adres(id: DigitaalAdresId, body: impl IntoBody) -> DigitaalAdres;
    /// F2946 Wijzig digitaal adres, partial (`PATCH /digitaleadressen/{uuid}`).
    fn wijzig_digitaal_adres_deels(id: DigitaalAdresId, patch: &Value) -> DigitaalAdres;
    /// Verwijder digitaal adres (`DELETE /digitaleadressen/{uuid}`).
    fn verwijder_digitaal_adres(id: DigitaalAdresId) -> ();
}

register_reads! {
    /// F2806 Vraag digitaal adres op (`GET /digitaleadressen/{uuid}`).
    fn vraag_digitaal_adres_op(id: DigitaalAdresId, expand: &[String]) -> DigitaalAdres;
    /// F6634 Zoek digitaal adres (`GET /digitaleadressen`).
    fn zoek_digitaal_adres(q: &Zoekvraag) -> Page<DigitaalAdres>;
}
