//! Property tests on VALID documents: generated create bodies of partijen, digitale adressen,
//! rekeningnummers, klantcontacten, interne taken and maak-klantcontact that respect every
//! documented rule (lengths, formats, 11-proef, IBAN mod-97, the voorkeurs adres among the
//! partij's own, the identificator hierarchy, one toewijzing, …).
//!
//! For each document:
//! (a) `validate_value` reports nothing, in both profiles;
//! (b) `parse_value` into the model's input type succeeds, and serializing it gives back
//!     exactly the document, less the read-only `url` a reference may echo and with its
//!     gegevensgroepen complete.

use klantinteracties::model::{
    DigitaalAdresInput, InterneTaakInput, KlantcontactInput, MaakKlantcontactInput, PartijInput,
    RekeningnummerInput,
};
use klantinteracties::rules::{parse_value, validate_value, Options, Profile};
use klantinteracties::Resource;
use proptest::prelude::*;
use proptest::string::string_regex;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

const CASES: u32 = 128;

// ---- building blocks -----------------------------------------------------------------------

/// Characters of free text: letters (also non-ASCII, so lengths count characters, not
/// bytes), digits, space and some punctuation.
const TEKENS: &str = "a-zA-Z0-9àéëïöüçß .,'()-";

/// Free text of `min..=max` characters: mostly short, sometimes exactly `max`.
fn tekst(min: usize, max: usize) -> BoxedStrategy<String> {
    let short = max.min(24).max(min);
    let kort = string_regex(&format!("[{TEKENS}]{{{min},{short}}}")).expect("regex");
    let vol = string_regex(&format!("[{TEKENS}]{{{max}}}")).expect("regex");
    prop_oneof![4 => kort, 1 => vol].boxed()
}

/// A strategy from a regex.
fn re(pattern: &str) -> BoxedStrategy<String> {
    string_regex(pattern).expect("regex").boxed()
}

/// A lowercase hyphenated UUID, as the model serializes it.
fn uuid() -> BoxedStrategy<String> {
    any::<u128>()
        .prop_map(|n| uuid::Uuid::from_u128(n).hyphenated().to_string())
        .boxed()
}

/// A `{uuid}` reference, sometimes with the (read-only, echoed) `url`.
fn verwijzing(collection: &'static str) -> BoxedStrategy<Value> {
    (uuid(), any::<bool>())
        .prop_map(move |(u, with_url)| {
            if with_url {
                json!({
                    "uuid": u,
                    "url": format!("https://klantinteracties.example.nl/api/v1/{collection}/{u}"),
                })
            } else {
                json!({ "uuid": u })
            }
        })
        .boxed()
}

/// An optional property: absent or the value.
fn optioneel(s: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop::option::of(s).boxed()
}

/// An optional nullable property: absent, `null` or the value.
fn nullable(s: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(Value::Null)),
        3 => s.prop_map(Some),
    ]
    .boxed()
}

fn s(st: BoxedStrategy<String>) -> BoxedStrategy<Value> {
    st.prop_map(Value::String).boxed()
}

/// An object of the present properties.
fn object<const N: usize>(props: [(&str, Option<Value>); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in props {
        if let Some(v) = v {
            m.insert(k.to_owned(), v);
        }
    }
    Value::Object(m)
}

/// A number as the API writes it (`nummer`, `referentienummer`): digits, at most 10.
fn nummer() -> BoxedStrategy<Value> {
    s(re("[0-9]{1,10}"))
}

/// A few ISO 639-2 language codes.
fn taal() -> BoxedStrategy<String> {
    prop::sample::select(vec![
        "nld", "dut", "eng", "deu", "fra", "spa", "tur", "ara", "pol",
    ])
    .prop_map(str::to_owned)
    .boxed()
}

/// A few ISO 3166-1 alpha-2 country codes.
fn land() -> BoxedStrategy<String> {
    prop::sample::select(vec![
        "NL", "BE", "DE", "FR", "GB", "MA", "TR", "SR", "CW", "PL",
    ])
    .prop_map(str::to_owned)
    .boxed()
}

fn datum() -> BoxedStrategy<String> {
    (1990u32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .boxed()
}

fn datumtijd() -> BoxedStrategy<String> {
    (datum(), 0u32..24, 0u32..60, 0u32..60, any::<bool>())
        .prop_map(|(d, h, mi, se, zulu)| {
            if zulu {
                format!("{d}T{h:02}:{mi:02}:{se:02}Z")
            } else {
                format!("{d}T{h:02}:{mi:02}:{se:02}+01:00")
            }
        })
        .boxed()
}

/// Nine digits passing the 11-proef (BSN, RSIN): 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).
fn elfproef_nummer() -> BoxedStrategy<String> {
    prop::array::uniform8(0u32..10)
        .prop_filter_map("check digit would be 10", |d| {
            let sum: u32 = d
                .iter()
                .zip((2..=9).rev())
                .map(|(digit, weight)| digit * weight)
                .sum();
            let check = sum % 11;
            (check < 10).then(|| {
                let mut out: String = d
                    .iter()
                    .map(|x| char::from(b'0' + x.to_le_bytes()[0]))
                    .collect();
                out.push(char::from(b'0' + check.to_le_bytes()[0]));
                out
            })
        })
        .boxed()
}

/// An IBAN with correct ISO 13616 mod-97 check digits.
fn iban() -> BoxedStrategy<String> {
    let bban = prop_oneof![
        ("[A-Z]{4}[0-9]{10}").prop_map(|b| ("NL", b)),
        ("[0-9]{18}").prop_map(|b| ("DE", b)),
        ("[0-9]{12}").prop_map(|b| ("BE", b)),
        ("[0-9]{5}[0-9]{5}[A-Z0-9]{11}[0-9]{2}").prop_map(|b| ("FR", b)),
    ];
    bban.prop_map(|(land, bban)| {
        // Rearranged: BBAN + country + "00", letters as 10..35; check = 98 − (n mod 97).
        let mut rest: u32 = 0;
        for c in bban.chars().chain(land.chars()).chain("00".chars()) {
            let v = c.to_digit(36).expect("alphanumeric");
            rest = if v >= 10 {
                (rest * 100 + v) % 97
            } else {
                (rest * 10 + v) % 97
            };
        }
        format!("{land}{:02}{bban}", 98 - rest)
    })
    .boxed()
}

/// A BIC: ISO 9362 (bank, country, location, optional branch), upper case.
fn bic() -> BoxedStrategy<String> {
    re("[A-Z]{4}(NL|BE|DE|FR)[A-Z0-9]{2}([A-Z0-9]{3})?")
}

/// An e-mail address Django's validator accepts.
fn emailadres() -> BoxedStrategy<String> {
    re("[a-z0-9]{1,12}(\\.[a-z0-9_+-]{1,8})?@[a-z0-9]{1,12}(-[a-z0-9]{1,5})?\\.(nl|com|org|eu)")
}

/// A telephone number Open Klant accepts (no 0800/0900/14xx numbers).
fn telefoonnummer() -> BoxedStrategy<String> {
    re("0[1-7][0-9]{8}|\\+31[0-9]{9}|\\+[1-9][0-9]{8,14}|00[1-9][0-9]{6,12}")
}

/// An http(s) URL.
fn url() -> BoxedStrategy<String> {
    (
        prop::sample::select(vec!["http", "https"]),
        re("[a-z]{1,20}"),
        uuid(),
    )
        .prop_map(|(scheme, host, id)| {
            format!("{scheme}://{host}.example.nl/api/v1/zaaktypen/{id}")
        })
        .boxed()
}

/// A `metadata` map: short keys, values of at most 255 characters.
fn metadata() -> BoxedStrategy<Value> {
    prop::collection::btree_map(re("[a-zA-Z_]{1,16}"), tekst(0, 255), 0..4)
        .prop_map(|m| json!(m))
        .boxed()
}

// ---- groups --------------------------------------------------------------------------------

/// The bezoek- or correspondentieadres group.
fn adres() -> BoxedStrategy<Value> {
    (
        (
            optioneel(s(prop_oneof![re("[0-9]{16}"), Just(String::new())].boxed())),
            optioneel(s(tekst(0, 255))),
            nullable((1u32..=99_999).prop_map(|n| json!(n)).boxed()),
            optioneel(s(tekst(0, 20))),
            optioneel(s(prop_oneof![
                re("[1-9][0-9]{3} [A-Z]{2}"),
                Just(String::new())
            ]
            .boxed())),
        ),
        (
            optioneel(s(tekst(0, 255))),
            optioneel(s(tekst(0, 80))),
            optioneel(s(tekst(0, 80))),
            optioneel(s(tekst(0, 80))),
            optioneel(s(prop_oneof![land(), Just(String::new())].boxed())),
        ),
    )
        .prop_map(|((bag, straat, nr, toev, pc), (stad, r1, r2, r3, land))| {
            object([
                ("nummeraanduidingId", bag),
                ("straatnaam", straat),
                ("huisnummer", nr),
                ("huisnummertoevoeging", toev),
                ("postcode", pc),
                ("stad", stad),
                ("adresregel1", r1),
                ("adresregel2", r2),
                ("adresregel3", r3),
                ("land", land),
            ])
        })
        .boxed()
}

fn contactnaam() -> BoxedStrategy<Value> {
    (
        optioneel(s(tekst(0, 10))),
        optioneel(s(tekst(0, 200))),
        optioneel(s(tekst(0, 10))),
        optioneel(s(tekst(0, 200))),
    )
        .prop_map(|(vl, vn, vv, an)| {
            object([
                ("voorletters", vl),
                ("voornaam", vn),
                ("voorvoegselAchternaam", vv),
                ("achternaam", an),
            ])
        })
        .boxed()
}

/// A partij-identificator nested in a partij (no `identificeerdePartij`: set by the partij).
fn identificator(
    objecttype: &'static str,
    soort: &'static str,
    register: &'static str,
    object_id: BoxedStrategy<String>,
) -> BoxedStrategy<(Option<String>, Value)> {
    (
        prop::option::of(uuid()),
        object_id,
        optioneel(s(tekst(0, 200))),
    )
        .prop_map(move |(u, id, andere)| {
            let doc = object([
                ("uuid", u.clone().map(Value::String)),
                ("anderePartijIdentificator", andere),
                (
                    "partijIdentificator",
                    Some(json!({
                        "codeObjecttype": objecttype,
                        "codeSoortObjectId": soort,
                        "objectId": id,
                        "codeRegister": register,
                    })),
                ),
            ]);
            (u, doc)
        })
        .boxed()
}

/// The identificatoren of a persoon: its BSN, or none.
fn identificatoren_persoon() -> BoxedStrategy<Vec<Value>> {
    prop::option::of(identificator(
        "natuurlijk_persoon",
        "bsn",
        "brp",
        elfproef_nummer(),
    ))
    .prop_map(|bsn| bsn.into_iter().map(|(_, v)| v).collect())
    .boxed()
}

/// The identificatoren of an organisatie: KvK-nummer, optionally RSIN, and optionally a
/// vestigingsnummer under the KvK-nummer (then the KvK identificator has a uuid).
fn identificatoren_organisatie() -> BoxedStrategy<Vec<Value>> {
    (
        identificator(
            "niet_natuurlijk_persoon",
            "kvk_nummer",
            "hr",
            re("[0-9]{8}"),
        ),
        prop::option::of(identificator(
            "niet_natuurlijk_persoon",
            "rsin",
            "hr",
            elfproef_nummer(),
        )),
        prop::option::of((
            uuid(),
            identificator("vestiging", "vestigingsnummer", "hr", re("[0-9]{12}")),
        )),
    )
        .prop_map(|((kvk_uuid, mut kvk), rsin, vestiging)| {
            let mut out = Vec::new();
            let vestiging = vestiging.map(|(fallback, (_, mut v))| {
                let parent = kvk_uuid.clone().unwrap_or(fallback);
                kvk["uuid"] = json!(parent);
                // The vestiging needs its own uuid, or none (R7: not its own parent; R12).
                if v.get("uuid").and_then(Value::as_str) == Some(parent.as_str()) {
                    v.as_object_mut().expect("object").remove("uuid");
                }
                v["subIdentificatorVan"] = json!({ "uuid": parent });
                v
            });
            out.push(kvk);
            out.extend(rsin.map(|(_, v)| v));
            out.extend(vestiging);
            out
        })
        .boxed()
}

/// `digitaleAdressen` with the voorkeurs one among them (or no list, or `null`, and no
/// voorkeur); the same for `rekeningnummers`.
fn met_voorkeur(collection: &'static str) -> BoxedStrategy<(Option<Value>, Option<Value>)> {
    prop_oneof![
        1 => Just((None, None)),
        1 => Just((Some(Value::Null), None)),
        1 => Just((Some(json!([])), None)),
        1 => Just((Some(json!([])), Some(Value::Null))),
        4 => (prop::collection::vec(verwijzing(collection), 1..4), any::<prop::sample::Index>(), 0..3u8)
            .prop_map(|(list, i, voorkeur)| {
                let chosen = i.get(&list)["uuid"].clone();
                let voorkeur = match voorkeur {
                    0 => None,
                    1 => Some(Value::Null),
                    _ => Some(json!({ "uuid": chosen })),
                };
                (Some(Value::Array(list)), voorkeur)
            }),
    ]
    .boxed()
}

// ---- documents -----------------------------------------------------------------------------

/// The soort-specific part of a partij: (soortPartij, partijIdentificatie, identificatoren).
fn partij_soort() -> BoxedStrategy<(&'static str, Option<Value>, Vec<Value>)> {
    let persoon = (
        optioneel(
            (nullable(contactnaam()))
                .prop_map(|c| object([("contactnaam", c)]))
                .boxed(),
        ),
        identificatoren_persoon(),
    )
        .prop_map(|(pi, ids)| ("persoon", pi, ids));
    let organisatie = (
        optioneel(
            optioneel(s(tekst(0, 200)))
                .prop_map(|n| object([("naam", n)]))
                .boxed(),
        ),
        identificatoren_organisatie(),
    )
        .prop_map(|(pi, ids)| ("organisatie", pi, ids));
    // PA-09 (standaard): a contactpersoon has a contactnaam and works for a partij.
    let contactpersoon = (
        prop::option::of(uuid()),
        verwijzing("partijen"),
        contactnaam(),
        identificatoren_persoon(),
    )
        .prop_map(|(u, werkte_voor, naam, ids)| {
            let pi = object([
                ("uuid", u.map(Value::String)),
                ("werkteVoorPartij", Some(werkte_voor)),
                ("contactnaam", Some(naam)),
            ]);
            ("contactpersoon", Some(pi), ids)
        });
    prop_oneof![persoon, organisatie, contactpersoon].boxed()
}

fn partij() -> BoxedStrategy<Value> {
    (
        partij_soort(),
        (
            nullable(nummer()),
            optioneel(s(tekst(0, 1000))),
            met_voorkeur("digitaleadressen"),
            met_voorkeur("rekeningnummers"),
            prop_oneof![Just(0u8), Just(1), Just(2)],
        ),
        (
            nullable(any::<bool>().prop_map(Value::Bool).boxed()),
            optioneel(s(prop_oneof![taal(), Just(String::new())].boxed())),
            any::<bool>(),
            nullable(adres()),
            nullable(adres()),
        ),
    )
        .prop_map(
            |(
                (soort, identificatie, ids),
                (
                    nummer,
                    notitie,
                    (adressen, voorkeur_adres),
                    (rekeningen, voorkeur_rekening),
                    ids_vorm,
                ),
                (geheim, taal, actief, bezoek, correspondentie),
            )| {
                let identificatoren = match ids_vorm {
                    0 => None,
                    1 if ids.is_empty() => Some(Value::Null),
                    _ => Some(Value::Array(ids)),
                };
                object([
                    ("soortPartij", Some(json!(soort))),
                    ("nummer", nummer),
                    ("interneNotitie", notitie),
                    ("digitaleAdressen", adressen),
                    ("voorkeursDigitaalAdres", voorkeur_adres),
                    ("rekeningnummers", rekeningen),
                    ("voorkeursRekeningnummer", voorkeur_rekening),
                    ("partijIdentificatoren", identificatoren),
                    ("indicatieGeheimhouding", geheim),
                    ("voorkeurstaal", taal),
                    ("indicatieActief", Some(json!(actief))),
                    ("bezoekadres", bezoek),
                    ("correspondentieadres", correspondentie),
                    ("partijIdentificatie", identificatie),
                ])
            },
        )
        .boxed()
}

fn digitaal_adres() -> BoxedStrategy<Value> {
    let soort_en_adres = prop_oneof![
        emailadres().prop_map(|a| ("email", a)),
        telefoonnummer().prop_map(|a| ("telefoonnummer", a)),
        tekst(1, 80).prop_map(|a| ("overig", a)),
    ];
    // DA-01 (standaard): linked to a partij or a betrokkene; `isStandaardAdres` only with a
    // partij (R20).
    let koppeling = prop_oneof![
        (
            verwijzing("partijen"),
            nullable(verwijzing("betrokkenen")),
            any::<Option<bool>>()
        )
            .prop_map(|(p, b, standaard)| (Some(p), b, standaard)),
        (
            verwijzing("betrokkenen"),
            prop_oneof![Just(None), Just(Some(Value::Null))],
            prop::option::of(Just(false))
        )
            .prop_map(|(b, p, standaard)| (p, Some(b), standaard)),
    ];
    (
        soort_en_adres,
        koppeling,
        optioneel(s(tekst(0, 40))),
        optioneel(s(prop_oneof![
            re("[-a-zA-Z0-9_]{1,50}"),
            Just(String::new())
        ]
        .boxed())),
        nullable(s(datum())),
    )
        .prop_map(
            |((soort, adres), (partij, betrokkene, standaard), omschrijving, referentie, datum)| {
                object([
                    ("verstrektDoorBetrokkene", betrokkene),
                    ("verstrektDoorPartij", partij),
                    ("adres", Some(json!(adres))),
                    ("soortDigitaalAdres", Some(json!(soort))),
                    ("isStandaardAdres", standaard.map(Value::Bool)),
                    ("omschrijving", omschrijving),
                    ("referentie", referentie),
                    ("verificatieDatum", datum),
                ])
            },
        )
        .boxed()
}

fn rekeningnummer() -> BoxedStrategy<Value> {
    (
        nullable(verwijzing("partijen")),
        iban(),
        optioneel(s(prop_oneof![bic(), Just(String::new())].boxed())),
    )
        .prop_map(|(partij, iban, bic)| {
            object([
                ("partij", partij),
                ("iban", Some(json!(iban))),
                ("bic", bic),
            ])
        })
        .boxed()
}

fn klantcontact() -> BoxedStrategy<Value> {
    (
        (
            nullable(nummer()),
            nullable(nummer()),
            s(prop_oneof![
                prop::sample::select(vec!["telefoon", "e-mail", "balie", "chat", "brief"])
                    .prop_map(str::to_owned),
                tekst(1, 50)
            ]
            .boxed()),
            s(tekst(1, 200)),
            optioneel(s(tekst(0, 1000))),
            optioneel(s(tekst(0, 4000))),
        ),
        (
            // R22: not both `indicatieContactGelukt` and `verdereActieOndernomen` true.
            prop_oneof![
                Just((None, None)),
                (
                    nullable(any::<bool>().prop_map(Value::Bool).boxed()),
                    optioneel(Just(json!(false)).boxed())
                ),
                (
                    prop_oneof![
                        Just(None),
                        Just(Some(Value::Null)),
                        Just(Some(json!(false)))
                    ],
                    optioneel(Just(json!(true)).boxed())
                ),
            ],
            optioneel(s(prop_oneof![url(), Just(String::new())].boxed())),
            taal(),
            any::<bool>(),
            optioneel(s(datumtijd())),
            optioneel(metadata()),
        ),
    )
        .prop_map(
            |(
                (nummer, referentie, kanaal, onderwerp, inhoud, reactie),
                ((gelukt, verder), hoofd, taal, vertrouwelijk, moment, metadata),
            )| {
                object([
                    ("nummer", nummer),
                    ("referentienummer", referentie),
                    ("kanaal", Some(kanaal)),
                    ("onderwerp", Some(onderwerp)),
                    ("inhoud", inhoud),
                    ("reactie", reactie),
                    ("indicatieContactGelukt", gelukt),
                    ("hoofdOnderwerpType", hoofd),
                    ("verdereActieOndernomen", verder),
                    ("taal", Some(json!(taal))),
                    ("vertrouwelijk", Some(json!(vertrouwelijk))),
                    ("plaatsgevondenOp", moment),
                    ("metadata", metadata),
                ])
            },
        )
        .boxed()
}

fn interne_taak() -> BoxedStrategy<Value> {
    // R26: exactly one of `toegewezenAanActor` and `toegewezenAanActoren`.
    let toewijzing = prop_oneof![
        verwijzing("actoren").prop_map(|a| (Some(a), None)),
        prop::collection::vec(verwijzing("actoren"), 0..4)
            .prop_map(|l| (None, Some(Value::Array(l)))),
    ];
    // R27: `afgehandeldOp` only when verwerkt.
    let status = prop_oneof![
        Just(("te_verwerken", None)),
        Just(("te_verwerken", Some(Value::Null))),
        (Just("verwerkt"), nullable(s(datumtijd()))),
    ];
    (
        nullable(nummer()),
        nullable(nummer()),
        tekst(1, 200),
        verwijzing("klantcontacten"),
        toewijzing,
        optioneel(s(tekst(0, 1000))),
        status,
    )
        .prop_map(
            |(
                nummer,
                referentie,
                handeling,
                klantcontact,
                (actor, actoren),
                toelichting,
                (status, af),
            )| {
                object([
                    ("nummer", nummer),
                    ("referentienummer", referentie),
                    ("gevraagdeHandeling", Some(json!(handeling))),
                    ("aanleidinggevendKlantcontact", Some(klantcontact)),
                    ("toegewezenAanActor", actor),
                    ("toegewezenAanActoren", actoren),
                    ("toelichting", toelichting),
                    ("status", Some(json!(status))),
                    ("afgehandeldOp", af),
                ])
            },
        )
        .boxed()
}

fn objectidentificator() -> BoxedStrategy<Value> {
    (
        optioneel(s(tekst(0, 200))),
        optioneel(s(
            prop_oneof![Just("zaak".to_owned()), tekst(0, 200)].boxed()
        )),
        optioneel(s(
            prop_oneof![Just("open-zaak".to_owned()), tekst(0, 200)].boxed()
        )),
        optioneel(s(
            prop_oneof![Just("uuid".to_owned()), tekst(0, 200)].boxed()
        )),
    )
        .prop_map(|(id, ot, reg, soort)| {
            object([
                ("objectId", id),
                ("codeObjecttype", ot),
                ("codeRegister", reg),
                ("codeSoortObjectId", soort),
            ])
        })
        .boxed()
}

fn maak_klantcontact() -> BoxedStrategy<Value> {
    let betrokkene = (
        (
            nullable(verwijzing("partijen")),
            nullable(adres()),
            nullable(adres()),
            nullable(contactnaam()),
        ),
        prop::sample::select(vec!["klant", "vertegenwoordiger"]),
        optioneel(s(tekst(0, 200))),
        any::<bool>(),
    )
        .prop_map(
            |((partij, bezoek, corr, naam), rol, organisatie, initiator)| {
                object([
                    ("wasPartij", partij),
                    ("bezoekadres", bezoek),
                    ("correspondentieadres", corr),
                    ("contactnaam", naam),
                    ("rol", Some(json!(rol))),
                    ("organisatienaam", organisatie),
                    ("initiator", Some(json!(initiator))),
                ])
            },
        );
    // In the standaard profile the onderwerpobject refers to an object or a klantcontact.
    let onderwerpobject = prop_oneof![
        (
            verwijzing("klantcontacten"),
            nullable(objectidentificator())
        )
            .prop_map(|(kc, id)| object([
                ("wasKlantcontact", Some(kc)),
                ("onderwerpobjectidentificator", id)
            ])),
        // An identificator that names something: an empty one identifies nothing.
        (
            nullable(verwijzing("klantcontacten")),
            objectidentificator(),
            tekst(1, 200),
        )
            .prop_map(|(kc, mut id, object_id)| {
                id["objectId"] = json!(object_id);
                object([
                    ("wasKlantcontact", kc),
                    ("onderwerpobjectidentificator", Some(id)),
                ])
            }),
    ];
    (
        klantcontact(),
        optioneel(betrokkene.boxed()),
        optioneel(onderwerpobject.boxed()),
    )
        .prop_map(|(kc, b, o)| {
            object([
                ("klantcontact", Some(kc)),
                ("betrokkene", b),
                ("onderwerpobject", o),
            ])
        })
        .boxed()
}

// ---- the properties ------------------------------------------------------------------------

/// The members of the gegevensgroep under `key`, with their empty values.
fn groep(key: &str) -> Option<Vec<(&'static str, Value)>> {
    let tekst = |names: &[&'static str]| names.iter().map(|n| (*n, json!(""))).collect();
    match key {
        "bezoekadres" | "correspondentieadres" => {
            let mut v: Vec<(&'static str, Value)> = tekst(&["nummeraanduidingId", "straatnaam"]);
            v.push(("huisnummer", Value::Null));
            v.extend(tekst(&[
                "huisnummertoevoeging",
                "postcode",
                "stad",
                "adresregel1",
                "adresregel2",
                "adresregel3",
                "land",
            ]));
            Some(v)
        }
        "contactnaam" => Some(tekst(&[
            "voorletters",
            "voornaam",
            "voorvoegselAchternaam",
            "achternaam",
        ])),
        "onderwerpobjectidentificator" | "bijlageidentificator" | "actoridentificator" => {
            Some(tekst(&[
                "objectId",
                "codeObjecttype",
                "codeRegister",
                "codeSoortObjectId",
            ]))
        }
        _ => None,
    }
}

/// The document as the model writes it back: without the read-only `url` its `{uuid, url}`
/// references may echo (validation ignores a read-only property in input, so typing drops
/// it), and with its gegevensgroepen complete (every member, `""` or `null` when unset).
fn weergave(doc: &Value) -> Value {
    match doc {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !(k.as_str() == "url" && m.contains_key("uuid")))
                .map(|(k, v)| {
                    // An organisatie's identificatie is one type in both directions, so it
                    // renders complete too.
                    let organisatie = k == "partijIdentificatie"
                        && m.get("soortPartij") == Some(&json!("organisatie"));
                    let leden = if organisatie {
                        Some(vec![("naam", json!(""))])
                    } else {
                        groep(k)
                    };
                    let v = match (leden, v) {
                        (Some(leden), Value::Object(g)) => {
                            let mut vol = g.clone();
                            for (lid, leeg) in leden {
                                vol.entry(lid).or_insert(leeg);
                            }
                            Value::Object(vol)
                        }
                        _ => weergave(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(weergave).collect()),
        v => v.clone(),
    }
}

/// (a) valid in both profiles; (b) parses into `T` and serializes back to the same JSON, less
/// the echoed reference URLs and with complete groups.
fn valid_and_round_trips<T: DeserializeOwned + Serialize>(
    resource: Resource,
    doc: &Value,
) -> Result<(), TestCaseError> {
    for &profile in Profile::ALL {
        let report = validate_value(resource, doc, Options::input(profile));
        prop_assert!(
            report.is_valid(),
            "{resource} in profile {}: {:#?}\n{doc:#}",
            profile.as_str(),
            report.violations
        );
        let typed: T =
            parse_value(resource, doc.clone(), Options::input(profile)).map_err(|r| {
                TestCaseError::fail(format!(
                    "parse_value {resource}: {:#?}\n{doc:#}",
                    r.violations
                ))
            })?;
        let back = serde_json::to_value(&typed)
            .map_err(|e| TestCaseError::fail(format!("serialize {resource}: {e}")))?;
        prop_assert_eq!(&back, &weergave(doc), "{} does not round-trip", resource);
    }
    let default: Result<T, _> = parse_value(resource, doc.clone(), Options::default());
    prop_assert!(default.is_ok(), "parse_value with Options::default()");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn partijen_are_valid(doc in partij()) {
        valid_and_round_trips::<PartijInput>(Resource::Partijen, &doc)?;
    }

    #[test]
    fn digitale_adressen_are_valid(doc in digitaal_adres()) {
        valid_and_round_trips::<DigitaalAdresInput>(Resource::DigitaleAdressen, &doc)?;
    }

    #[test]
    fn rekeningnummers_are_valid(doc in rekeningnummer()) {
        valid_and_round_trips::<RekeningnummerInput>(Resource::Rekeningnummers, &doc)?;
    }

    #[test]
    fn klantcontacten_are_valid(doc in klantcontact()) {
        valid_and_round_trips::<KlantcontactInput>(Resource::Klantcontacten, &doc)?;
    }

    #[test]
    fn interne_taken_are_valid(doc in interne_taak()) {
        valid_and_round_trips::<InterneTaakInput>(Resource::Internetaken, &doc)?;
    }

    #[test]
    fn maak_klantcontact_is_valid(doc in maak_klantcontact()) {
        valid_and_round_trips::<MaakKlantcontactInput>(Resource::MaakKlantcontact, &doc)?;
    }
}

/// The generators themselves: the check digits they compute are the ones the validator wants.
#[test]
fn generated_check_digits_are_right() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for _ in 0..64 {
        let bsn = elfproef_nummer()
            .new_tree(&mut runner)
            .expect("tree")
            .current();
        assert!(klantinteracties::model::Bsn::parse(&bsn).is_ok(), "{bsn}");
        let iban = iban().new_tree(&mut runner).expect("tree").current();
        let parsed = klantinteracties::model::Iban::parse(&iban).expect("IBAN pattern");
        assert!(parsed.controleer_mod97().is_ok(), "{iban}");
    }
    // The textbook example.
    assert!(klantinteracties::model::Iban::parse("NL91ABNA0417164300")
        .expect("pattern")
        .controleer_mod97()
        .is_ok());
}
