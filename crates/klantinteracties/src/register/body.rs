//! Request bodies: [`IntoBody`], what a write method accepts (JSON in the shape of API 0.9.0,
//! or a typed input), and [`as_json`], a stored record as the JSON a PATCH is merged over.

use serde_json::Value;

use super::error::encoding;
use super::Error;

/// A request body: JSON in the shape of API 0.9.0, or a typed input that serializes to it.
pub trait IntoBody {
    /// The body as JSON; a typed input that does not serialize is [`Error::Internal`].
    fn into_body(self) -> Result<Value, Error>;
}

impl IntoBody for Value {
    fn into_body(self) -> Result<Value, Error> {
        Ok(self)
    }
}

impl IntoBody for &Value {
    fn into_body(self) -> Result<Value, Error> {
        Ok(self.clone())
    }
}

impl IntoBody for crate::model::MaakKlantcontactInput {
    fn into_body(self) -> Result<Value, Error> {
        serde_json::to_value(&self).map_err(|e| encoding("an input", &e))
    }
}

/// The stored form of an input-shaped record, as JSON (the base of a PATCH).
pub(crate) fn as_json<R: serde::Serialize>(rec: &R) -> Result<Value, Error> {
    serde_json::to_value(rec).map_err(|e| encoding("a stored object", &e))
}
