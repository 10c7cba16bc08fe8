//! The reference lists (referentielijsten) the standard documents, as far as they are fixed
//! by the standard itself (`voorbeeldvulling-referentielijsten`).
//!
//! Kanaal has no national filling ("Vraag uitgezet"), Land refers to ISO 3166-1 (see
//! `iso`) and SoortDigitaalAdres is a closed enum in API 0.9.0
//! ([`super::codes::SoortDigitaalAdres`]). What is left is the Taal list.

/// The voorbeeldvulling of the referentielijst Taal: a selection of ISO 639-2 (T) codes with
/// their Dutch names. All entries are `indicatieActief = true`. `yue` (Kantonees) is an
/// ISO 639-3 code that the list includes although ISO 639-2 has none for it.
pub static TALEN: &[(&str, &str)] = &[
    ("ara", "Arabisch"),
    ("aze", "Azerbeidzjaans"),
    ("bel", "Belarussisch"),
    ("ber", "Berber"),
    ("bos", "Bosnisch"),
    ("bul", "Bulgaars"),
    ("ces", "Tsjechisch"),
    ("cnr", "Montenegrijns"),
    ("dan", "Deens"),
    ("deu", "Duits"),
    ("ell", "Grieks"),
    ("eng", "Engels"),
    ("est", "Estisch"),
    ("fas", "Perzisch"),
    ("fin", "Fins"),
    ("fra", "Frans"),
    ("fry", "Fries"),
    ("gle", "Iers"),
    ("hin", "Hindi"),
    ("hrv", "Kroatisch"),
    ("hun", "Hongaars"),
    ("hye", "Armeens"),
    ("isl", "IJslands"),
    ("ita", "Italiaans"),
    ("jav", "Javaans"),
    ("lav", "Lets"),
    ("lim", "Limburgs"),
    ("lit", "Litouwen"),
    ("kat", "Georgisch"),
    ("kur", "Koerdisch"),
    ("mlt", "Maltees"),
    ("mkd", "Macedonisch"),
    ("nds", "Nedersaksisch"),
    ("nld", "Nederlands"),
    ("nor", "Noors"),
    ("pap", "Papiaments"),
    ("pol", "Pools"),
    ("por", "Portugees"),
    ("rom", "Romani"),
    ("ron", "Roemeens"),
    ("rus", "Russisch"),
    ("sgn", "Gebarentaal"),
    ("slk", "Slowaaks"),
    ("slv", "Sloveens"),
    ("som", "Somalisch"),
    ("spa", "Spaans"),
    ("srn", "Sranan"),
    ("srp", "Servisch"),
    ("sqi", "Albanees"),
    ("swe", "Zweeds"),
    ("tur", "Turks"),
    ("ukr", "Oekraïens"),
    ("yue", "Kantonees"),
    ("yid", "Jiddisch"),
    ("zho", "Mandarijn"),
];

/// The code of the Taal list entry whose Dutch name is `naam` (case-insensitive), used to
/// suggest `nld` where a document says `Nederlands`, as the VNG examples do.
pub fn taalcode_voor_naam(naam: &str) -> Option<&'static str> {
    TALEN
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(naam.trim()))
        .map(|(code, _)| *code)
}

/// Whether `code` is an entry of the Taal list.
pub fn is_taal_uit_lijst(code: &str) -> bool {
    TALEN.iter().any(|(c, _)| *c == code)
}
