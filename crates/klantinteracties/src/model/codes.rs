//! Code lists of the information model: the closed enumerations of API 0.9.0 and the open code
//! lists (`Known(..) | Other(String)`) for values the standard leaves to referentielijsten.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The error of parsing a literal that is not in a closed code list. Its Display and Debug
/// name the list, not the literal: a wrong value may be personal data.
#[derive(Clone, PartialEq, Eq)]
pub struct OnbekendeCode {
    /// The name of the code list.
    pub lijst: &'static str,
    /// The literal that was given.
    pub waarde: String,
}

impl fmt::Display for OnbekendeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a value of {}", self.lijst)
    }
}

super::verhuld::verhulde_debug!(OnbekendeCode {
    lijst,
    waarde: verhuld
});

impl std::error::Error for OnbekendeCode {}

/// A code list with a fixed set of literals (implemented by every enum in this module).
pub trait CodeLijst: Copy + Sized + 'static {
    /// Every value, in the order of the specification.
    const ALL: &'static [Self];
    /// The exact literal on the wire.
    fn as_str(self) -> &'static str;
    /// The value whose literal is exactly `s`.
    fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

macro_rules! code_lijst {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $lit:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            Serialize, Deserialize, JsonSchema,
        )]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $lit)] $variant, )+
        }

        impl $name {
            /// Every value, in the order of the specification.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The exact literal on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $lit, )+
                }
            }

            /// The value whose literal is exactly `s`.
            pub fn from_str_opt(s: &str) -> Option<Self> {
                match s {
                    $( $lit => Some(Self::$variant), )+
                    _ => None,
                }
            }
        }

        impl CodeLijst for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn from_str_opt(s: &str) -> Option<Self> {
                $name::from_str_opt(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = OnbekendeCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_str_opt(s).ok_or_else(|| OnbekendeCode {
                    lijst: stringify!($name),
                    waarde: s.to_owned(),
                })
            }
        }
    };
}

code_lijst!(
    /// Soort partij (`SoortPartijEnum`): the discriminator of a [`Partij`](super::Partij).
    SoortPartij {
        /// A natural person.
        Persoon = "persoon",
        /// An organisation (niet-natuurlijk persoon or vestiging).
        Organisatie = "organisatie",
        /// A person acting for an organisation.
        Contactpersoon = "contactpersoon",
    }
);

code_lijst!(
    /// Soort actor (`SoortActorEnum`): the discriminator of an [`Actor`](super::Actor).
    SoortActor {
        /// A municipal employee.
        Medewerker = "medewerker",
        /// An automated actor (chatbot, form, ...).
        GeautomatiseerdeActor = "geautomatiseerde_actor",
        /// A department, team or other organisational unit.
        OrganisatorischeEenheid = "organisatorische_eenheid",
    }
);

code_lijst!(
    /// Status of an interne taak (`StatusEnum`).
    Taakstatus {
        /// Still to be handled ("Te verwerken.").
        TeVerwerken = "te_verwerken",
        /// Handled; `afgehandeldOp` is stamped.
        Verwerkt = "verwerkt",
    }
);

code_lijst!(
    /// Rol of a betrokkene bij klantcontact (`RolEnum`, Open Klant `Klantcontrol`).
    Klantcontactrol {
        /// Acted on behalf of the klant.
        Vertegenwoordiger = "vertegenwoordiger",
        /// The klant itself.
        Klant = "klant",
    }
);

code_lijst!(
    /// Code objecttype of a partij-identificator (`CodeObjecttypeEnum`).
    CodeObjecttype {
        /// Natuurlijk persoon (BRP).
        NatuurlijkPersoon = "natuurlijk_persoon",
        /// Niet-natuurlijk persoon (HR).
        NietNatuurlijkPersoon = "niet_natuurlijk_persoon",
        /// Vestiging (HR).
        Vestiging = "vestiging",
    }
);

code_lijst!(
    /// Code soort object-id of a partij-identificator (`CodeSoortObjectIdEnum`).
    CodeSoortObjectId {
        /// Burgerservicenummer.
        Bsn = "bsn",
        /// Vestigingsnummer of the Handelsregister.
        Vestigingsnummer = "vestigingsnummer",
        /// KvK-nummer.
        KvkNummer = "kvk_nummer",
        /// RSIN.
        Rsin = "rsin",
    }
);

code_lijst!(
    /// Code register of a partij-identificator (`CodeRegisterEnum`).
    CodeRegister {
        /// Basisregistratie Personen.
        Brp = "brp",
        /// Handelsregister.
        Hr = "hr",
    }
);

code_lijst!(
    /// Soort digitaal adres (`SoortDigitaalAdresEnum`; the VNG documents' `codeSoortDigitaalAdres`).
    SoortDigitaalAdres {
        /// An e-mail address.
        Email = "email",
        /// A telephone number.
        Telefoonnummer = "telefoonnummer",
        /// Any other digital address (URL, social media handle, ...).
        Overig = "overig",
    }
);

code_lijst!(
    /// Known values of `Klantcontact.kanaal` (the VNG documents' `codeKanaal`).
    ///
    /// The standard's Kanaal code list is empty: every municipality fills it (Open Klant can
    /// check it against the Referentielijsten API). These are the channels the VNG documents
    /// use; any other value is kept as [`OpenCode::Other`].
    Kanaal {
        /// Telephone.
        Telefoon = "telefoon",
        /// E-mail.
        Email = "e-mail",
        /// Letter post.
        Post = "post",
        /// Counter (balie) at the town hall.
        Balie = "balie",
        /// App or chat.
        App = "app",
    }
);

code_lijst!(
    /// Known values of `codeObjecttype` in onderwerpobject-, bijlage- and actor-identificators.
    ///
    /// The standard leaves this list to referentielijsten; these are the values used by KISS
    /// and Open Formulieren. Others are kept as [`OpenCode::Other`].
    Objecttype {
        /// A zaak in a ZGW Zaken API (KISS: together with register `openzaak`).
        ZgwZaak = "zgw-Zaak",
        /// A klantcontact (an answer or callback refers to the question's klantcontact).
        Klantcontact = "klantcontact",
        /// A form submission of Open Formulieren.
        Formulierinzending = "formulierinzending",
        /// A medewerker (KISS actor identificator).
        Medewerker = "mdw",
    }
);

code_lijst!(
    /// Known values of `codeRegister` in onderwerpobject-, bijlage- and actor-identificators.
    ///
    /// The standard leaves this list to referentielijsten; these are the values used by KISS
    /// and Open Formulieren. Others are kept as [`OpenCode::Other`].
    Register {
        /// Open Zaak (ZGW Zaken API).
        Openzaak = "openzaak",
        /// Microsoft Entra ID / Azure AD (KISS medewerker e-mail).
        Msei = "msei",
        /// Entered by hand (KISS).
        Handmatig = "handmatig",
        /// Objectenregister (KISS afdeling/groep/medewerker).
        Obj = "obj",
        /// Open Formulieren.
        OpenFormulieren = "Open Formulieren",
    }
);

code_lijst!(
    /// Known values of `codeSoortObjectId` in onderwerpobject-, bijlage- and
    /// actor-identificators. Others are kept as [`OpenCode::Other`].
    SoortObjectId {
        /// A UUID.
        Uuid = "uuid",
        /// An e-mail address (KISS medewerker).
        Email = "email",
        /// An identification in the Objectenregister (KISS).
        Idf = "idf",
    }
);

/// A value of an open code list: a known literal or any other text, kept as given.
///
/// Serializes as the plain string. [`OpenCode::Known`] is only produced on an exact literal
/// match, so deserializing and serializing is lossless.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OpenCode<K> {
    /// A value of the known list.
    Known(K),
    /// Any other value.
    Other(String),
}

impl<K: CodeLijst> OpenCode<K> {
    /// Classifies a literal: known on exact match, otherwise other.
    pub fn from_code(s: &str) -> Self {
        K::from_str_opt(s).map_or_else(|| Self::Other(s.to_owned()), Self::Known)
    }

    /// The literal on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Known(k) => k.as_str(),
            Self::Other(s) => s,
        }
    }

    /// The known value, if any.
    pub fn known(&self) -> Option<K> {
        match self {
            Self::Known(k) => Some(*k),
            Self::Other(_) => None,
        }
    }
}

/// `""`: no code given, as Open Klant renders an unfilled code.
impl<K> Default for OpenCode<K> {
    fn default() -> Self {
        Self::Other(String::new())
    }
}

impl<K: CodeLijst> From<K> for OpenCode<K> {
    fn from(k: K) -> Self {
        Self::Known(k)
    }
}

impl<K: CodeLijst> fmt::Display for OpenCode<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<K: CodeLijst> FromStr for OpenCode<K> {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::from_code(s))
    }
}

impl<K: CodeLijst> Serialize for OpenCode<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de, K: CodeLijst> Deserialize<'de> for OpenCode<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(Self::from_code(&s))
    }
}

impl<K: CodeLijst> JsonSchema for OpenCode<K> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("OpenCode")
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let examples: Vec<&str> = K::ALL.iter().map(|k| k.as_str()).collect();
        json_schema!({ "type": "string", "examples": examples })
    }
}
