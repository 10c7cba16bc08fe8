//! The information model of Klantinteracties, in the shapes of API 0.9.0.
//!
//! Every resource has an input shape (`…Input`: the create/update request body without
//! read-only fields) and a response shape (with `uuid`, `url`, derived lists and `_expand`),
//! both written from one declaration of the response by `#[tweeling]` (the
//! `klantinteracties-macros` crate; `docs/architecture.md` lists the field kinds).
//! Presence follows the spec: required → `T`; required nullable → `Option<T>`; optional →
//! `Option<T>` left out when `None`; optional nullable → [`Nullable<T>`] (absent, `null` and a
//! value all round-trip).

/// The accessors of a resource typed per soort (partij, actor): `soort()`, the discriminator,
/// and `basis()`/`basis_mut()`, the fields every soort has (each variant holds them in its
/// `basis` field).
macro_rules! per_soort {
    ($ty:ident: $soort:ident, $basis:ty { $($variant:ident),+ $(,)? }) => {
        impl $ty {
            /// The soort (the discriminator).
            pub fn soort(&self) -> $soort {
                match self {
                    $( Self::$variant(_) => $soort::$variant, )+
                }
            }

            /// The fields every soort has.
            pub fn basis(&self) -> &$basis {
                match self {
                    $( Self::$variant(x) => &x.basis, )+
                }
            }

            /// The fields every soort has, mutably.
            pub fn basis_mut(&mut self) -> &mut $basis {
                match self {
                    $( Self::$variant(x) => &mut x.basis, )+
                }
            }
        }
    };
}

pub mod actor;
pub mod actor_klantcontact;
pub mod adres;
pub mod betrokkene;
pub mod bijlage;
pub mod categorie;
pub mod categorie_relatie;
pub mod codes;
pub mod contactnaam;
pub mod digitaal_adres;
pub mod identificator;
pub mod interne_taak;
mod iso;
pub mod klantcontact;
mod leeg;
pub mod maak_klantcontact;
pub mod nullable;
pub mod onderwerpobject;
pub mod partij;
pub mod partij_identificator;
pub mod referentielijsten;
pub mod regels;
pub mod rekeningnummer;
pub(crate) mod verhuld;
pub use verhuld::is_safe_name;
pub mod vertegenwoordigden;
pub mod verwijzing;
pub mod waarden;

pub use actor::*;
pub use actor_klantcontact::*;
pub use adres::*;
pub use betrokkene::*;
pub use bijlage::*;
pub use categorie::*;
pub use categorie_relatie::*;
pub use codes::*;
pub use contactnaam::*;
pub use digitaal_adres::*;
pub use identificator::*;
pub use interne_taak::*;
pub use klantcontact::*;
pub use maak_klantcontact::*;
pub use nullable::Nullable;
pub use onderwerpobject::*;
pub use partij::*;
pub use partij_identificator::*;
pub use rekeningnummer::*;
pub use vertegenwoordigden::*;
pub use verwijzing::*;
pub use waarden::*;
