//! The register's rule catalogue: the cross-object rules, which need the register and so are
//! not document rules ([`crate::rules::catalogue`]). Every register error names one of these
//! ids as its `rule`; `docs/rules.md` lists them after the document rules.

use crate::rules::catalogue::Rule;
use crate::rules::Profile;

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];
const STANDAARD: &[Profile] = &[Profile::Standaard];

macro_rules! rule {
    ($id:literal, $profiles:expr, [$($code:literal),*], $source:literal, $description:literal) => {
        Rule { id: $id, description: $description, source: $source, profiles: $profiles, codes: &[$($code),*] }
    };
}

pub const ANTWOORD_VOLLEDIG: Rule = rule!(
        "antwoord.volledig",
        BOTH,
        [],
        "Open Klant 2.18 (how it renders a response); API 0.9.0 response schemas",
        "An answer renders every property of its API 0.9.0 response schema, in the API's order: an unset text as \"\", a nullable value as null, a list as [], metadata as {}, verdereActieOndernomen and isStandaardAdres as false, a gegevensgroep (address, contactnaam, identificator) with every member; a list item has `_expand`."
    );

pub const REGISTER_VERWIJZING: Rule = rule!(
    "register.verwijzing",
    BOTH,
    ["invalid"],
    "Open Klant R32; API 0.9.0",
    "Every reference ({uuid}) names an object that exists."
);

pub const REGISTER_UUID_UNIEK: Rule = rule!(
    "register.uuid-uniek",
    BOTH,
    ["unique"],
    "Decision 4 (caller-supplied ids)",
    "A caller-supplied uuid is not in use."
);

pub const REGISTER_IDENTIFICATOR_UNIEK: Rule = rule!(
    "register.identificator-uniek",
    BOTH,
    ["unique"],
    "Open Klant R5 (partij-identificator constraints 1 and 3)",
    "A partij-identificator is unique, globally or under its subIdentificatorVan."
);

pub const REGISTER_IDENTIFICATOR_PER_PARTIJ: Rule = rule!(
    "register.identificator-per-partij",
    BOTH,
    ["unique"],
    "Open Klant R6 (constraint 2)",
    "A partij has at most one identificator per codeSoortObjectId."
);

pub const REGISTER_VESTIGING_ONDER_KVK: Rule = rule!(
    "register.vestiging-onder-kvk",
    BOTH,
    ["invalid"],
    "Open Klant R3",
    "A vestigingsnummer hangs under (subIdentificatorVan) a kvk_nummer."
);

pub const REGISTER_SUB_IDENTIFICATOR_ZELF: Rule = rule!(
    "register.sub-identificator-zelf",
    BOTH,
    ["invalid"],
    "Open Klant R7",
    "A partij-identificator is not its own subIdentificatorVan."
);

pub const REGISTER_SUB_IDENTIFICATOR_SOORT: Rule = rule!(
    "register.sub-identificator-soort",
    BOTH,
    ["invalid"],
    "Open Klant R8",
    "A partij-identificator with sub-identificatoren keeps its codeSoortObjectId."
);

pub const REGISTER_SUB_IDENTIFICATOR_BESCHERMD: Rule = rule!(
    "register.sub-identificator-beschermd",
    BOTH,
    ["invalid"],
    "Open Klant R9 (PROTECT)",
    "A partij-identificator with sub-identificatoren cannot be deleted."
);

pub const REGISTER_VOORKEURSADRES: Rule = rule!(
    "register.voorkeursadres",
    BOTH,
    ["invalid"],
    "Open Klant R13",
    "voorkeursDigitaalAdres is one of the partij's own digitale adressen."
);

pub const REGISTER_VOORKEURSREKENINGNUMMER: Rule = rule!(
    "register.voorkeursrekeningnummer",
    BOTH,
    ["invalid"],
    "Open Klant R14",
    "voorkeursRekeningnummer is one of the partij's own rekeningnummers."
);

pub const REGISTER_STANDAARDADRES: Rule = rule!(
    "register.standaardadres",
    BOTH,
    ["invalid"],
    "Open Klant R20 (save demotes the old default)",
    "A partij has at most one standaard adres per soort; a new one demotes the old."
);

pub const REGISTER_REFERENTIE_UNIEK: Rule = rule!(
    "register.referentie-uniek",
    BOTH,
    ["unique"],
    "Open Klant R21",
    "A digitaal adres referentie is unique per partij and soort."
);

pub const REGISTER_PAAR_UNIEK: Rule = rule!(
    "register.paar-uniek",
    BOTH,
    ["unique"],
    "Open Klant R18, R30",
    "An actor-klantcontact pair and a vertegenwoordiging pair occur once."
);

pub const REGISTER_VERTEGENWOORDIGING_ZELF: Rule = rule!(
    "register.vertegenwoordiging-zelf",
    BOTH,
    ["invalid"],
    "Open Klant R18",
    "A partij does not represent itself."
);

pub const REGISTER_CONTACTPERSOON_ORGANISATIE: Rule = rule!(
    "register.contactpersoon-organisatie",
    BOTH,
    ["invalid"],
    "Open Klant R17",
    "A contactpersoon works for a partij of soort organisatie, which keeps that soort."
);

pub const REGISTER_NUMMER_UNIEK: Rule = rule!(
    "register.nummer-uniek",
    BOTH,
    ["unique"],
    "Open Klant R25; decision 4",
    "nummer and referentienummer are unique per resource."
);

pub const REGISTER_AFGEHANDELD_OP: Rule = rule!(
    "register.afgehandeld-op",
    BOTH,
    ["invalid"],
    "Open Klant InterneTaak.save; decision 5",
    "afgehandeldOp is set exactly when the status is verwerkt (stamped from the clock)."
);

pub const REGISTER_KLANTCONTACT_COMPLEET: Rule = rule!(
    "register.klantcontact-compleet",
    STANDAARD,
    ["required", "protected"],
    "F2173; KC-01, KC-02",
    "A klantcontact has at least one actor and one betrokkene; the last one cannot be removed."
);

pub const REGISTER_TAAK_ACTOR: Rule = rule!(
    "register.taak-actor",
    STANDAARD,
    ["required"],
    "Decision 6; F2120",
    "An interne taak is assigned to at least one actor."
);

pub const REGISTER_ACTOR_ACTIEF: Rule = rule!(
    "register.actor-actief",
    STANDAARD,
    ["invalid"],
    "AC-02 (GWB Actor.indicatieActief; B8694)",
    "Only an active actor is linked to a new klantcontact or assigned a new interne taak."
);

pub const REGISTER_GEEN_TOEKOMST: Rule = rule!(
    "register.geen-toekomst",
    STANDAARD,
    ["invalid"],
    "KC-07 (basisterminologie kenmerk 5)",
    "A klantcontact's plaatsgevondenOp is not in the future."
);

pub const ZOEKEN_PARAMETER: Rule = rule!(
        "zoeken.parameter",
        BOTH,
        [
            "unknown-parameters",
            "invalid",
            "invalid_choice",
            "required",
            "method_not_allowed"
        ],
        "Open Klant R34; F3839",
        "Search parameters are known and their values valid: a value outside a filter's choices is `invalid_choice`; a boolean filter takes true/false (also True/1, False/0), and the open-klant profile ignores it with any other value, as Open Klant does."
    );

pub const ZOEKEN_PAGINA: Rule = rule!(
        "zoeken.pagina",
        BOTH,
        ["not_found"],
        "Open Klant (DRF page-number pagination)",
        "A page past the last, or a `page` that is not a positive number, is not found (404 \"Ongeldige pagina.\"); the first page always exists. A `pageSize` that is not a positive number is the default (100), one above 500 is 500."
    );

pub const ZOEKEN_EXPAND: Rule = rule!(
        "zoeken.expand",
        BOTH,
        ["invalid_choice"],
        "API 0.9.0 expand",
        "Expanded relations are among those the resource offers (every value of the API's `expand` enum, nested paths included; a nested path expands its parent too)."
    );

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
