//! The standard's register functions (F-codes) as data: which API 0.9.0 call each one is.
//! Scenario files speak in these codes; [`Register::handle`](super::Register::handle) runs
//! them.
//!
//! Update functions (F2158, F0796, …) are partial (`PATCH`), as the documents describe
//! them; a full replacement is the plain `replace` operation.

use super::request::Method;
use crate::Resource;

/// One F-function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Functie {
    /// The code, e.g. `F7554`.
    pub code: &'static str,
    /// The function's Dutch name.
    pub naam: &'static str,
    /// The call's method.
    pub method: Method,
    /// The call's collection.
    pub resource: Resource,
}

macro_rules! functies {
    ($( $code:literal $naam:literal => $method:ident $res:ident ),+ $(,)?) => {
        /// Every F-function of the standard, with its API 0.9.0 call.
        pub const FUNCTIES: &[Functie] = &[
            $( Functie { code: $code, naam: $naam, method: Method::$method, resource: Resource::$res } ),+
        ];
    };
}

functies! {
    "F7554" "Registreer partij" => Create Partijen,
    "F7927" "Zoek partij" => List Partijen,
    "F0138" "Vraag partij op" => Get Partijen,
    "F2158" "Wijzig partij" => Patch Partijen,
    "F6257" "Registreer partij-identificator" => Create PartijIdentificatoren,
    "F5817" "Zoek partij-identificator" => List PartijIdentificatoren,
    "F1582" "Vraag partij-identificator op" => Get PartijIdentificatoren,
    "F8226" "Wijzig partij-identificator" => Patch PartijIdentificatoren,
    "F1995" "Registreer digitaal adres" => Create DigitaleAdressen,
    "F6634" "Zoek digitaal adres" => List DigitaleAdressen,
    "F2806" "Vraag digitaal adres op" => Get DigitaleAdressen,
    "F2946" "Wijzig digitaal adres" => Patch DigitaleAdressen,
    "F2173" "Registreer klantcontact" => Create Klantcontacten,
    "F3896" "Zoek klantcontact" => List Klantcontacten,
    "F8618" "Vraag klantcontact op" => Get Klantcontacten,
    "F0796" "Wijzig klantcontact" => Patch Klantcontacten,
    "F2084" "Vraag overzicht van klantcontacten op" => List Klantcontacten,
    "F2599" "Registreer betrokkene bij klantcontact" => Create Betrokkenen,
    "F4936" "Zoek betrokkene bij klantcontact" => List Betrokkenen,
    "F5859" "Vraag betrokkene bij klantcontact op" => Get Betrokkenen,
    "F3246" "Wijzig betrokkene bij klantcontact" => Patch Betrokkenen,
    "F5592" "Registreer actor" => Create Actoren,
    "F5582" "Zoek actor" => List Actoren,
    "F5002" "Vraag actor op" => Get Actoren,
    "F9810" "Wijzig actor" => Patch Actoren,
    "F6542" "Koppel actor aan klantcontact" => Create Actorklantcontacten,
    "F2120" "Registreer interne taak" => Create Internetaken,
    "F3839" "Zoek interne taken" => List Internetaken,
    "F2771" "Vraag interne taak op" => Get Internetaken,
    "F5241" "Wijzig interne taak" => Patch Internetaken,
    "F9322" "Registreer onderwerpobject" => Create Onderwerpobjecten,
    "F9829" "Zoek onderwerpobject" => List Onderwerpobjecten,
    "F6039" "Vraag onderwerpobject op" => Get Onderwerpobjecten,
    "F5639" "Wijzig onderwerpobject" => Patch Onderwerpobjecten,
    "F1975" "Registreer bijlage" => Create Bijlagen,
    "F5492" "Zoek bijlagen" => List Bijlagen,
    "F6230" "Vraag bijlage op" => Get Bijlagen,
    "F6260" "Wijzig bijlage" => Patch Bijlagen,
}

/// The function with `code`.
pub fn functie(code: &str) -> Option<&'static Functie> {
    FUNCTIES.iter().find(|f| f.code == code)
}
