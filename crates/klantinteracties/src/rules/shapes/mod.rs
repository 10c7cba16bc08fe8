//! The shape of every API 0.9.0 resource, with its object-level rules: one module per
//! resource.

pub mod actor;
pub mod actor_klantcontact;
pub mod betrokkene;
pub mod bijlage;
pub mod categorie;
pub mod categorie_relatie;
pub mod common;
pub mod digitaal_adres;
pub mod interne_taak;
pub mod klantcontact;
pub mod maak_klantcontact;
pub mod onderwerpobject;
pub mod partij;
pub mod partij_identificator;
pub mod rekeningnummer;
pub mod vertegenwoordigden;
