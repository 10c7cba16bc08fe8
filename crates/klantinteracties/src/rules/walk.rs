//! The generic walker: checks a JSON value against a [`Shape`] in one pass and collects every
//! violation with its path. It never panics and never stops at the first error.

use serde_json::{Map, Value};

use super::aliases;
use super::report::Violation;
use super::shape::{Kind, Shape, Text, Use};
use super::{Options, Profile};

use crate::regel::Rule;
use crate::rules::catalogue::{
    DOCUMENT_OVERTREDINGEN, VELD_GETAL_BEREIK, VELD_KEUZE, VELD_LEEG, VELD_MAX_LENGTE,
    VELD_MIN_LENGTE, VELD_NULL, VELD_ONBEKEND, VELD_TYPE, VELD_URL, VELD_UUID, VELD_VERPLICHT,
};

/// Why a text longer than `max` characters is refused (`veld.max-lengte`).
pub(crate) fn max_lengte_reden(max: usize) -> String {
    format!("Zorg ervoor dat dit veld niet meer dan {max} karakters bevat.")
}

/// One segment of a JSON path.
#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one validation pass: profile, direction, current path and the violations
/// found so far.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The profile whose rules apply.
    pub profile: Profile,
    /// True when a response body is checked, false for a create/update body.
    pub response: bool,
    /// True when a partial update (PATCH) body is checked.
    pub partial: bool,
    path: Vec<Segment<'a>>,
    /// Where the document sits in a larger one (`klantcontact.`; empty for a document on its
    /// own): the start of every violation's name.
    base: String,
    violations: Vec<Violation>,
    /// Violations found past [`super::MAX_VIOLATIONS`], counted but not kept.
    omitted: usize,
}

impl<'a> Ctx<'a> {
    /// A fresh context.
    pub fn new(options: Options) -> Self {
        Self {
            profile: options.profile,
            response: options.response,
            partial: options.partial && !options.response,
            path: Vec::with_capacity(8),
            base: String::new(),
            violations: Vec::new(),
            omitted: 0,
        }
    }

    /// A fresh context for a document that sits at `base` in a larger one (`klantcontact.`,
    /// with its dot): its violations are named from there.
    pub fn at(options: Options, base: &str) -> Self {
        Self {
            base: base.to_owned(),
            ..Self::new(options)
        }
    }

    /// The violations found.
    pub fn into_violations(mut self) -> Vec<Violation> {
        if self.omitted > 0 {
            self.violations.push(Violation {
                name: format!("{}nonFieldErrors", self.base),
                code: "too_many_errors".to_owned(),
                reason: format!(
                    "Nog {} overtredingen zijn niet gemeld: een rapport noemt er ten hoogste {}.",
                    self.omitted,
                    super::MAX_VIOLATIONS
                ),
                rule: DOCUMENT_OVERTREDINGEN.id.to_owned(),
            });
        }
        self.violations
    }

    fn path_with(&self, last: Option<&str>) -> String {
        let mut out = String::new();
        for seg in &self.path {
            if !out.is_empty() {
                out.push('.');
            }
            match seg {
                Segment::Key(k) => out.push_str(k),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        if let Some(last) = last {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(last);
        }
        out
    }

    /// Reports a violation at the current path (`nonFieldErrors` for the document itself, as
    /// DRF reports a body that is not an object).
    pub fn report_here(&mut self, code: &str, rule: &Rule, reason: impl Into<String>) {
        let mut name = self.path_with(None);
        if name.is_empty() {
            name.push_str("nonFieldErrors");
        }
        self.push(name, code, rule, reason);
    }

    /// Reports a violation at `field` below the current path.
    pub fn report_at(&mut self, field: &str, code: &str, rule: &Rule, reason: impl Into<String>) {
        let name = self.path_with(Some(field));
        self.push(name, code, rule, reason);
    }

    /// Reports a violation of a rule across fields: `nonFieldErrors` below the current path.
    pub fn report_object(&mut self, code: &str, rule: &Rule, reason: impl Into<String>) {
        self.report_at("nonFieldErrors", code, rule, reason);
    }

    fn push(&mut self, name: String, code: &str, rule: &Rule, reason: impl Into<String>) {
        // A bounded report (document.overtredingen): a hostile document of millions of
        // violations costs time in proportion to its size, not memory or output.
        if self.violations.len() >= super::MAX_VIOLATIONS {
            self.omitted += 1;
            return;
        }
        let name = if self.base.is_empty() {
            name
        } else {
            format!("{}{name}", self.base)
        };
        self.violations.push(Violation {
            name,
            code: code.to_owned(),
            reason: reason.into(),
            rule: rule.id.to_owned(),
        });
    }

    /// Checks `value` as an object of `shape` at the current path.
    pub fn object(&mut self, value: &'a Value, shape: &'static Shape) {
        let Value::Object(map) = value else {
            self.report_here(
                "invalid",
                &VELD_TYPE,
                format!(
                    "Ongeldige data. Verwachtte een dictionary, maar kreeg een {}.",
                    type_name(value)
                ),
            );
            return;
        };
        self.fields(map, shape);
    }

    fn fields(&mut self, map: &'a Map<String, Value>, shape: &'static Shape) {
        // A PATCH body may leave out any top-level property; a group it sends is complete.
        let partial_top = self.partial && self.path.is_empty();
        for field in shape.fields {
            let usage = if self.response {
                field.response
            } else {
                field.input
            };
            match map.get(field.name) {
                None => {
                    if usage == Use::Required && !partial_top {
                        self.report_at(
                            field.name,
                            "required",
                            &VELD_VERPLICHT,
                            "Dit veld is vereist.",
                        );
                    }
                }
                Some(_) if usage == Use::ReadOnly => {}
                Some(Value::Null) => {
                    if !field.nullable {
                        self.report_at(
                            field.name,
                            "null",
                            &VELD_NULL,
                            "Dit veld mag niet null zijn.",
                        );
                    }
                }
                Some(v) => {
                    self.path.push(Segment::Key(field.name));
                    self.kind(v, &field.kind, map);
                    self.path.pop();
                }
            }
        }
        if self.profile.is_standaard() {
            for key in map.keys() {
                if shape.field(key).is_none() {
                    // The name of an unknown field is the client's, and may be personal data
                    // (a BSN or an e-mail address as a key): only a safe identifier is
                    // repeated, as the violation's path; another is reported on the object.
                    let safe = super::is_safe_name(key);
                    let mut reason = if safe {
                        "Dit veld komt niet voor in API 0.9.0.".to_owned()
                    } else {
                        "Onbekend veld (naam weggelaten): dit veld komt niet voor in API 0.9.0."
                            .to_owned()
                    };
                    if let Some(hint) = aliases::suggest(key, shape) {
                        reason.push_str(" Bedoelde u `");
                        reason.push_str(hint);
                        reason.push_str("`?");
                    }
                    if safe {
                        self.report_at(key, "unknown-field", &VELD_ONBEKEND, reason);
                    } else {
                        self.report_object("unknown-field", &VELD_ONBEKEND, reason);
                    }
                }
            }
        }
        for check in shape.checks {
            (check.run)(map, self);
        }
    }

    fn kind(&mut self, v: &'a Value, kind: &Kind, parent: &'a Map<String, Value>) {
        match kind {
            Kind::Text(t) => self.text(v, t),
            Kind::Bool => {
                if !v.is_boolean() {
                    self.report_here("invalid", &VELD_TYPE, "Moet een geldige boolean zijn.");
                }
            }
            Kind::Int { min, max } => self.int(v, *min, *max),
            Kind::Enum(choices) => {
                let ok = v.as_str().is_some_and(|s| choices.contains(&s));
                if !ok {
                    self.report_here(
                        "invalid_choice",
                        &VELD_KEUZE,
                        // The value itself is not repeated: it may be personal data.
                        format!("Ongeldige keuze; kies uit: {}.", choices.join(", ")),
                    );
                }
            }
            Kind::Uuid => {
                let ok = v.as_str().is_some_and(|s| uuid::Uuid::try_parse(s).is_ok());
                if !ok {
                    self.report_here("invalid", &VELD_UUID, "Moet een geldige UUID zijn.");
                }
            }
            Kind::Uri { max } => match v.as_str() {
                Some(s) if s.chars().count() > *max => self.max_length(*max),
                Some(s) if is_url(s) => {}
                _ => self.report_here("invalid", &VELD_URL, "Voer een geldige URL in."),
            },
            Kind::Object(shape) => self.object(v, shape),
            Kind::List(item) => {
                let Value::Array(items) = v else {
                    self.report_here(
                        "not_a_list",
                        &VELD_TYPE,
                        format!(
                            "Verwachtte een lijst met items maar kreeg type \"{}\".",
                            type_name(v)
                        ),
                    );
                    return;
                };
                for (i, item_value) in items.iter().enumerate() {
                    self.path.push(Segment::Index(i));
                    if item_value.is_null() {
                        self.report_here("null", &VELD_NULL, "Dit veld mag niet null zijn.");
                    } else {
                        self.kind(item_value, item, parent);
                    }
                    self.path.pop();
                }
            }
            Kind::Map(t) => {
                let Value::Object(entries) = v else {
                    self.report_here(
                        "invalid",
                        &VELD_TYPE,
                        format!(
                            "Verwachtte een dictionary met items maar kreeg type \"{}\".",
                            type_name(v)
                        ),
                    );
                    return;
                };
                for (key, value) in entries {
                    // A key is the client's: one that may be personal data is left out of the
                    // path, and a violation of its value is reported on the map itself.
                    let safe = super::is_safe_name(key);
                    if safe {
                        self.path.push(Segment::Key(key));
                    }
                    if value.is_number() && !self.profile.is_standaard() && !self.response {
                        // Open Klant coerces numbers in input to strings here (R23); its
                        // responses hold the text.
                    } else {
                        self.text(value, t);
                    }
                    if safe {
                        self.path.pop();
                    }
                }
            }
            Kind::Variant {
                discriminator,
                variants,
            } => {
                let chosen = parent
                    .get(*discriminator)
                    .and_then(Value::as_str)
                    .and_then(|d| variants.iter().find(|(name, _)| *name == d));
                // Without a valid discriminator the discriminator itself is reported; the
                // sub-record cannot be checked against any shape.
                if let Some((_, shape)) = chosen {
                    self.object(v, shape);
                } else if !v.is_object() {
                    self.object(v, variants[0].1);
                }
            }
        }
    }

    /// Checks a text value against its rules.
    pub fn text(&mut self, v: &Value, t: &Text) {
        let Some(s) = v.as_str() else {
            self.report_here(
                "invalid",
                &VELD_TYPE,
                format!("Geen geldige tekenreeks, maar {}.", type_name(v)),
            );
            return;
        };
        if s.is_empty() {
            if !t.blank {
                self.report_here("blank", &VELD_LEEG, "Dit veld mag niet leeg zijn.");
            }
            return;
        }
        let len = s.chars().count();
        if let Some(max) = t.max {
            if len > max {
                self.max_length(max);
                return;
            }
        }
        if let Some(min) = t.min {
            if len < min {
                self.report_here(
                    "min_length",
                    &VELD_MIN_LENGTE,
                    format!("Zorg ervoor dat dit veld minimaal {min} karakters bevat."),
                );
                return;
            }
        }
        if let Some(check) = t.check {
            if let Err(e) = check(s, self.profile) {
                self.report_here(e.code, e.rule, e.reason);
            }
        }
    }

    fn max_length(&mut self, max: usize) {
        self.report_here("max_length", &VELD_MAX_LENGTE, max_lengte_reden(max));
    }

    fn int(&mut self, v: &Value, min: i64, max: i64) {
        let n = v
            .as_i64()
            .or_else(|| v.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)));
        match n {
            Some(n) if n < min => self.report_here(
                "min_value",
                &VELD_GETAL_BEREIK,
                format!("Zorg ervoor dat deze waarde groter of gelijk is aan {min}."),
            ),
            Some(n) if n > max => self.report_here(
                "max_value",
                &VELD_GETAL_BEREIK,
                format!("Zorg ervoor dat deze waarde kleiner of gelijk is aan {max}."),
            ),
            Some(_) => {}
            None => self.report_here("invalid", &VELD_TYPE, "Een geldig geheel getal is vereist."),
        }
    }
}

/// The JSON type of a value, in Dutch, for messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "getal",
        Value::String(_) => "tekst",
        Value::Array(_) => "lijst",
        Value::Object(_) => "object",
    }
}

/// An absolute http(s)/ftp(s) URL with a host and no white space, as Django's URLValidator
/// accepts in essence.
pub(crate) fn is_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    ["http", "https", "ftp", "ftps"].contains(&scheme.to_ascii_lowercase().as_str())
        && !host.is_empty()
        && !s.chars().any(char::is_whitespace)
}
