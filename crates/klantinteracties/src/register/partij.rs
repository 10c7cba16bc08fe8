//! Partijen: persons and organisations the municipality has contact with (F7554 registreer,
//! F7927 zoek, F0138 vraag op, F2158 wijzig). A partij is written together with its nested
//! `partijIdentificatoren` (Open Klant R10: with `uuid` updated, without created, on update
//! the unlisted ones deleted) and the `digitaleAdressen` and `rekeningnummers` it lists
//! (R15: re-linked). `voorkeursDigitaalAdres` and `voorkeursRekeningnummer` must be the
//! partij's own (R13, R14); a contactpersoon works for an organisatie (R17).

use serde_json::Value;
use uuid::Uuid;

use super::body::as_json;
use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::{uitbreiding, wants, Lezer};
use super::schrijven::{filled, ref_id, Checks};
use super::tabel::register_reads;
use super::transactie::Transactie;
use super::zoeken::{flag, id, Filter, Page, Zoekvraag};
use super::Error;
use crate::model::{
    Adres, BetrokkeneInput, CategorieRelatieInput, CategorieRelatieVerwijzing, Contactpersoon,
    ContactpersoonId, DigitaalAdresInput, Nullable, Partij, PartijBasis, PartijExpand, PartijId,
    PartijIdentificatorInput, PartijInput, PartijInputBasis, PartijVan, Persoon,
    RekeningnummerInput, SoortPartij, VertegenwoordigdenInput, Verwijzing,
};
use crate::register::regels::{
    REGISTER_CONTACTPERSOON_ORGANISATIE, REGISTER_NUMMER_UNIEK, REGISTER_VOORKEURSADRES,
    REGISTER_VOORKEURSREKENINGNUMMER,
};
use crate::rules::Profile;
use crate::Resource;

fn werkt_voor(r: &PartijInput) -> Option<Uuid> {
    match r {
        PartijInput::Contactpersoon(c) => c
            .partij_identificatie
            .as_ref()
            .and_then(|i| ref_id(i.werkte_voor_partij.as_ref())),
        _ => None,
    }
}

/// The expansions `/partijen` offers (the `expand` enum of API 0.9.0).
const EXPAND: &[&str] = &[
    "betrokkenen",
    "betrokkenen.hadKlantcontact",
    "categorieRelaties",
    "digitaleAdressen",
];

fn adres_veld(a: Option<&Adres>, veld: &str) -> Option<String> {
    let a = a?;
    match veld {
        "NummeraanduidingId" => a
            .nummeraanduiding_id
            .as_ref()
            .and_then(|x| x.waarde())
            .map(|x| x.as_str().to_owned()),
        "Adresregel1" => a.adresregel1.clone(),
        "Adresregel2" => a.adresregel2.clone(),
        "Adresregel3" => a.adresregel3.clone(),
        _ => a
            .land
            .as_ref()
            .and_then(|x| x.waarde())
            .map(|x| x.as_str().to_owned()),
    }
}

fn bezoek(r: &PartijInput, veld: &str) -> Option<String> {
    adres_veld(
        r.basis().bezoekadres.as_ref().and_then(Option::as_ref),
        veld,
    )
}

fn correspondentie(r: &PartijInput, veld: &str) -> Option<String> {
    adres_veld(
        r.basis()
            .correspondentieadres
            .as_ref()
            .and_then(Option::as_ref),
        veld,
    )
}

fn pi(l: &Lezer<'_>, id: Uuid, veld: &str, v: &str) -> bool {
    PartijIdentificatorInput::identificeert(l, id, veld, v)
}

/// Whether one of the partij's identificatoren hangs under an identificator whose `veld` is
/// `v` (`subIdentificatorVan__…`).
fn sub_van(l: &Lezer<'_>, id: Uuid, veld: &str, v: &str) -> bool {
    l.ix::<PartijIdentificatorInput>()
        .partij
        .get(&id)
        .iter()
        .any(|i| {
            l.opt::<PartijIdentificatorInput>(*i)
                .and_then(|r| ref_id(r.sub_identificator_van.as_ref()))
                .and_then(|s| l.opt::<PartijIdentificatorInput>(s))
                .is_some_and(|s| PartijIdentificatorInput::veld(s, veld) == v)
        })
}

macro_rules! adres_filters {
    ($($name:literal, $f:ident, $veld:literal;)+) => {
        [$(
            F::text($name, |_, _, r, v| $f(r, $veld).is_some_and(|x| x == v)),
        )+]
    };
}

/// A filter on this collection's records.
type F = Filter<PartijInput>;

const ADRES_FILTERS: [F; 10] = adres_filters! {
    "bezoekadresNummeraanduidingId", bezoek, "NummeraanduidingId";
    "bezoekadresAdresregel1", bezoek, "Adresregel1";
    "bezoekadresAdresregel2", bezoek, "Adresregel2";
    "bezoekadresAdresregel3", bezoek, "Adresregel3";
    "bezoekadresLand", bezoek, "Land";
    "correspondentieadresNummeraanduidingId", correspondentie, "NummeraanduidingId";
    "correspondentieadresAdresregel1", correspondentie, "Adresregel1";
    "correspondentieadresAdresregel2", correspondentie, "Adresregel2";
    "correspondentieadresAdresregel3", correspondentie, "Adresregel3";
    "correspondentieadresLand", correspondentie, "Land";
};

const FILTERS: &[F] = &[
    F::text("nummer", |_, _, r, v| {
        filled(r.basis().nummer.as_ref()) == Some(v)
    })
    .via_tekst(|l| &l.ix::<PartijInput>().nummer),
    F::choice(
        "soortPartij",
        &["organisatie", "persoon", "contactpersoon"],
        |_, _, r, v| r.soort().as_str() == v,
    ),
    F::bool("indicatieActief", |_, _, r, v| {
        r.basis().indicatie_actief == flag(v)
    }),
    F::bool("indicatieGeheimhouding", |_, _, r, v| {
        r.basis().indicatie_geheimhouding.flatten() == Some(flag(v))
    }),
    F::text("partijIdentificator__codeObjecttype", |l, id, _, v| {
        pi(l, id, "codeObjecttype", v)
    }),
    F::text("partijIdentificator__codeSoortObjectId", |l, id, _, v| {
        pi(l, id, "codeSoortObjectId", v)
    }),
    F::text("partijIdentificator__objectId", |l, id, _, v| {
        pi(l, id, "objectId", v)
    })
    .indexed(PartijIdentificatorInput::partijen_met_object_id),
    F::text("partijIdentificator__codeRegister", |l, id, _, v| {
        pi(l, id, "codeRegister", v)
    }),
    F::text("subIdentificatorVan__codeObjecttype", |l, id, _, v| {
        sub_van(l, id, "codeObjecttype", v)
    }),
    F::text("subIdentificatorVan__codeSoortObjectId", |l, id, _, v| {
        sub_van(l, id, "codeSoortObjectId", v)
    }),
    F::text("subIdentificatorVan__objectId", |l, id, _, v| {
        sub_van(l, id, "objectId", v)
    }),
    F::text("subIdentificatorVan__codeRegister", |l, id, _, v| {
        sub_van(l, id, "codeRegister", v)
    }),
    F::uuid("vertegenwoordigdePartij__uuid", |l, i, _, v| {
        vertegenwoordigd_door(l, id(v)).contains(&i)
    })
    .indexed(|l, v| vertegenwoordigd_door(l, id(v))),
    F::url("vertegenwoordigdePartij__url", |l, i, _, v| {
        vertegenwoordigd_door(l, id(v)).contains(&i)
    })
    .indexed(|l, v| vertegenwoordigd_door(l, id(v))),
    F::text("categorierelatie__categorie__naam", |l, id, _, v| {
        let namen: Vec<&str> = v.split(',').map(str::trim).collect();
        l.ix::<CategorieRelatieInput>()
            .partij
            .get(&id)
            .iter()
            .any(|c| {
                l.opt::<CategorieRelatieInput>(*c)
                    .and_then(|r| r.categorie.0.clone().flatten())
                    .and_then(|c| CategorieRelatieInput::categorie_naam(l, c.uuid.0))
                    .is_some_and(|n| namen.contains(&n.as_str()))
            })
    }),
    ADRES_FILTERS[0],
    ADRES_FILTERS[1],
    ADRES_FILTERS[2],
    ADRES_FILTERS[3],
    ADRES_FILTERS[4],
    ADRES_FILTERS[5],
    ADRES_FILTERS[6],
    ADRES_FILTERS[7],
    ADRES_FILTERS[8],
    ADRES_FILTERS[9],
];

/// The partijen represented by `p` (Open Klant maps `vertegenwoordigdePartij__uuid=X` to the
/// partijen that X represents).
fn vertegenwoordigd_door(l: &Lezer<'_>, p: Uuid) -> Vec<Uuid> {
    l.ix::<VertegenwoordigdenInput>()
        .vertegenwoordigende
        .get(&p)
        .iter()
        .filter_map(|v| l.opt::<VertegenwoordigdenInput>(*v))
        .map(|v| v.vertegenwoordigde_partij.uuid.0)
        .collect()
}

impl Lezer<'_> {
    /// F7927 Zoek partij, returning the stored records (no response shaping): the fastest way to
    /// read many partijen.
    pub fn zoek_partij_records(
        &self,
        q: &Zoekvraag,
    ) -> Result<Page<(PartijId, std::sync::Arc<PartijInput>)>, Error> {
        self.zoek_records::<PartijInput>(q)
    }
}

/// The lists a partij owns through its members, with the preference that must be one of
/// them (R13, R14).
const LIJSTEN: [(&str, &str); 2] = [
    ("digitaleAdressen", "voorkeursDigitaalAdres"),
    ("rekeningnummers", "voorkeursRekeningnummer"),
];

/// The base of a partij PATCH: the stored record with the partij's own digitale adressen and
/// rekeningnummers as the lists (the record does not hold them; the addresses and accounts
/// point at their partij). A list the patch replaces takes a stored preference it leaves out
/// with it, as unlinking the address or account itself does.
fn met_eigen_lijsten(l: &Lezer<'_>, id: Uuid, mut stored: Value, patch: &Value) -> Value {
    let Value::Object(m) = &mut stored else {
        return stored;
    };
    for ((lijst, voorkeur), eigen) in LIJSTEN.iter().zip([
        l.ix::<DigitaalAdresInput>().partij.get(&id),
        l.ix::<RekeningnummerInput>().partij.get(&id),
    ]) {
        let refs = eigen
            .iter()
            .map(|u| serde_json::json!({ "uuid": u }))
            .collect();
        m.insert((*lijst).to_owned(), Value::Array(refs));
        let vervangen = patch.get(lijst).and_then(Value::as_array);
        if let (Some(nieuw), None) = (vervangen, patch.get(voorkeur)) {
            let gekozen = m.get(*voorkeur).and_then(|v| v.get("uuid")?.as_str());
            let blijft = gekozen.is_none_or(|g| {
                nieuw.iter().any(|n| {
                    n.get("uuid")
                        .and_then(Value::as_str)
                        .is_some_and(|u| u.eq_ignore_ascii_case(g))
                })
            });
            if !blijft {
                m.insert((*voorkeur).to_owned(), Value::Null);
            }
        }
    }
    stored
}

/// `changes` over the stored partij (a PATCH, or a PUT in the `open-klant` profile), typed:
/// the stored record with the partij's own lists as the base, and the lists `changes` leaves
/// out not relinked.
fn samengevoegd(
    tx: &Transactie<'_>,
    id: Uuid,
    old: &PartijInput,
    changes: &Value,
) -> Result<PartijInput, Error> {
    let stored = met_eigen_lijsten(&tx.lezer(), id, as_json(old)?, changes);
    let mut input: PartijInput = tx.parse_patch(Resource::Partijen, stored, changes)?;
    let b = input.basis_mut();
    if changes.get(LIJSTEN[0].0).is_none() {
        b.digitale_adressen = Nullable::ABSENT;
    }
    if changes.get(LIJSTEN[1].0).is_none() {
        b.rekeningnummers = Nullable::ABSENT;
    }
    Ok(input)
}

/// The nested lists of a partij body, taken out of the record.
struct Lijsten {
    identificatoren: Option<Vec<PartijIdentificatorInput>>,
    adressen: Option<Vec<Uuid>>,
    rekeningnummers: Option<Vec<Uuid>>,
}

fn neem_lijsten(b: &mut PartijInputBasis) -> Lijsten {
    Lijsten {
        identificatoren: b.partij_identificatoren.take().flatten(),
        adressen: b
            .digitale_adressen
            .take()
            .flatten()
            .map(|l| l.iter().map(|v| v.uuid.0).collect()),
        rekeningnummers: b
            .rekeningnummers
            .take()
            .flatten()
            .map(|l| l.iter().map(|v| v.uuid.0).collect()),
    }
}

/// Writes partij `id` as `r` (new when `old` is `None`) with its nested lists, checking every
/// cross-object rule.
fn opslaan(
    tx: &mut Transactie<'_>,
    id: Uuid,
    mut r: PartijInput,
    old: Option<&PartijInput>,
    pad: &str,
) -> Result<(), Error> {
    let lijsten = neem_lijsten(r.basis_mut());
    let mut c = Checks::at(pad);
    if let PartijInput::Contactpersoon(p) = &mut r {
        if let Some(i) = p.partij_identificatie.as_mut() {
            if i.uuid.is_none() {
                let keep = match old {
                    Some(PartijInput::Contactpersoon(o)) => {
                        o.partij_identificatie.as_ref().and_then(|o| o.uuid)
                    }
                    _ => None,
                };
                i.uuid = Some(keep.unwrap_or_else(|| ContactpersoonId(tx.new_id())));
            }
        }
    }
    if let Some(o) = werkt_voor(&r) {
        match tx.lezer().opt::<PartijInput>(o) {
            None => c.reference("partijIdentificatie.werkteVoorPartij", false, "Partij"),
            Some(org) if org.soort() != SoortPartij::Organisatie || o == id => c.push(
                "partijIdentificatie.werkteVoorPartij.uuid",
                "invalid",
                "Partij object moet het soort 'organisatie' hebben.",
                &REGISTER_CONTACTPERSOON_ORGANISATIE,
            ),
            Some(_) => {}
        }
    }
    if old.is_some_and(|o| o.soort() == SoortPartij::Organisatie)
        && r.soort() != SoortPartij::Organisatie
        && !tx.ix::<PartijInput>().werkt_voor.get(&id).is_empty()
    {
        c.push(
            "soortPartij",
            "invalid",
            "Voor deze organisatie werken contactpersonen; de soort partij kan niet wijzigen.",
            &REGISTER_CONTACTPERSOON_ORGANISATIE,
        );
    }
    for (field, ids, model, exists) in [
        (
            "digitaleAdressen",
            &lijsten.adressen,
            "DigitaalAdres",
            (|tx: &Transactie<'_>, a| tx.bestaat::<DigitaalAdresInput>(a))
                as fn(&Transactie<'_>, Uuid) -> bool,
        ),
        (
            "rekeningnummers",
            &lijsten.rekeningnummers,
            "Rekeningnummer",
            |tx: &Transactie<'_>, a| tx.bestaat::<RekeningnummerInput>(a),
        ),
    ] {
        for (i, a) in ids.iter().flatten().enumerate() {
            c.reference(&format!("{field}.{i}"), exists(tx, *a), model);
        }
    }
    for (i, pi) in lijsten.identificatoren.iter().flatten().enumerate() {
        if let Some(u) = pi.uuid {
            c.bestaat::<PartijIdentificatorInput>(
                tx.lezer(),
                &format!("partijIdentificatoren.{i}"),
                u.0,
            );
        }
    }
    c.invalid()?;
    if let Some(n) = filled(r.basis().nummer.as_ref()) {
        if tx
            .ix::<PartijInput>()
            .nummer
            .get(n)
            .iter()
            .any(|o| *o != id)
        {
            return Err(Error::conflict(
                &format!("{pad}nummer"),
                "unique",
                "Er bestaat al een partij met eenzelfde nummer.",
                &REGISTER_NUMMER_UNIEK,
            ));
        }
    }
    tx.zet(id, r.clone());
    // Re-link the listed digitale adressen and rekeningnummers (R15).
    if let Some(adressen) = &lijsten.adressen {
        for a in tx.ix::<DigitaalAdresInput>().partij.get(&id).to_vec() {
            if !adressen.contains(&a) {
                let mut adres = (*tx.haal::<DigitaalAdresInput>(a)?).clone();
                adres.verstrekt_door_partij = Nullable::NULL;
                let adres = DigitaalAdresInput::build(tx, a, adres, None, "")?;
                tx.zet(a, adres);
            }
        }
        for (i, a) in adressen.iter().enumerate() {
            let old_adres = tx.haal::<DigitaalAdresInput>(*a)?;
            let mut adres = (*old_adres).clone();
            adres.verstrekt_door_partij = Nullable(Some(Some(Verwijzing::naar(PartijId(id)))));
            let adres = DigitaalAdresInput::build(
                tx,
                *a,
                adres,
                Some(&old_adres),
                &format!("{pad}digitaleAdressen.{i}."),
            )?;
            tx.zet(*a, adres);
        }
    }
    if let Some(rns) = &lijsten.rekeningnummers {
        for a in tx.ix::<RekeningnummerInput>().partij.get(&id).to_vec() {
            if !rns.contains(&a) {
                let mut rn = (*tx.haal::<RekeningnummerInput>(a)?).clone();
                rn.partij = Nullable::NULL;
                PartijInput::wis_voorkeur_rn(tx, a, None);
                tx.zet(a, rn);
            }
        }
        for a in rns {
            let mut rn = (*tx.haal::<RekeningnummerInput>(*a)?).clone();
            if ref_id(rn.partij.as_ref()) != Some(id) {
                PartijInput::wis_voorkeur_rn(tx, *a, Some(id));
            }
            rn.partij = Nullable(Some(Some(Verwijzing::naar(PartijId(id)))));
            tx.zet(*a, rn);
        }
    }
    // The nested partij-identificatoren (R10).
    if let Some(lijst) = lijsten.identificatoren {
        let houden: Vec<Uuid> = lijst.iter().filter_map(|p| p.uuid.map(|u| u.0)).collect();
        if old.is_some() {
            let weg: Vec<Uuid> = tx
                .ix::<PartijIdentificatorInput>()
                .partij
                .get(&id)
                .iter()
                .copied()
                .filter(|p| !houden.contains(p))
                .collect();
            for p in &weg {
                PartijIdentificatorInput::beschermd(
                    tx,
                    *p,
                    &weg,
                    &format!("{pad}partijIdentificatoren"),
                )?;
            }
            for p in weg {
                tx.wis::<PartijIdentificatorInput>(p);
            }
        }
        for (i, mut pi) in lijst.into_iter().enumerate() {
            let pid = pi.uuid.map_or_else(|| tx.new_id(), |u| u.0);
            pi.identificeerde_partij = Nullable(Some(Some(Verwijzing::naar(PartijId(id)))));
            let old_pi = tx.lezer().opt::<PartijIdentificatorInput>(pid).cloned();
            let pi = PartijIdentificatorInput::build(
                tx,
                pid,
                pi,
                old_pi.as_deref(),
                &format!("{pad}partijIdentificatoren.{i}."),
            )?;
            tx.zet(pid, pi);
        }
    }
    // The preferences must be the partij's own (R13, R14).
    let b = r.basis();
    let mut c = Checks::at(pad);
    if let Some(a) = ref_id(b.voorkeurs_digitaal_adres.as_ref()) {
        if !tx.ix::<DigitaalAdresInput>().partij.get(&id).contains(&a) {
            c.push(
                "voorkeursDigitaalAdres",
                "invalid",
                "Het voorkeurs adres moet een gelinkte digitaal adres zijn.",
                &REGISTER_VOORKEURSADRES,
            );
        }
    }
    if let Some(a) = ref_id(b.voorkeurs_rekeningnummer.as_ref()) {
        if !tx.ix::<RekeningnummerInput>().partij.get(&id).contains(&a) {
            c.push(
                "voorkeursRekeningnummer",
                "invalid",
                "Het voorkeurs rekeningnummer moet een gelinkte rekeningnummer zijn.",
                &REGISTER_VOORKEURSREKENINGNUMMER,
            );
        }
    }
    c.invalid()
}

/// Deletes partij `id` with Open Klant's on-delete semantics (see `verwijder_partij`).
fn verwijder(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
    let p = id;
    tx.haal::<PartijInput>(p)?;
    let identificatoren = tx.ix::<PartijIdentificatorInput>().partij.get(&p).to_vec();
    let mee: &[Uuid] = if tx.profile() == Profile::Standaard {
        &identificatoren
    } else {
        &[]
    };
    for i in &identificatoren {
        PartijIdentificatorInput::beschermd(tx, *i, mee, "partijIdentificatoren")?;
    }
    let adressen = tx.ix::<DigitaalAdresInput>().partij.get(&p).to_vec();
    let rns = tx.ix::<RekeningnummerInput>().partij.get(&p).to_vec();
    let relaties = tx.ix::<CategorieRelatieInput>().partij.get(&p).to_vec();
    let mut vt = tx
        .ix::<VertegenwoordigdenInput>()
        .vertegenwoordigende
        .get(&p)
        .to_vec();
    vt.extend_from_slice(tx.ix::<VertegenwoordigdenInput>().vertegenwoordigde.get(&p));
    let betrokkenen = tx.ix::<BetrokkeneInput>().partij.get(&p).to_vec();
    let contactpersonen = tx.ix::<PartijInput>().werkt_voor.get(&p).to_vec();
    for i in identificatoren {
        tx.wis::<PartijIdentificatorInput>(i);
    }
    for a in adressen {
        tx.wis::<DigitaalAdresInput>(a);
    }
    for a in rns {
        tx.wis::<RekeningnummerInput>(a);
    }
    for a in relaties {
        tx.wis::<CategorieRelatieInput>(a);
    }
    for a in vt {
        tx.wis::<VertegenwoordigdenInput>(a);
    }
    for b in betrokkenen {
        if tx.profile() == Profile::OpenKlant {
            BetrokkeneInput::wis(tx, b);
        } else {
            let mut r = (*tx.haal::<BetrokkeneInput>(b)?).clone();
            r.gegevens.was_partij = Nullable::NULL;
            tx.zet(b, r);
        }
    }
    for c in contactpersonen {
        let mut r = (*tx.haal::<PartijInput>(c)?).clone();
        if let PartijInput::Contactpersoon(cp) = &mut r {
            if let Some(i) = cp.partij_identificatie.as_mut() {
                i.werkte_voor_partij = Nullable::NULL;
            }
        }
        tx.zet(c, r);
    }
    tx.wis::<PartijInput>(p);
    Ok(())
}

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// partij `nummer` → partijen.
    pub(crate) nummer: MultiIndex<String>,
    /// organisatie → contactpersonen (partijen) that work for it.
    pub(crate) werkt_voor: MultiIndex<Uuid>,
    /// digitaal adres → partijen that prefer it.
    pub(crate) voorkeur_da: MultiIndex<Uuid>,
    /// rekeningnummer → partijen that prefer it.
    pub(crate) voorkeur_rn: MultiIndex<Uuid>,
}

impl Collection for PartijInput {
    type Id = PartijId;
    type Input = Self;
    type Ix = Ix;
    type Response = Partij;
    const EXPAND: &'static [&'static str] = EXPAND;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &PartijInput) {
        let b = r.basis();
        if let Some(n) = filled(b.nummer.as_ref()) {
            ix.nummer.apply(op, n.to_owned(), id);
        }
        if let Some(o) = werkt_voor(r) {
            ix.werkt_voor.apply(op, o, id);
        }
        if let Some(a) = ref_id(b.voorkeurs_digitaal_adres.as_ref()) {
            ix.voorkeur_da.apply(op, a, id);
        }
        if let Some(a) = ref_id(b.voorkeurs_rekeningnummer.as_ref()) {
            ix.voorkeur_rn.apply(op, a, id);
        }
    }

    /// The partij as the API returns it; with `expand`, its `_expand` holds the relations asked
    /// for (and what is asked below them), read from the indexes.
    fn present(l: &Lezer<'_>, id: Uuid, r: &PartijInput, expand: Option<&[String]>) -> Partij {
        let b = r.basis();
        let adressen = l.ix::<DigitaalAdresInput>().partij.get(&id);
        let betrokkenen = l.ix::<BetrokkeneInput>().partij.get(&id);
        let relaties = l.ix::<CategorieRelatieInput>().partij.get(&id);
        let identificatoren = l.toon_alle::<PartijIdentificatorInput>(
            l.ix::<PartijIdentificatorInput>().partij.get(&id),
            None,
        );
        let vertegenwoordigden = l
            .ix::<VertegenwoordigdenInput>()
            .vertegenwoordigende
            .get(&id)
            .iter()
            .filter_map(|v| l.opt::<VertegenwoordigdenInput>(*v))
            .map(|v| l.opnieuw(&v.vertegenwoordigde_partij))
            .collect();
        let expand = expand.map(|expand| PartijExpand {
            betrokkenen: uitbreiding(expand, "betrokkenen")
                .map(|sub| l.toon_alle::<BetrokkeneInput>(betrokkenen, sub.as_deref())),
            categorie_relaties: wants(expand, "categorieRelaties")
                .then(|| l.toon_alle::<CategorieRelatieInput>(relaties, None)),
            digitale_adressen: Nullable(
                wants(expand, "digitaleAdressen")
                    .then(|| Some(l.toon_alle::<DigitaalAdresInput>(adressen, None))),
            ),
        });
        let categorie_relaties = relaties
            .iter()
            .map(|x| {
                let r = l.opt::<CategorieRelatieInput>(*x);
                CategorieRelatieVerwijzing {
                    uuid: (*x).into(),
                    url: Some(l.url(Resource::CategorieRelaties, *x)),
                    categorie_naam: Nullable(Some(
                        r.and_then(|r| r.categorie.as_ref()?.as_ref()).map(|c| {
                            CategorieRelatieInput::categorie_naam(l, c.uuid.0).unwrap_or_default()
                        }),
                    )),
                    begin_datum: r.map(|r| r.begin_datum.clone()).unwrap_or_default(),
                    eind_datum: r.map(|r| r.eind_datum.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let basis = PartijBasis::uit_invoer(
            b,
            l.basis(),
            PartijId(id),
            l.url(Resource::Partijen, id),
            l.verwijzingen(betrokkenen),
            categorie_relaties,
            Nullable::value(l.verwijzingen(adressen)),
            vertegenwoordigden,
            Nullable::value(l.verwijzingen(l.ix::<RekeningnummerInput>().partij.get(&id))),
            Nullable::value(identificatoren),
            expand,
        );
        match r {
            PartijInput::Persoon(p) => Partij::Persoon(PartijVan {
                basis,
                partij_identificatie: p
                    .partij_identificatie
                    .as_ref()
                    .map(|i| Persoon::uit_invoer(i, l.basis(), i.contactnaam.volledige_naam())),
            }),
            PartijInput::Organisatie(p) => Partij::Organisatie(PartijVan {
                basis,
                partij_identificatie: p.partij_identificatie.clone(),
            }),
            PartijInput::Contactpersoon(p) => Partij::Contactpersoon(PartijVan {
                basis,
                partij_identificatie: p.partij_identificatie.as_ref().map(|i| {
                    Contactpersoon::uit_invoer(i, l.basis(), i.contactnaam.volledige_naam())
                }),
            }),
        }
    }

    fn create(tx: &mut Transactie<'_>, body: Value, pad: &str) -> Result<Uuid, Error> {
        let id = tx.id_for_create(&body, pad, |id| tx.lezer().bestaat::<Self>(*id))?;
        let input: Self = tx.parse_at(Resource::Partijen, body, pad)?;
        opslaan(tx, id, input, None, pad)?;
        Ok(id)
    }

    fn replace(tx: &mut Transactie<'_>, id: Uuid, body: Value) -> Result<(), Error> {
        let old = tx.haal::<Self>(id)?;
        let input = if tx.profile().is_standaard() {
            tx.parse(Resource::Partijen, body)?
        } else {
            tx.check_whole(Resource::Partijen, &body)?;
            samengevoegd(tx, id, &old, &body)?
        };
        opslaan(tx, id, input, Some(&old), "")
    }

    fn patch(tx: &mut Transactie<'_>, id: Uuid, patch: &Value) -> Result<(), Error> {
        let old = tx.haal::<Self>(id)?;
        let input = samengevoegd(tx, id, &old, patch)?;
        opslaan(tx, id, input, Some(&old), "")
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        verwijder(tx, id)
    }
}

register_reads! {
    /// The search, returning stored records.
    fn zoek_partij_records(q: &Zoekvraag) -> Page<(PartijId, std::sync::Arc<PartijInput>)>;
}

/// What the partijen do when an address or account they may prefer goes (SET_NULL).
impl PartijInput {
    /// Clears `voorkeursDigitaalAdres` of every partij (other than `behalve`) that prefers
    /// digitaal adres `adres`.
    pub(crate) fn wis_voorkeur_da(tx: &mut Transactie<'_>, adres: Uuid, behalve: Option<Uuid>) {
        wis_voorkeur(
            tx,
            adres,
            behalve,
            |ix| &ix.voorkeur_da,
            |b| {
                b.voorkeurs_digitaal_adres = Nullable::NULL;
            },
        );
    }

    /// Clears `voorkeursRekeningnummer` of every partij (other than `behalve`) that prefers
    /// rekeningnummer `rn`.
    pub(crate) fn wis_voorkeur_rn(tx: &mut Transactie<'_>, rn: Uuid, behalve: Option<Uuid>) {
        wis_voorkeur(
            tx,
            rn,
            behalve,
            |ix| &ix.voorkeur_rn,
            |b| {
                b.voorkeurs_rekeningnummer = Nullable::NULL;
            },
        );
    }
}

/// Clears (`wis`) the preference for `id` of every partij the preference index `index` lists
/// under it, except `behalve`.
fn wis_voorkeur(
    tx: &mut Transactie<'_>,
    id: Uuid,
    behalve: Option<Uuid>,
    index: fn(&Ix) -> &MultiIndex<Uuid>,
    wis: fn(&mut PartijInputBasis),
) {
    for p in index(tx.ix::<PartijInput>()).get(&id).to_vec() {
        if Some(p) == behalve {
            continue;
        }
        if let Ok(partij) = tx.haal::<PartijInput>(p) {
            let mut partij = (*partij).clone();
            wis(partij.basis_mut());
            tx.zet(p, partij);
        }
    }
}
