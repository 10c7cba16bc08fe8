//! Declarative description of a document shape: the fields of each API 0.9.0 schema with
//! their presence, nullability, type and field rules, plus the object-level checks. One
//! generic walker ([`super::walk`]) interprets them, so every shape gets the same handling of
//! required, null, blank, lengths, enums, formats and wrong JSON types.

use serde_json::{Map, Value};

use super::walk::Ctx;
use super::Profile;
use crate::model::WaardeFout;

/// A JSON object shape (one schema of the spec).
#[derive(Debug)]
pub struct Shape {
    /// The schema name in API 0.9.0, for documentation.
    pub name: &'static str,
    /// The properties, in the order of the spec.
    pub fields: &'static [Field],
    /// Rules across fields, run after the fields.
    pub checks: &'static [Check],
}

impl Shape {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// How a property is used in one direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Must be present.
    Required,
    /// May be absent.
    Optional,
    /// Read-only: ignored when it appears in an input document.
    ReadOnly,
}

/// One property.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The camelCase name in API 0.9.0.
    pub name: &'static str,
    /// Its type and value rules.
    pub kind: Kind,
    /// Presence in a create/update body.
    pub input: Use,
    /// Presence in a response body.
    pub response: Use,
    /// Whether `null` is allowed.
    pub nullable: bool,
}

/// A text check beyond length: a newtype's parse, or a profile-dependent check.
pub type TextCheck = fn(&str, Profile) -> Result<(), WaardeFout>;

/// Text rules.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    /// `maxLength` in characters.
    pub max: Option<usize>,
    /// `minLength` in characters.
    pub min: Option<usize>,
    /// Whether `""` is accepted (Django `blank=True`); then no other check runs on it.
    pub blank: bool,
    /// Format check, run when the length is right.
    pub check: Option<TextCheck>,
}

/// The type of a property.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A string.
    Text(Text),
    /// `true` or `false`.
    Bool,
    /// An integer in a range.
    Int {
        /// `minimum`.
        min: i64,
        /// `maximum`.
        max: i64,
    },
    /// One of a closed list of literals.
    Enum(&'static [&'static str]),
    /// A UUID.
    Uuid,
    /// An absolute URL of at most `max` characters.
    Uri {
        /// `maxLength`.
        max: usize,
    },
    /// A nested object.
    Object(&'static Shape),
    /// A list of items of one kind.
    List(&'static Kind),
    /// An object with free keys and text values (`metadata`).
    Map(Text),
    /// A nested object whose shape depends on a sibling discriminator
    /// (`partijIdentificatie` by `soortPartij`).
    Variant {
        /// The sibling property that selects the shape.
        discriminator: &'static str,
        /// Shape per discriminator value.
        variants: &'static [(&'static str, &'static Shape)],
    },
}

/// A rule across fields of one object.
#[derive(Debug)]
pub struct Check {
    /// Runs the rule on the object and reports through the context.
    pub run: fn(&Map<String, Value>, &mut Ctx<'_>),
}

/// Text shorthand: free text of at most `max` characters, blank allowed.
pub const fn text(max: usize) -> Kind {
    Kind::Text(Text {
        max: Some(max),
        min: None,
        blank: true,
        check: None,
    })
}

/// Text shorthand: required text (no blank) of at most `max` characters.
pub const fn text_not_blank(max: usize) -> Kind {
    Kind::Text(Text {
        max: Some(max),
        min: None,
        blank: false,
        check: None,
    })
}

/// Text shorthand with a format check.
pub const fn text_checked(max: Option<usize>, blank: bool, check: TextCheck) -> Kind {
    Kind::Text(Text {
        max,
        min: None,
        blank,
        check: Some(check),
    })
}

/// Field shorthand: optional in input, optional in responses, not nullable.
pub const fn optional(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        input: Use::Optional,
        response: Use::Optional,
        nullable: false,
    }
}

/// Field shorthand: optional and nullable in both directions.
pub const fn nullable(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        input: Use::Optional,
        response: Use::Optional,
        nullable: true,
    }
}

/// Field shorthand: required in both directions, not nullable.
pub const fn required(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        input: Use::Required,
        response: Use::Required,
        nullable: false,
    }
}

/// Field shorthand: read-only, required in responses.
pub const fn read_only(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        input: Use::ReadOnly,
        response: Use::Required,
        nullable: false,
    }
}

impl Field {
    /// The same field, nullable.
    #[must_use]
    pub const fn or_null(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// The same field with another presence in input documents.
    #[must_use]
    pub const fn input(mut self, input: Use) -> Self {
        self.input = input;
        self
    }

    /// The same field with another presence in responses.
    #[must_use]
    pub const fn response(mut self, response: Use) -> Self {
        self.response = response;
        self
    }
}
