//! The register's rule catalogue: the cross-object rules, which need the register and so are
//! not document rules ([`crate::rules::catalogue`]). Every register error names one of these
//! ids as its `rule`; `docs/rules.md` lists them after the document rules.

use crate::rules::catalogue::Rule;
use crate::rules::Profile;

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];
const STANDAARD: &[Profile] = &[Profile::Standaard];

crate::regel::regels! {
    ANTWOORD_VOLLEDIG: "antwoord.volledig", BOTH, [], "Open Klant 2.18 (how it renders a response); API 0.9.0 response schemas",
        "An answer renders every property of its API 0.9.0 response schema, in the API's order: an unset text as \"\", a nullable value as null, a list as [], metadata as {}, verdereActieOndernomen and isStandaardAdres as false, a gegevensgroep (address, contactnaam, identificator) with every member; a list item has `_expand`.";
    REGISTER_VERWIJZING: "register.verwijzing", BOTH, ["invalid"], "Open Klant R32; API 0.9.0",
        "Every reference ({uuid}) names an object that exists.";
    REGISTER_UUID_UNIEK: "register.uuid-uniek", BOTH, ["unique"], "Decision 4 (caller-supplied ids)",
        "A caller-supplied uuid is not in use.";
    REGISTER_IDENTIFICATOR_UNIEK: "register.identificator-uniek", BOTH, ["unique"], "Open Klant R5 (partij-identificator constraints 1 and 3)",
        "A partij-identificator is unique, globally or under its subIdentificatorVan.";
    REGISTER_IDENTIFICATOR_PER_PARTIJ: "register.identificator-per-partij", BOTH, ["unique"], "Open Klant R6 (constraint 2)",
        "A partij has at most one identificator per codeSoortObjectId.";
    REGISTER_VESTIGING_ONDER_KVK: "register.vestiging-onder-kvk", BOTH, ["invalid"], "Open Klant R3",
        "A vestigingsnummer hangs under (subIdentificatorVan) a kvk_nummer.";
    REGISTER_SUB_IDENTIFICATOR_ZELF: "register.sub-identificator-zelf", BOTH, ["invalid"], "Open Klant R7",
        "A partij-identificator is not its own subIdentificatorVan.";
    REGISTER_SUB_IDENTIFICATOR_SOORT: "register.sub-identificator-soort", BOTH, ["invalid"], "Open Klant R8",
        "A partij-identificator with sub-identificatoren keeps its codeSoortObjectId.";
    REGISTER_SUB_IDENTIFICATOR_BESCHERMD: "register.sub-identificator-beschermd", BOTH, ["invalid"], "Open Klant R9 (PROTECT)",
        "A partij-identificator with sub-identificatoren cannot be deleted.";
    REGISTER_VOORKEURSADRES: "register.voorkeursadres", BOTH, ["invalid"], "Open Klant R13",
        "voorkeursDigitaalAdres is one of the partij's own digitale adressen.";
    REGISTER_VOORKEURSREKENINGNUMMER: "register.voorkeursrekeningnummer", BOTH, ["invalid"], "Open Klant R14",
        "voorkeursRekeningnummer is one of the partij's own rekeningnummers.";
    REGISTER_STANDAARDADRES: "register.standaardadres", BOTH, ["invalid"], "Open Klant R20 (save demotes the old default)",
        "A partij has at most one standaard adres per soort; a new one demotes the old.";
    REGISTER_REFERENTIE_UNIEK: "register.referentie-uniek", BOTH, ["unique"], "Open Klant R21",
        "A digitaal adres referentie is unique per partij and soort.";
    REGISTER_PAAR_UNIEK: "register.paar-uniek", BOTH, ["unique"], "Open Klant R18, R30",
        "An actor-klantcontact pair and a vertegenwoordiging pair occur once.";
    REGISTER_VERTEGENWOORDIGING_ZELF: "register.vertegenwoordiging-zelf", BOTH, ["invalid"], "Open Klant R18",
        "A partij does not represent itself.";
    REGISTER_CONTACTPERSOON_ORGANISATIE: "register.contactpersoon-organisatie", BOTH, ["invalid"], "Open Klant R17",
        "A contactpersoon works for a partij of soort organisatie, which keeps that soort.";
    REGISTER_NUMMER_UNIEK: "register.nummer-uniek", BOTH, ["unique"], "Open Klant R25; decision 4",
        "nummer and referentienummer are unique per resource.";
    REGISTER_AFGEHANDELD_OP: "register.afgehandeld-op", BOTH, ["invalid"], "Open Klant InterneTaak.save; decision 5",
        "afgehandeldOp is set exactly when the status is verwerkt (stamped from the clock).";
    REGISTER_KLANTCONTACT_COMPLEET: "register.klantcontact-compleet", STANDAARD, ["required", "protected"], "F2173; KC-01, KC-02",
        "A klantcontact has at least one actor and one betrokkene; the last one cannot be removed.";
    REGISTER_TAAK_ACTOR: "register.taak-actor", STANDAARD, ["required"], "Decision 6; F2120",
        "An interne taak is assigned to at least one actor.";
    REGISTER_ACTOR_ACTIEF: "register.actor-actief", STANDAARD, ["invalid"], "AC-02 (GWB Actor.indicatieActief; B8694)",
        "Only an active actor is linked to a new klantcontact or assigned a new interne taak.";
    REGISTER_GEEN_TOEKOMST: "register.geen-toekomst", STANDAARD, ["invalid"], "KC-07 (basisterminologie kenmerk 5)",
        "A klantcontact's plaatsgevondenOp is not in the future.";
    ZOEKEN_PARAMETER: "zoeken.parameter", BOTH, [ "unknown-parameters", "invalid", "invalid_choice", "required", "method_not_allowed" ], "Open Klant R34; F3839",
        "Search parameters are known and their values valid: a value outside a filter's choices is `invalid_choice`; a boolean filter takes true/false (also True/1, False/0), and the open-klant profile ignores it with any other value, as Open Klant does.";
    ZOEKEN_PAGINA: "zoeken.pagina", BOTH, ["not_found"], "Open Klant (DRF page-number pagination)",
        "A page past the last, or a `page` that is not a positive number, is not found (404 \"Ongeldige pagina.\"); the first page always exists. A `pageSize` that is not a positive number is the default (100), one above 500 is 500.";
    ZOEKEN_EXPAND: "zoeken.expand", BOTH, ["invalid_choice"], "API 0.9.0 expand",
        "Expanded relations are among those the resource offers (every value of the API's `expand` enum, nested paths included; a nested path expands its parent too).";
}

/// Every register rule. A rule without codes describes what the register answers and refuses
/// nothing (`antwoord.*`): its conformance tests are valid calls whose answers it checks.
pub static RULES: &[Rule] = &[
    ANTWOORD_VOLLEDIG,
    REGISTER_VERWIJZING,
    REGISTER_UUID_UNIEK,
    REGISTER_IDENTIFICATOR_UNIEK,
    REGISTER_IDENTIFICATOR_PER_PARTIJ,
    REGISTER_VESTIGING_ONDER_KVK,
    REGISTER_SUB_IDENTIFICATOR_ZELF,
    REGISTER_SUB_IDENTIFICATOR_SOORT,
    REGISTER_SUB_IDENTIFICATOR_BESCHERMD,
    REGISTER_VOORKEURSADRES,
    REGISTER_VOORKEURSREKENINGNUMMER,
    REGISTER_STANDAARDADRES,
    REGISTER_REFERENTIE_UNIEK,
    REGISTER_PAAR_UNIEK,
    REGISTER_VERTEGENWOORDIGING_ZELF,
    REGISTER_CONTACTPERSOON_ORGANISATIE,
    REGISTER_NUMMER_UNIEK,
    REGISTER_AFGEHANDELD_OP,
    REGISTER_KLANTCONTACT_COMPLEET,
    REGISTER_TAAK_ACTOR,
    REGISTER_ACTOR_ACTIEF,
    REGISTER_GEEN_TOEKOMST,
    ZOEKEN_PARAMETER,
    ZOEKEN_PAGINA,
    ZOEKEN_EXPAND,
];
