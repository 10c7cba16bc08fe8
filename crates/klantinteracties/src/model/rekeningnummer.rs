//! Rekeningnummer: a bank account of a partij.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bic, Iban, OfLeeg, PartijId, RekeningnummerId, Verwijzing};

/// A rekeningnummer as the API returns it (`Rekeningnummer`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Rekeningnummer {
    /// Unique (technical) identification.
    pub uuid: RekeningnummerId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The partij the account belongs to.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<PartijId>>")]
    pub partij: Option<Option<Verwijzing<PartijId>>>,
    /// IBAN (pattern only in Open Klant, no mod-97).
    pub iban: Iban,
    /// BIC (8..=11 characters, no spaces).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Bic>")]
    pub bic: Option<OfLeeg<Bic>>,
}

/// A rekeningnummer in a create or update request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RekeningnummerInput {
    /// The partij the account belongs to.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub partij: Nullable<Verwijzing<PartijId>>,
    /// IBAN.
    pub iban: Iban,
    /// BIC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "OfLeeg<Bic>")]
    pub bic: Option<OfLeeg<Bic>>,
}
