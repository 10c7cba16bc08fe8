//! Identificator groups: of a partij (closed code lists) and of onderwerpobjecten, bijlagen and
//! actoren (open code lists).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Bsn, CodeObjecttype, CodeRegister, CodeSoortObjectId, KvkNummer, Objecttype, OpenCode,
    Register, Rsin, SoortObjectId, Vestigingsnummer, WaardeFout,
};

/// Partij-identificator (`PartijIdentificatorGroepType`): identifies a partij in a
/// basisregistratie (BRP or HR). All four fields are required.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijIdentificatorGroep {
    /// Code objecttype (natuurlijk persoon, niet-natuurlijk persoon, vestiging).
    pub code_objecttype: CodeObjecttype,
    /// Code soort object-id (bsn, vestigingsnummer, kvk_nummer, rsin).
    pub code_soort_object_id: CodeSoortObjectId,
    /// Object-id: the number itself. Its format depends on `codeSoortObjectId`; see
    /// [`PartijIdentificatorGroep::nummer`].
    pub object_id: String,
    /// Code register (brp, hr).
    pub code_register: CodeRegister,
}

super::verhuld::verhulde_debug!(PartijIdentificatorGroep {
    code_objecttype,
    code_soort_object_id,
    object_id: verhuld,
    code_register
});

/// The typed number of a partij-identificator, chosen by its `codeSoortObjectId`. Serializes
/// as `{"codeSoortObjectId": ..., "objectId": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(
    tag = "codeSoortObjectId",
    content = "objectId",
    rename_all = "snake_case"
)]
pub enum PartijNummer {
    /// Burgerservicenummer.
    Bsn(Bsn),
    /// RSIN.
    Rsin(Rsin),
    /// KvK-nummer.
    KvkNummer(KvkNummer),
    /// Vestigingsnummer.
    Vestigingsnummer(Vestigingsnummer),
}

impl PartijIdentificatorGroep {
    /// Parses `objectId` as the kind of number that `codeSoortObjectId` names.
    pub fn nummer(&self) -> Result<PartijNummer, WaardeFout> {
        let id = self.object_id.as_str();
        Ok(match self.code_soort_object_id {
            CodeSoortObjectId::Bsn => PartijNummer::Bsn(Bsn::parse(id)?),
            CodeSoortObjectId::Rsin => PartijNummer::Rsin(Rsin::parse(id)?),
            CodeSoortObjectId::KvkNummer => PartijNummer::KvkNummer(KvkNummer::parse(id)?),
            CodeSoortObjectId::Vestigingsnummer => {
                PartijNummer::Vestigingsnummer(Vestigingsnummer::parse(id)?)
            }
        })
    }
}

/// Identificator of an object elsewhere (a zaak, a document, a medewerker in an identity
/// register): the shape shared by the onderwerpobject-, bijlage- and actor-identificator.
///
/// The code lists are open: the standard leaves them to referentielijsten, and KISS and Open
/// Formulieren use values such as `zgw-Zaak`/`openzaak`, `mdw`/`msei`, `handmatig` and
/// `formulierinzending`. All fields are optional (max 200 each).
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Objectidentificator {
    /// Object-id in the register.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub object_id: Option<String>,
    /// Code objecttype.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OpenCode<Objecttype>")]
    pub code_objecttype: Option<OpenCode<Objecttype>>,
    /// Code register.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OpenCode<Register>")]
    pub code_register: Option<OpenCode<Register>>,
    /// Code soort object-id.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OpenCode<SoortObjectId>")]
    pub code_soort_object_id: Option<OpenCode<SoortObjectId>>,
}

super::verhuld::verhulde_debug!(Objectidentificator {
    object_id: verhuld,
    code_objecttype,
    code_register,
    code_soort_object_id
});

/// Onderwerpobjectidentificator: identifies what a klantcontact was about (e.g. a zaak:
/// `codeObjecttype` `zgw-Zaak`, `codeRegister` `openzaak`).
pub type Onderwerpobjectidentificator = Objectidentificator;

/// Bijlage-identificator: identifies the document that a bijlage is.
pub type BijlageIdentificator = Objectidentificator;

/// Actoridentificator: identifies an actor in another register (e.g. a medewerker in an
/// identity provider: `mdw` / `msei` / `email`).
pub type Actoridentificator = Objectidentificator;
