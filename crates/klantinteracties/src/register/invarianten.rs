//! Every cross-object invariant, checked over the whole register (`klantinteracties inspect`,
//! the state-machine test). Each finding names the object and the rule.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::error::violation;
use super::lezen::Lezer;
use super::record::InterneTaakRecord;
use super::schrijven::{filled, ref_id};
use crate::model::{
    ActorInput, CategorieInput, CodeSoortObjectId, PartijInput, SoortPartij, Taakstatus,
};
use crate::model::{
    ActorKlantcontactInput, BetrokkeneInput, BijlageInput, CategorieRelatieInput,
    DigitaalAdresInput, KlantcontactInput, OnderwerpobjectInput, PartijIdentificatorInput,
    RekeningnummerInput, VertegenwoordigdenInput,
};
use crate::regel::Rule;
use crate::register::regels::{
    REGISTER_AFGEHANDELD_OP, REGISTER_CONTACTPERSOON_ORGANISATIE,
    REGISTER_IDENTIFICATOR_PER_PARTIJ, REGISTER_IDENTIFICATOR_UNIEK,
    REGISTER_KLANTCONTACT_COMPLEET, REGISTER_NUMMER_UNIEK, REGISTER_PAAR_UNIEK,
    REGISTER_REFERENTIE_UNIEK, REGISTER_STANDAARDADRES, REGISTER_TAAK_ACTOR,
    REGISTER_VERTEGENWOORDIGING_ZELF, REGISTER_VERWIJZING, REGISTER_VESTIGING_ONDER_KVK,
    REGISTER_VOORKEURSADRES, REGISTER_VOORKEURSREKENINGNUMMER,
};
use crate::rules::{Profile, Violation};

struct Findings(Vec<Violation>);

impl Findings {
    fn fail(&mut self, what: &str, id: Uuid, rule: &Rule, reason: &str) {
        self.0
            .push(violation(&format!("{what}.{id}"), "invalid", reason, rule));
    }
}

/// All findings; empty when every invariant holds.
#[allow(clippy::many_single_char_names)]
pub(crate) fn check(l: &Lezer<'_>) -> Vec<Violation> {
    let mut found = Findings(Vec::new());
    let verwijzing = &REGISTER_VERWIJZING;

    let mut globaal = HashSet::new();
    let mut per_partij = HashSet::new();
    for (id, r) in l.tabel::<PartijIdentificatorInput>().oldest_first() {
        let partij = ref_id(r.identificeerde_partij.as_ref());
        let sub = ref_id(r.sub_identificator_van.as_ref());
        if partij.is_some_and(|p| !l.tabel::<PartijInput>().contains(&p)) {
            found.fail(
                "partij-identificatoren",
                id,
                verwijzing,
                "identificeerdePartij bestaat niet",
            );
        }
        if !globaal.insert((
            serde_json::to_string(&r.partij_identificator).unwrap_or_default(),
            sub,
        )) {
            found.fail(
                "partij-identificatoren",
                id,
                &REGISTER_IDENTIFICATOR_UNIEK,
                "dubbele identificator",
            );
        }
        if let Some(p) = partij {
            if !per_partij.insert((p, r.partij_identificator.code_soort_object_id)) {
                found.fail(
                    "partij-identificatoren",
                    id,
                    &REGISTER_IDENTIFICATOR_PER_PARTIJ,
                    "twee van één soort",
                );
            }
        }
        match sub.map(|s| l.tabel::<PartijIdentificatorInput>().get(&s)) {
            Some(None) => found.fail(
                "partij-identificatoren",
                id,
                verwijzing,
                "subIdentificatorVan bestaat niet",
            ),
            Some(Some(parent)) => {
                if r.partij_identificator.code_soort_object_id
                    == CodeSoortObjectId::Vestigingsnummer
                    && parent.partij_identificator.code_soort_object_id
                        != CodeSoortObjectId::KvkNummer
                {
                    found.fail(
                        "partij-identificatoren",
                        id,
                        &REGISTER_VESTIGING_ONDER_KVK,
                        "ouder is geen kvk_nummer",
                    );
                }
            }
            None => {
                if r.partij_identificator.code_soort_object_id
                    == CodeSoortObjectId::Vestigingsnummer
                {
                    found.fail(
                        "partij-identificatoren",
                        id,
                        &REGISTER_VESTIGING_ONDER_KVK,
                        "vestigingsnummer zonder kvk_nummer",
                    );
                }
            }
        }
    }

    let mut nummers = HashSet::new();
    for (id, r) in l.tabel::<PartijInput>().oldest_first() {
        let b = r.basis();
        if let Some(a) = ref_id(b.voorkeurs_digitaal_adres.as_ref()) {
            if !l.ix::<DigitaalAdresInput>().partij.get(&id).contains(&a) {
                found.fail(
                    "partijen",
                    id,
                    &REGISTER_VOORKEURSADRES,
                    "voorkeursDigitaalAdres is niet van de partij",
                );
            }
        }
        if let Some(a) = ref_id(b.voorkeurs_rekeningnummer.as_ref()) {
            if !l.ix::<RekeningnummerInput>().partij.get(&id).contains(&a) {
                found.fail(
                    "partijen",
                    id,
                    &REGISTER_VOORKEURSREKENINGNUMMER,
                    "voorkeursRekeningnummer is niet van de partij",
                );
            }
        }
        if let Some(n) = filled(b.nummer.as_ref()) {
            if !nummers.insert(n.to_owned()) {
                found.fail("partijen", id, &REGISTER_NUMMER_UNIEK, "dubbel nummer");
            }
        }
        if let PartijInput::Contactpersoon(c) = &**r {
            if let Some(o) = c
                .partij_identificatie
                .as_ref()
                .and_then(|i| ref_id(i.werkte_voor_partij.as_ref()))
            {
                if l.tabel::<PartijInput>()
                    .get(&o)
                    .is_none_or(|o| o.soort() != SoortPartij::Organisatie)
                {
                    found.fail(
                        "partijen",
                        id,
                        &REGISTER_CONTACTPERSOON_ORGANISATIE,
                        "werkteVoorPartij is geen organisatie",
                    );
                }
            }
        }
    }

    let mut standaard = HashSet::new();
    let mut referenties = HashSet::new();
    for (id, r) in l.tabel::<DigitaalAdresInput>().oldest_first() {
        let p = ref_id(r.verstrekt_door_partij.as_ref());
        if p.is_some_and(|p| !l.tabel::<PartijInput>().contains(&p)) {
            found.fail(
                "digitaleadressen",
                id,
                verwijzing,
                "verstrektDoorPartij bestaat niet",
            );
        }
        if ref_id(r.verstrekt_door_betrokkene.as_ref())
            .is_some_and(|b| !l.tabel::<BetrokkeneInput>().contains(&b))
        {
            found.fail(
                "digitaleadressen",
                id,
                verwijzing,
                "verstrektDoorBetrokkene bestaat niet",
            );
        }
        if let Some(p) = p {
            if r.is_standaard_adres == Some(true) && !standaard.insert((p, r.soort_digitaal_adres))
            {
                found.fail(
                    "digitaleadressen",
                    id,
                    &REGISTER_STANDAARDADRES,
                    "twee standaardadressen van één soort",
                );
            }
            if let Some(x) = r.referentie.as_ref().and_then(|x| x.waarde()) {
                if !referenties.insert((p, r.soort_digitaal_adres, x.as_str().to_owned())) {
                    found.fail(
                        "digitaleadressen",
                        id,
                        &REGISTER_REFERENTIE_UNIEK,
                        "dubbele referentie",
                    );
                }
            }
        }
    }
    for (id, r) in l.tabel::<RekeningnummerInput>().oldest_first() {
        if ref_id(r.partij.as_ref()).is_some_and(|p| !l.tabel::<PartijInput>().contains(&p)) {
            found.fail("rekeningnummers", id, verwijzing, "partij bestaat niet");
        }
    }
    let mut paren = HashSet::new();
    for (id, r) in l.tabel::<VertegenwoordigdenInput>().oldest_first() {
        let (a, b) = (
            r.vertegenwoordigende_partij.uuid.0,
            r.vertegenwoordigde_partij.uuid.0,
        );
        if !l.tabel::<PartijInput>().contains(&a) || !l.tabel::<PartijInput>().contains(&b) {
            found.fail(
                "vertegenwoordigingen",
                id,
                verwijzing,
                "partij bestaat niet",
            );
        }
        if a == b {
            found.fail(
                "vertegenwoordigingen",
                id,
                &REGISTER_VERTEGENWOORDIGING_ZELF,
                "partij vertegenwoordigt zichzelf",
            );
        }
        if !paren.insert((a, b)) {
            found.fail(
                "vertegenwoordigingen",
                id,
                &REGISTER_PAAR_UNIEK,
                "dubbel paar",
            );
        }
    }
    for (id, r) in l.tabel::<CategorieRelatieInput>().oldest_first() {
        let c = r
            .categorie
            .as_ref()
            .and_then(Option::as_ref)
            .map(|c| c.uuid.0);
        if ref_id(r.partij.as_ref()).is_some_and(|p| !l.tabel::<PartijInput>().contains(&p))
            || c.is_some_and(|c| l.opt::<CategorieInput>(c).is_none())
        {
            found.fail(
                "categorie-relaties",
                id,
                verwijzing,
                "partij of categorie bestaat niet",
            );
        }
    }

    let standaard_profiel = l.ctx.profile == Profile::Standaard;
    let mut kc_nummers = HashSet::new();
    for (id, r) in l.tabel::<KlantcontactInput>().oldest_first() {
        for (k, n) in [
            ("n", filled(r.nummer.as_ref())),
            ("r", filled(r.referentienummer.as_ref())),
        ] {
            let Some(n) = n else { continue };
            if !kc_nummers.insert((k, n.to_owned())) {
                found.fail(
                    "klantcontacten",
                    id,
                    &REGISTER_NUMMER_UNIEK,
                    "dubbel (referentie)nummer",
                );
            }
        }
        if standaard_profiel {
            if l.ix::<ActorKlantcontactInput>()
                .klantcontact
                .get(&id)
                .is_empty()
            {
                found.fail(
                    "klantcontacten",
                    id,
                    &REGISTER_KLANTCONTACT_COMPLEET,
                    "geen actor",
                );
            }
            if l.ix::<BetrokkeneInput>().klantcontact.get(&id).is_empty() {
                found.fail(
                    "klantcontacten",
                    id,
                    &REGISTER_KLANTCONTACT_COMPLEET,
                    "geen betrokkene",
                );
            }
        }
    }
    for (id, r) in l.tabel::<BetrokkeneInput>().oldest_first() {
        if !l
            .tabel::<KlantcontactInput>()
            .contains(&r.had_klantcontact.uuid.0)
            || ref_id(r.gegevens.was_partij.as_ref())
                .is_some_and(|p| !l.tabel::<PartijInput>().contains(&p))
        {
            found.fail(
                "betrokkenen",
                id,
                verwijzing,
                "klantcontact of partij bestaat niet",
            );
        }
    }
    let mut ak = HashSet::new();
    for (id, r) in l.tabel::<ActorKlantcontactInput>().oldest_first() {
        let (a, k) = (r.actor.uuid.0, r.klantcontact.uuid.0);
        if l.opt::<ActorInput>(a).is_none() || !l.tabel::<KlantcontactInput>().contains(&k) {
            found.fail(
                "actorklantcontacten",
                id,
                verwijzing,
                "actor of klantcontact bestaat niet",
            );
        }
        if !ak.insert((a, k)) {
            found.fail(
                "actorklantcontacten",
                id,
                &REGISTER_PAAR_UNIEK,
                "dubbel paar",
            );
        }
    }
    for (id, r) in l.tabel::<OnderwerpobjectInput>().oldest_first() {
        for k in [
            ref_id(r.klantcontact.as_ref()),
            ref_id(r.was_klantcontact.as_ref()),
        ]
        .into_iter()
        .flatten()
        {
            if !l.tabel::<KlantcontactInput>().contains(&k) {
                found.fail(
                    "onderwerpobjecten",
                    id,
                    verwijzing,
                    "klantcontact bestaat niet",
                );
            }
        }
    }
    for (id, r) in l.tabel::<BijlageInput>().oldest_first() {
        if ref_id(r.was_bijlage_van_klantcontact.as_ref())
            .is_some_and(|k| !l.tabel::<KlantcontactInput>().contains(&k))
        {
            found.fail("bijlagen", id, verwijzing, "klantcontact bestaat niet");
        }
    }
    let mut taak_nummers: HashMap<String, Uuid> = HashMap::new();
    for (id, r) in l.tabel::<InterneTaakRecord>().oldest_first() {
        let r: &InterneTaakRecord = r;
        if !l
            .tabel::<KlantcontactInput>()
            .contains(&r.taak.aanleidinggevend_klantcontact.uuid.0)
            || r.actoren()
                .iter()
                .any(|a| l.opt::<ActorInput>(*a).is_none())
        {
            found.fail(
                "internetaken",
                id,
                verwijzing,
                "klantcontact of actor bestaat niet",
            );
        }
        let afgehandeld = r.taak.afgehandeld_op.0.clone().flatten().is_some();
        if afgehandeld != (r.taak.status == Taakstatus::Verwerkt) {
            found.fail(
                "internetaken",
                id,
                &REGISTER_AFGEHANDELD_OP,
                "afgehandeldOp past niet bij de status",
            );
        }
        if standaard_profiel && r.actoren().is_empty() {
            found.fail("internetaken", id, &REGISTER_TAAK_ACTOR, "geen actor");
        }
        for (k, n) in [
            ("n", filled(r.taak.nummer.as_ref())),
            ("r", filled(r.taak.referentienummer.as_ref())),
        ] {
            if let Some(n) = n {
                if taak_nummers.insert(format!("{k}{n}"), id).is_some() {
                    found.fail(
                        "internetaken",
                        id,
                        &REGISTER_NUMMER_UNIEK,
                        "dubbel (referentie)nummer",
                    );
                }
            }
        }
    }
    found.0
}
