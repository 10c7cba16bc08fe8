//! Klantcontacten: every contact between the municipality and a resident or business
//! (F2173 registreer, F3896 zoek, F8618 vraag op, F0796 wijzig, F2084 overzicht of a partij
//! via `hadBetrokkene__wasPartij__uuid`), plus `maak-klantcontact` of API 0.9.0.
//!
//! F2173: "een `klantcontact` kan functioneel niet bestaan zonder dat er een gerelateerde
//! `actorKlantcontact` en `betrokkeneBijKlantcontact` bestaan". Over HTTP that needs a saga
//! (B8786); here [`Transactie::registreer_klantcontact`] writes the klantcontact with its
//! actoren, betrokkenen, onderwerpobjecten, bijlagen and interne taken in one atomic call. In
//! the standaard profile a transaction that leaves a new klantcontact without an actor or a
//! betrokkene is refused (KC-01, KC-02), and `plaatsgevondenOp` may not lie in the future
//! (KC-07).

use chrono::SecondsFormat;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::body::as_json;
use super::body::IntoBody;
use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::{uitbreiding, wants, Lezer};
use super::record::InterneTaakRecord;
use super::schrijven::{filled, ref_id, Checks};
use super::tabel::{register_reads, register_writes};
use super::transactie::Transactie;
use super::zoeken::{flag, icontains, id, identificator_veld, Filter, Page, Zoekvraag};
use super::Error;
use crate::model::{
    ActorId, ActorInput, ActorKlantcontact, ActorKlantcontactId, ActorKlantcontactInput,
    Betrokkene, BetrokkeneGegevens, BetrokkeneId, BetrokkeneInput, Bijlage, BijlageId,
    BijlageInput, Datumtijd, DigitaalAdresInput, InterneTaak, InterneTaakId, Klantcontact,
    KlantcontactExpand, KlantcontactId, KlantcontactInput, MaakKlantcontact, Onderwerpobject,
    OnderwerpobjectId, OnderwerpobjectInput, PartijIdentificatorInput, Verwijzing,
};
use crate::register::regels::{
    REGISTER_GEEN_TOEKOMST, REGISTER_KLANTCONTACT_COMPLEET, REGISTER_NUMMER_UNIEK,
};
use crate::rules::Profile;
use crate::Resource;

/// The expansions `/klantcontacten` offers (the `expand` enum of API 0.9.0).
const EXPAND: &[&str] = &[
    "gingOverOnderwerpobjecten",
    "hadBetrokkenen",
    "hadBetrokkenen.digitaleAdressen",
    "hadBetrokkenen.wasPartij",
    "leiddeTotInterneTaken",
    "omvatteBijlagen",
];

fn betrokkenen_van<'a>(l: &Lezer<'a>, id: Uuid) -> impl Iterator<Item = &'a BetrokkeneInput> + 'a {
    let l = *l;
    l.ix::<BetrokkeneInput>()
        .klantcontact
        .get(&id)
        .iter()
        .filter_map(move |b| l.opt::<BetrokkeneInput>(*b).map(|r| &**r))
}

fn via_betrokkenen(l: &Lezer<'_>, betrokkenen: &[Uuid]) -> Vec<Uuid> {
    betrokkenen
        .iter()
        .filter_map(|b| l.opt::<BetrokkeneInput>(*b))
        .map(|b| b.had_klantcontact.uuid.0)
        .collect()
}

fn onderwerp_ident(l: &Lezer<'_>, ids: &[Uuid], veld: &str, v: &str) -> bool {
    ids.iter().any(|o| {
        l.opt::<OnderwerpobjectInput>(*o).is_some_and(|o| {
            identificator_veld(
                o.onderwerpobjectidentificator
                    .as_ref()
                    .and_then(Option::as_ref),
                veld,
            ) == Some(v)
        })
    })
}

fn was_onderwerp(l: &Lezer<'_>, id: Uuid) -> Vec<Uuid> {
    l.ix::<OnderwerpobjectInput>()
        .was_klantcontact
        .get(&id)
        .to_vec()
}

fn onderwerp_klantcontact(l: &Lezer<'_>, o: Uuid, was: bool) -> Vec<Uuid> {
    l.opt::<OnderwerpobjectInput>(o)
        .and_then(|o| {
            ref_id(if was {
                o.was_klantcontact.as_ref()
            } else {
                o.klantcontact.as_ref()
            })
        })
        .into_iter()
        .collect()
}

macro_rules! tekst_filter {
    ($name:literal, $field:ident) => {
        F::text($name, |_, _, r, v| {
            r.$field.as_deref().is_some_and(|x| icontains(x, v))
        })
    };
}

macro_rules! ident_filters {
    ($prefix:literal, $was:literal, $($veld:literal),+) => {
        [$(
            F::text(concat!($prefix, "__onderwerpobjectidentificator", $veld), |l, id, _, v| {
                    let ids = if $was { was_onderwerp(l, id) } else { l.ix::<OnderwerpobjectInput>().klantcontact.get(&id).to_vec() };
                    onderwerp_ident(l, &ids, $veld, v)
                }),
        )+]
    };
}

/// A filter on this collection's records.
type F = Filter<KlantcontactInput>;

const OO_IDENT: [F; 4] = ident_filters!(
    "onderwerpobject",
    false,
    "ObjectId",
    "CodeObjecttype",
    "CodeRegister",
    "CodeSoortObjectId"
);
const WAS_OO_IDENT: [F; 4] = ident_filters!(
    "wasOnderwerpobject",
    true,
    "ObjectId",
    "CodeObjecttype",
    "CodeRegister",
    "CodeSoortObjectId"
);

macro_rules! wp_pi_filters {
    ($($veld:literal),+) => {
        [$(
            F::text(concat!("hadBetrokkene__wasPartij__partijIdentificator__", $veld), |l, id, _, v| betrokkenen_van(l, id).any(|b| {
                    ref_id(b.gegevens.was_partij.as_ref()).is_some_and(|p| PartijIdentificatorInput::identificeert(l, p, $veld, v))
                })),
        )+]
    };
}

const WP_PI: [F; 4] = wp_pi_filters!(
    "codeObjecttype",
    "codeSoortObjectId",
    "objectId",
    "codeRegister"
);

const FILTERS: &[F] = &[
    F::text("nummer", |_, _, r, v| filled(r.nummer.as_ref()) == Some(v))
        .via_tekst(|l| &l.ix::<KlantcontactInput>().nummer),
    F::text("referentienummer", |_, _, r, v| {
        filled(r.referentienummer.as_ref()) == Some(v)
    })
    .via_tekst(|l| &l.ix::<KlantcontactInput>().referentienummer),
    F::text("kanaal", |_, _, r, v| r.kanaal.as_str() == v),
    F::text("onderwerp", |_, _, r, v| icontains(&r.onderwerp, v)),
    tekst_filter!("inhoud", inhoud),
    tekst_filter!("reactie", reactie),
    F::bool("indicatieContactGelukt", |_, _, r, v| {
        r.indicatie_contact_gelukt.flatten() == Some(flag(v))
    }),
    F::bool("vertrouwelijk", |_, _, r, v| r.vertrouwelijk == flag(v)),
    F::datetime("plaatsgevondenOp", |_, _, r, v| {
        r.plaatsgevonden_op
            .as_ref()
            .is_some_and(|p| Datumtijd::parse(v).is_ok_and(|d| d.utc() == p.utc()))
    }),
    F::uuid("hadBetrokkene__uuid", |l, i, _, v| {
        l.ix::<BetrokkeneInput>()
            .klantcontact
            .get(&i)
            .contains(&id(v))
    })
    .indexed(|l, v| via_betrokkenen(l, &[id(v)])),
    F::url("hadBetrokkene__url", |l, i, _, v| {
        l.ix::<BetrokkeneInput>()
            .klantcontact
            .get(&i)
            .contains(&id(v))
    })
    .indexed(|l, v| via_betrokkenen(l, &[id(v)])),
    F::bool("hadBetrokkene__wasPartij", |l, i, _, v| {
        betrokkenen_van(l, i).any(|b| ref_id(b.gegevens.was_partij.as_ref()).is_some()) == flag(v)
    }),
    F::uuid("hadBetrokkene__wasPartij__uuid", |l, i, _, v| {
        betrokkenen_van(l, i).any(|b| ref_id(b.gegevens.was_partij.as_ref()) == Some(id(v)))
    })
    .indexed(|l, v| via_betrokkenen(l, l.ix::<BetrokkeneInput>().partij.get(&id(v)))),
    F::url("hadBetrokkene__wasPartij__url", |l, i, _, v| {
        betrokkenen_van(l, i).any(|b| ref_id(b.gegevens.was_partij.as_ref()) == Some(id(v)))
    })
    .indexed(|l, v| via_betrokkenen(l, l.ix::<BetrokkeneInput>().partij.get(&id(v)))),
    WP_PI[0],
    WP_PI[1],
    WP_PI[2],
    WP_PI[3],
    F::text(
        "hadBetrokkene__digitaaladres__adres__icontains",
        |l, i, _, v| {
            l.ix::<BetrokkeneInput>()
                .klantcontact
                .get(&i)
                .iter()
                .any(|b| {
                    l.ix::<DigitaalAdresInput>()
                        .betrokkene
                        .get(b)
                        .iter()
                        .any(|a| {
                            l.opt::<DigitaalAdresInput>(*a)
                                .is_some_and(|a| icontains(&a.adres, v))
                        })
                })
        },
    ),
    F::bool("leiddeTotInterneTaken", |l, i, _, v| {
        l.ix::<InterneTaakRecord>().klantcontact.get(&i).is_empty() != flag(v)
    }),
    F::uuid("onderwerpobject__uuid", |l, i, _, v| {
        l.ix::<OnderwerpobjectInput>()
            .klantcontact
            .get(&i)
            .contains(&id(v))
    })
    .indexed(|l, v| onderwerp_klantcontact(l, id(v), false)),
    F::url("onderwerpobject__url", |l, i, _, v| {
        l.ix::<OnderwerpobjectInput>()
            .klantcontact
            .get(&i)
            .contains(&id(v))
    })
    .indexed(|l, v| onderwerp_klantcontact(l, id(v), false)),
    OO_IDENT[0],
    OO_IDENT[1],
    OO_IDENT[2],
    OO_IDENT[3],
    F::uuid("wasOnderwerpobject__uuid", |l, i, _, v| {
        was_onderwerp(l, i).contains(&id(v))
    })
    .indexed(|l, v| onderwerp_klantcontact(l, id(v), true)),
    F::url("wasOnderwerpobject__url", |l, i, _, v| {
        was_onderwerp(l, i).contains(&id(v))
    })
    .indexed(|l, v| onderwerp_klantcontact(l, id(v), true)),
    WAS_OO_IDENT[0],
    WAS_OO_IDENT[1],
    WAS_OO_IDENT[2],
    WAS_OO_IDENT[3],
];

fn plaatsgevonden(r: &KlantcontactInput) -> i64 {
    r.plaatsgevonden_op
        .as_ref()
        .map_or(i64::MIN, |p| p.utc().and_utc().timestamp_micros())
}

impl Lezer<'_> {
    /// Orders `ids` as F3896 lists klantcontacten: newest `plaatsgevondenOp` first, then the
    /// most recently registered first; ids that name no klantcontact go last.
    pub(crate) fn nieuwste_eerst(&self, ids: &mut [KlantcontactId]) {
        let t = self.tabel::<KlantcontactInput>();
        ids.sort_by_cached_key(|id| {
            let moment = t.get(&id.0).map_or(i64::MIN, |r| plaatsgevonden(r));
            (
                std::cmp::Reverse(moment),
                std::cmp::Reverse(t.seq(&id.0).unwrap_or(0)),
            )
        });
    }

    /// F3896 Zoek klantcontact, returning the stored records (no response shaping), newest
    /// `plaatsgevondenOp` first.
    pub fn zoek_klantcontact_records(
        &self,
        q: &Zoekvraag,
    ) -> Result<Page<(KlantcontactId, std::sync::Arc<KlantcontactInput>)>, Error> {
        self.zoek(
            self.tabel::<KlantcontactInput>(),
            FILTERS,
            q,
            Some(&plaatsgevonden),
            |id, r| (KlantcontactId(id), r.clone()),
        )
    }
}

/// A klantcontact with everything registered with it in one call (F2173). JSON form:
/// `{"klantcontact": {…}, "actoren": [{"uuid": …}], "betrokkenen": [{…}], "onderwerpobjecten":
/// [{…}], "bijlagen": [{…}], "interneTaken": [{…}]}`; the nested bodies leave out their
/// reference to the klantcontact, which the register fills in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KlantcontactRegistratie {
    /// The klantcontact (`POST /klantcontacten` body).
    pub klantcontact: Value,
    /// The actoren that took part (at least one in the standaard profile).
    #[serde(default)]
    pub actoren: Vec<Verwijzing<ActorId>>,
    /// The betrokkenen (at least one in the standaard profile), without `hadKlantcontact`.
    #[serde(default)]
    pub betrokkenen: Vec<Value>,
    /// Onderwerpobjecten, without `klantcontact`.
    #[serde(default)]
    pub onderwerpobjecten: Vec<Value>,
    /// Bijlagen, without `wasBijlageVanKlantcontact`.
    #[serde(default)]
    pub bijlagen: Vec<Value>,
    /// Interne taken, without `aanleidinggevendKlantcontact`.
    #[serde(default)]
    pub interne_taken: Vec<Value>,
}

/// What [`Transactie::registreer_klantcontact`] registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Klantcontactdossier {
    /// The klantcontact.
    pub klantcontact: Klantcontact,
    /// Its actor-klantcontacten.
    pub actorklantcontacten: Vec<ActorKlantcontact>,
    /// Its betrokkenen.
    pub betrokkenen: Vec<Betrokkene>,
    /// Its onderwerpobjecten.
    pub onderwerpobjecten: Vec<Onderwerpobject>,
    /// Its bijlagen.
    pub bijlagen: Vec<Bijlage>,
    /// Its interne taken.
    pub interne_taken: Vec<InterneTaak>,
}

/// Prefixes the names of an error's violations (`betrokkenen.0.`).
/// Where the parts of a [`KlantcontactRegistratie`] sit in the caller's request (each with
/// its dot), so that their violations are named from there: `klantcontact.`, `actoren.0.`,
/// `betrokkenen.0.` … for a registration of its own; a workflow gives the places of its input.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plaatsen {
    pub(crate) klantcontact: String,
    /// Where each actor-klantcontact sits: its `actor` is the actor reference.
    pub(crate) actoren: Vec<String>,
    pub(crate) betrokkenen: Vec<String>,
    pub(crate) onderwerpobjecten: Vec<String>,
    pub(crate) bijlagen: Vec<String>,
    pub(crate) interne_taken: Vec<String>,
}

impl Plaatsen {
    /// The places in a registration of its own (F2173's request body).
    fn van(r: &KlantcontactRegistratie) -> Self {
        let lijst = |naam: &str, n: usize| (0..n).map(|i| format!("{naam}.{i}.")).collect();
        Self {
            klantcontact: "klantcontact.".to_owned(),
            actoren: lijst("actoren", r.actoren.len()),
            betrokkenen: lijst("betrokkenen", r.betrokkenen.len()),
            onderwerpobjecten: lijst("onderwerpobjecten", r.onderwerpobjecten.len()),
            bijlagen: lijst("bijlagen", r.bijlagen.len()),
            interne_taken: lijst("interneTaken", r.interne_taken.len()),
        }
    }
}

fn met(mut body: Value, key: &str, k: Uuid) -> Value {
    if let Value::Object(m) = &mut body {
        m.insert(key.to_owned(), json!({ "uuid": k }));
    }
    body
}

/// Deletes a klantcontact with Open Klant's cascades: its betrokkenen (their digitale
/// adressen lose `verstrektDoorBetrokkene`), onderwerpobjecten (both `klantcontact` and
/// `wasKlantcontact`), bijlagen, interne taken and actor-klantcontacten.
pub(crate) fn verwijder(tx: &mut Transactie<'_>, k: Uuid) {
    let betrokkenen = tx.ix::<BetrokkeneInput>().klantcontact.get(&k).to_vec();
    let mut onderwerpen = tx
        .ix::<OnderwerpobjectInput>()
        .klantcontact
        .get(&k)
        .to_vec();
    onderwerpen.extend_from_slice(tx.ix::<OnderwerpobjectInput>().was_klantcontact.get(&k));
    let bijlagen = tx.ix::<BijlageInput>().klantcontact.get(&k).to_vec();
    let taken = tx.ix::<InterneTaakRecord>().klantcontact.get(&k).to_vec();
    let koppelingen = tx
        .ix::<ActorKlantcontactInput>()
        .klantcontact
        .get(&k)
        .to_vec();
    for b in betrokkenen {
        BetrokkeneInput::wis(tx, b);
    }
    for o in onderwerpen {
        tx.wis::<OnderwerpobjectInput>(o);
    }
    for b in bijlagen {
        tx.wis::<BijlageInput>(b);
    }
    for t in taken {
        tx.wis::<InterneTaakRecord>(t);
    }
    for a in koppelingen {
        tx.wis::<ActorKlantcontactInput>(a);
    }
    tx.wis::<KlantcontactInput>(k);
}

impl Transactie<'_> {
    /// KC-01/KC-02, checked when a transaction commits (standaard profile): every klantcontact
    /// created in it has at least one actor and one betrokkene.
    pub(crate) fn controleer_nieuwe_klantcontacten(&self) -> Result<(), Error> {
        if self.profile() != Profile::Standaard {
            return Ok(());
        }
        let mut c = Checks::default();
        for w in &self.writes {
            if w.resource != Resource::Klantcontacten || w.before.is_some() || w.after.is_none() {
                continue;
            }
            if !self.bestaat::<KlantcontactInput>(w.id) {
                continue;
            }
            if self
                .ix::<ActorKlantcontactInput>()
                .klantcontact
                .get(&w.id)
                .is_empty()
            {
                c.push(
                    "hadBetrokkenActoren",
                    "required",
                    format!("Klantcontact {} heeft minimaal één actor (F2173).", w.id),
                    &REGISTER_KLANTCONTACT_COMPLEET,
                );
            }
            if self
                .ix::<BetrokkeneInput>()
                .klantcontact
                .get(&w.id)
                .is_empty()
            {
                c.push(
                    "hadBetrokkenen",
                    "required",
                    format!(
                        "Klantcontact {} heeft minimaal één betrokkene (F2173).",
                        w.id
                    ),
                    &REGISTER_KLANTCONTACT_COMPLEET,
                );
            }
        }
        c.invalid()
    }

    /// F2173 Registreer klantcontact: the klantcontact with its actoren, betrokkenen,
    /// onderwerpobjecten, bijlagen and interne taken, all or nothing.
    pub fn registreer_klantcontact(
        &mut self,
        registratie: KlantcontactRegistratie,
    ) -> Result<Klantcontactdossier, Error> {
        let plaatsen = Plaatsen::van(&registratie);
        self.registreer_klantcontact_op(registratie, &plaatsen)
    }

    /// [`Transactie::registreer_klantcontact`] for parts that sit elsewhere in the caller's
    /// request (a workflow's input): each part's violations are named from its place.
    pub(crate) fn registreer_klantcontact_op(
        &mut self,
        registratie: KlantcontactRegistratie,
        plaatsen: &Plaatsen,
    ) -> Result<Klantcontactdossier, Error> {
        self.call(Some("F2173"), "registreer_klantcontact", |tx| {
            let r = registratie;
            if tx.profile() == Profile::Standaard {
                let mut c = Checks::default();
                if r.actoren.is_empty() {
                    c.push(
                        "actoren",
                        "required",
                        "Een klantcontact heeft minimaal één actor (F2173).",
                        &REGISTER_KLANTCONTACT_COMPLEET,
                    );
                }
                if r.betrokkenen.is_empty() {
                    c.push(
                        "betrokkenen",
                        "required",
                        "Een klantcontact heeft minimaal één betrokkene (F2173).",
                        &REGISTER_KLANTCONTACT_COMPLEET,
                    );
                }
                c.invalid()?;
            }
            let k = KlantcontactInput::create(tx, r.klantcontact, &plaatsen.klantcontact)?;
            let kc = json!({ "uuid": k });
            let mut dossier_ak = Vec::new();
            for (a, pad) in r.actoren.iter().zip(&plaatsen.actoren) {
                let body = json!({ "actor": { "uuid": a.uuid }, "klantcontact": kc });
                dossier_ak.push(ActorKlantcontactId(ActorKlantcontactInput::create(
                    tx, body, pad,
                )?));
            }
            let mut dossier_b = Vec::new();
            for (b, pad) in r.betrokkenen.into_iter().zip(&plaatsen.betrokkenen) {
                let body = met(b, "hadKlantcontact", k);
                dossier_b.push(BetrokkeneId(BetrokkeneInput::create(tx, body, pad)?));
            }
            let mut dossier_o = Vec::new();
            for (o, pad) in r
                .onderwerpobjecten
                .into_iter()
                .zip(&plaatsen.onderwerpobjecten)
            {
                let body = met(o, "klantcontact", k);
                dossier_o.push(OnderwerpobjectId(OnderwerpobjectInput::create(
                    tx, body, pad,
                )?));
            }
            let mut dossier_bl = Vec::new();
            for (o, pad) in r.bijlagen.into_iter().zip(&plaatsen.bijlagen) {
                let body = met(o, "wasBijlageVanKlantcontact", k);
                dossier_bl.push(BijlageId(BijlageInput::create(tx, body, pad)?));
            }
            let mut dossier_t = Vec::new();
            for (t, pad) in r.interne_taken.into_iter().zip(&plaatsen.interne_taken) {
                let body = met(t, "aanleidinggevendKlantcontact", k);
                dossier_t.push(InterneTaakId(InterneTaakRecord::create(tx, body, pad)?));
            }
            let l = tx.lezer();
            Ok(Klantcontactdossier {
                klantcontact: l.vraag_klantcontact_op(KlantcontactId(k), &[])?,
                actorklantcontacten: dossier_ak
                    .into_iter()
                    .map(|i| l.vraag_actor_klantcontact_op(i))
                    .collect::<Result<_, _>>()?,
                betrokkenen: dossier_b
                    .into_iter()
                    .map(|i| l.vraag_betrokkene_op(i, &[]))
                    .collect::<Result<_, _>>()?,
                onderwerpobjecten: dossier_o
                    .into_iter()
                    .map(|i| l.vraag_onderwerpobject_op(i))
                    .collect::<Result<_, _>>()?,
                bijlagen: dossier_bl
                    .into_iter()
                    .map(|i| l.vraag_bijlage_op(i))
                    .collect::<Result<_, _>>()?,
                interne_taken: dossier_t
                    .into_iter()
                    .map(|i| l.vraag_interne_taak_op(i))
                    .collect::<Result<_, _>>()?,
            })
        })
    }

    /// `POST /maak-klantcontact` (API 0.9.0): klantcontact, betrokkene and onderwerpobject in
    /// one atomic request. It links no actor, so in the standaard profile it needs one added
    /// in the same transaction.
    pub fn maak_klantcontact(&mut self, body: impl IntoBody) -> Result<MaakKlantcontact, Error> {
        self.call(None, "maak_klantcontact", |tx| {
            let mut body = body.into_body()?;
            // An empty onderwerpobject names nothing: none is made (as Open Klant does).
            if let Value::Object(m) = &mut body {
                if m.get("onderwerpobject")
                    .and_then(Value::as_object)
                    .is_some_and(Map::is_empty)
                {
                    m.remove("onderwerpobject");
                }
            }
            let input: crate::model::MaakKlantcontactInput =
                tx.parse(Resource::MaakKlantcontact, body.clone())?;
            let k = KlantcontactInput::create(
                tx,
                body.get("klantcontact").cloned().unwrap_or(Value::Null),
                "klantcontact.",
            )?;
            let betrokkene = match input.betrokkene {
                Some(g) => {
                    let b: BetrokkeneGegevens = g;
                    let body = met(as_json(&b)?, "hadKlantcontact", k);
                    let id = BetrokkeneInput::create(tx, body, "betrokkene.")?;
                    Some(tx.vraag_betrokkene_op(BetrokkeneId(id), &[])?)
                }
                None => None,
            };
            let onderwerpobject = match input.onderwerpobject {
                Some(o) => {
                    let body = met(as_json(&o)?, "klantcontact", k);
                    let id = OnderwerpobjectInput::create(tx, body, "onderwerpobject.")?;
                    Some(tx.vraag_onderwerpobject_op(OnderwerpobjectId(id))?)
                }
                None => None,
            };
            Ok(MaakKlantcontact {
                klantcontact: tx.vraag_klantcontact_op(KlantcontactId(k), &[])?,
                betrokkene,
                onderwerpobject,
            })
        })
    }
}

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// klantcontact `nummer` → klantcontacten.
    pub(crate) nummer: MultiIndex<String>,
    /// klantcontact `referentienummer` → klantcontacten.
    pub(crate) referentienummer: MultiIndex<String>,
}

impl Collection for KlantcontactInput {
    type Id = KlantcontactId;
    type Input = Self;
    type Ix = Ix;
    type Response = Klantcontact;
    const EXPAND: &'static [&'static str] = EXPAND;
    const FILTERS: &'static [Filter<Self>] = FILTERS;
    const ORDER: Option<fn(&Self) -> i64> = Some(plaatsgevonden);

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &KlantcontactInput) {
        if let Some(n) = filled(r.nummer.as_ref()) {
            ix.nummer.apply(op, n.to_owned(), id);
        }
        if let Some(n) = filled(r.referentienummer.as_ref()) {
            ix.referentienummer.apply(op, n.to_owned(), id);
        }
    }

    /// The klantcontact as the API returns it; with `expand`, its `_expand` holds the relations
    /// asked for (and what is asked below them), read from the indexes.
    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &KlantcontactInput,
        expand: Option<&[String]>,
    ) -> Klantcontact {
        let actoren: Vec<_> = l
            .ix::<ActorKlantcontactInput>()
            .klantcontact
            .get(&id)
            .iter()
            .filter_map(|ak| l.opt::<ActorKlantcontactInput>(*ak))
            .filter_map(|ak| l.toon::<ActorInput>(ak.actor.uuid.0, None))
            .collect();
        let betrokkenen = l.ix::<BetrokkeneInput>().klantcontact.get(&id);
        let onderwerpen = l.ix::<OnderwerpobjectInput>().klantcontact.get(&id);
        let bijlagen = l.ix::<BijlageInput>().klantcontact.get(&id);
        let taken = l.ix::<InterneTaakRecord>().klantcontact.get(&id);
        let expand = expand.map(|expand| KlantcontactExpand {
            ging_over_onderwerpobjecten: wants(expand, "gingOverOnderwerpobjecten")
                .then(|| l.toon_alle::<OnderwerpobjectInput>(onderwerpen, None)),
            omvatte_bijlagen: wants(expand, "omvatteBijlagen")
                .then(|| l.toon_alle::<BijlageInput>(bijlagen, None)),
            had_betrokkenen: uitbreiding(expand, "hadBetrokkenen")
                .map(|sub| l.toon_alle::<BetrokkeneInput>(betrokkenen, sub.as_deref())),
            leidde_tot_interne_taken: wants(expand, "leiddeTotInterneTaken")
                .then(|| l.toon_alle::<InterneTaakRecord>(taken, None)),
        });
        Klantcontact::uit_invoer(
            r,
            l.basis(),
            KlantcontactId(id),
            l.url(Resource::Klantcontacten, id),
            l.verwijzingen(onderwerpen),
            actoren,
            l.verwijzingen(bijlagen),
            l.verwijzingen(betrokkenen),
            l.verwijzingen(taken),
            expand,
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        mut r: Self::Input,
        _old: Option<&Self>,
        path: &str,
    ) -> Result<Self, Error> {
        let mut c = Checks::default();
        match &r.plaatsgevonden_op {
            None => {
                r.plaatsgevonden_op =
                    Datumtijd::parse(&tx.now().to_rfc3339_opts(SecondsFormat::Micros, true)).ok();
            }
            Some(p) => {
                if tx.profile() == Profile::Standaard
                    && p.utc() > tx.now().naive_utc() + chrono::Duration::minutes(5)
                {
                    c.push(
                        &format!("{path}plaatsgevondenOp"),
                        "invalid",
                        "Een klantcontact heeft plaatsgevonden; plaatsgevondenOp kan niet in de toekomst liggen.",
                        &REGISTER_GEEN_TOEKOMST,
                    );
                }
            }
        }
        c.invalid()?;
        let mut u = Checks::default();
        for (field, value, ix) in [
            (
                "nummer",
                filled(r.nummer.as_ref()),
                &tx.ix::<KlantcontactInput>().nummer,
            ),
            (
                "referentienummer",
                filled(r.referentienummer.as_ref()),
                &tx.ix::<KlantcontactInput>().referentienummer,
            ),
        ] {
            if value.is_some_and(|v| ix.get(v).iter().any(|o| *o != id)) {
                u.push(
                    &format!("{path}{field}"),
                    "unique",
                    format!("Er bestaat al een klantcontact met eenzelfde {field}."),
                    &REGISTER_NUMMER_UNIEK,
                );
            }
        }
        u.conflict()?;
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        verwijder(tx, id);
        Ok(())
    }
}

register_writes! {
    /// F2173 Registreer klantcontact, with its actoren, betrokkenen and more, atomically.
    fn registreer_klantcontact(registratie: KlantcontactRegistratie) -> Klantcontactdossier;
    /// `POST /maak-klantcontact` (see [`Transactie::maak_klantcontact`]).
    fn maak_klantcontact(body: impl IntoBody) -> MaakKlantcontact;
}

register_reads! {
    /// The search, returning stored records.
    fn zoek_klantcontact_records(q: &Zoekvraag) -> Page<(KlantcontactId, std::sync::Arc<KlantcontactInput>)>;
}

/// Deleting a klantcontact, as an onderwerpobject's cascade does.
impl KlantcontactInput {
    /// `DELETE /onderwerpobjecten/{uuid}?cascade=true` for one klantcontact: first the digitale
    /// adressen of its betrokkenen that belong to no partij, then the klantcontact.
    pub(crate) fn verwijder_met_adressen(tx: &mut Transactie<'_>, k: Uuid) {
        let adressen: Vec<Uuid> = tx
            .ix::<BetrokkeneInput>()
            .klantcontact
            .get(&k)
            .iter()
            .flat_map(|b| tx.ix::<DigitaalAdresInput>().betrokkene.get(b).to_vec())
            .filter(|a| {
                tx.lezer()
                    .opt::<DigitaalAdresInput>(*a)
                    .is_some_and(|a| ref_id(a.verstrekt_door_partij.as_ref()).is_none())
            })
            .collect();
        for a in adressen {
            tx.wis::<DigitaalAdresInput>(a);
        }
        verwijder(tx, k);
    }
}
