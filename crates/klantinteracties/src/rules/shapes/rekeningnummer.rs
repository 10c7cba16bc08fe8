//! Rekeningnummer (`/rekeningnummers`): IBAN pattern, with the mod-97 check digits in the
//! `standaard` profile; BIC 8–11 characters without spaces (Open Klant R31).

use super::common::{bic, iban, text_checked, REF, URL, UUID};
use crate::rules::shape::{nullable, optional, required, Kind, Shape, Text};

/// `/rekeningnummers`.
pub static REKENINGNUMMER: Shape = Shape {
    name: "Rekeningnummer",
    fields: &[
        UUID,
        URL,
        nullable("partij", REF),
        required("iban", text_checked(Some(34), false, iban)),
        optional(
            "bic",
            Kind::Text(Text {
                max: Some(11),
                min: Some(8),
                blank: true,
                check: Some(bic),
            }),
        ),
    ],
    checks: &[],
};
