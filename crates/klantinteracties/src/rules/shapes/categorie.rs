//! Categorie (`/categorieen`, experimental in API 0.9.0): a name of at most 80 characters.

use super::common::{text, URL, UUID};
use crate::rules::shape::{optional, Shape};

/// `/categorieen`.
pub static CATEGORIE: Shape = Shape {
    name: "Categorie",
    fields: &[UUID, URL, optional("naam", text(80))],
    checks: &[],
};
