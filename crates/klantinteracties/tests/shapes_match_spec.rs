//! The validator's shapes ([`Resource::shape`]) and the generated JSON Schemas
//! ([`klantinteracties::schema::json_schema`]) describe the Klantinteracties API 0.9.0 exactly.
//!
//! For every resource the shape is compared, recursively through nested objects, lists and the
//! variants per discriminator value, with the spec's component schema (resolving `$ref`,
//! `allOf` and `oneOf` + `discriminator`; `_expand` comes from the `Expand*` schema):
//!
//! - the property names of every object (none extra, none missing);
//! - `required` in responses (`Field.response == Use::Required` ⇔ in the spec's `required`);
//! - in create bodies `Use::ReadOnly` ⇔ `readOnly: true` and `Use::Required` ⇔ required and
//!   not read-only (not checked below a property that is read-only on either side: the walker
//!   ignores it in a create body);
//! - `nullable`;
//! - the kind (text, uuid, uri, int, bool, enum, object, list, map), `maxLength`/`minLength`,
//!   enum literals and integer `minimum`/`maximum`.
//!
//! Two normalisations are not differences: `text(usize::MAX)` is a text without `maxLength`,
//! and a [`Kind::Uri`] has an implied `minLength` of 1 (the walker refuses `""` as no URL).
//!
//! Every known, deliberate difference is listed in [`ALLOWED`] (and [`SCHEMA_ALLOWED`] for the
//! JSON Schemas) with its reason. Anything else fails, and so does an entry that no longer
//! matches, so the lists cannot go stale.
//!
//! The spec is read from `$KLANTINTERACTIES_SPEC`, or else from
//! `../shared/reference/open-klant-api/klantinteracties-0.9.0.openapi.yaml` next to the
//! workspace.

#[path = "support/spec.rs"]
mod support_spec;
use support_spec::spec;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use klantinteracties::rules::shape::{Field, Kind, Shape, Use};
use klantinteracties::schema::json_schema;
use klantinteracties::Resource;
use serde_json::{Map, Value};

/// Deliberate differences between our shapes and the spec: (path, aspect, reason).
///
/// Paths are `collection.property…`; `[]` is a list item, `[x]` the variant for
/// discriminator value `x`, `.*` the values of a map. In a pattern `*` stands for any run of
/// characters.
const ALLOWED: &[(&str, &str, &str)] = &[
    // `_expand` is only ever in responses; the spec describes it in the response-only
    // `Expand*` schemas without `readOnly`. In a create body we ignore it instead of checking
    // it against the response shapes.
    (
        "partijen._expand",
        "readOnly",
        "`_expand` only occurs in responses (ExpandPartij); ignored in a create body",
    ),
    (
        "digitaleadressen._expand",
        "readOnly",
        "`_expand` only occurs in responses (ExpandDigitaalAdres); ignored in a create body",
    ),
    (
        "klantcontacten._expand",
        "readOnly",
        "`_expand` only occurs in responses (ExpandKlantcontact); ignored in a create body",
    ),
    (
        "betrokkenen._expand",
        "readOnly",
        "`_expand` only occurs in responses (ExpandBetrokkene); ignored in a create body",
    ),
    // An expanded or embedded resource is the resource shape itself, including its own
    // optional `_expand`: Open Klant renders nested expansions
    // (`?expand=hadBetrokkenen.digitaleAdressen`) although the spec's item schemas
    // (Betrokkene, DigitaalAdres, Klantcontact) have no `_expand`.
    (
        "partijen._expand.digitaleAdressen[]._expand",
        "property",
        "nested expansion: the expanded digitaal adres may carry its own `_expand`",
    ),
    (
        "partijen._expand.betrokkenen[]._expand",
        "property",
        "nested expansion: the expanded betrokkene may carry its own `_expand`",
    ),
    (
        "digitaleadressen._expand.verstrektDoorBetrokkene._expand",
        "property",
        "nested expansion: the expanded betrokkene may carry its own `_expand`",
    ),
    (
        "klantcontacten._expand.hadBetrokkenen[]._expand",
        "property",
        "nested expansion: the expanded betrokkene may carry its own `_expand`",
    ),
    (
        "betrokkenen._expand.digitaleAdressen[]._expand",
        "property",
        "nested expansion: the expanded digitaal adres may carry its own `_expand`",
    ),
    (
        "maak-klantcontact.klantcontact._expand",
        "property",
        "the klantcontact of maak-klantcontact shares the Klantcontact shape, whose optional \
         `_expand` (read-only in a create body) the spec's Klantcontact schema lacks",
    ),
    // `hoofdOnderwerpType` is `format: uri` in the spec, but Open Klant's model field is a
    // URLField with blank=True: "" is accepted, so it is a text with a URL check.
    (
        "klantcontacten.hoofdOnderwerpType",
        "kind",
        "URLField(blank=True): \"\" is allowed, so a text of max 200 with a URL check",
    ),
    (
        "maak-klantcontact.klantcontact.hoofdOnderwerpType",
        "kind",
        "URLField(blank=True): \"\" is allowed, so a text of max 200 with a URL check",
    ),
];

/// Deliberate differences between the generated JSON Schemas and the spec:
/// (`collection.direction` path, aspect, reason).
const SCHEMA_ALLOWED: &[(&str, &str, &str)] = &[
    // The model's `Verwijzing<I>` (every `…ForeignKey` of the spec) is one type for create
    // bodies and responses: its read-only `url` is optional, so the response schema does not
    // require it and the create-body schema still lists it.
    (
        "*.response*.*.url",
        "required",
        "Verwijzing<I> serves both directions: the read-only `url` is Option<String>",
    ),
    (
        "*.input*.*.url",
        "property",
        "Verwijzing<I> serves both directions: a create body may echo the read-only `url`",
    ),
    // CategorieForeignKey / CategorieRelatieForeignKey: the same, for their read-only names.
    (
        "*.categorie.naam",
        "required",
        "CategorieVerwijzing serves both directions: the read-only `naam` is optional",
    ),
    (
        "categorie-relaties.input.categorie.naam",
        "property",
        "CategorieVerwijzing serves both directions: a create body may echo the read-only `naam`",
    ),
    (
        "*.categorieRelaties[].categorieNaam",
        "required",
        "CategorieRelatieVerwijzing: the read-only `categorieNaam` is Option<Option<String>>",
    ),
    // Nested expansion: an expanded resource is the resource type itself, with its own
    // optional `_expand` (see ALLOWED).
    (
        "*.response*._expand.*._expand",
        "property",
        "nested expansion: an expanded resource may carry its own `_expand`",
    ),
    // The betrokkene below a klantcontact, partij or digitaal adres expands its partij and its
    // klantcontact (`hadBetrokkenen.wasPartij`, `betrokkenen.hadKlantcontact`,
    // `verstrektDoorBetrokkene.hadKlantcontact`, from the `expand` enums of API 0.9.0);
    // the spec's ExpandBetrokkene lists only `digitaleAdressen`.
    (
        "betrokkenen.response._expand.wasPartij",
        "property",
        "nested expansion from the expand enums of klantcontacten (hadBetrokkenen.wasPartij)",
    ),
    (
        "betrokkenen.response._expand.hadKlantcontact",
        "property",
        "nested expansion from the expand enums of partijen and digitaleadressen \
         (betrokkenen.hadKlantcontact, verstrektDoorBetrokkene.hadKlantcontact)",
    ),
    // KNOWN GAP: the maak-klantcontact response reuses the plain resource types instead of the
    // spec's `…KlantcontactReadOnly` schemas: `Onderwerpobject.klantcontact` is optional
    // (the spec requires it, nullable) and `Betrokkene`/`Klantcontact` carry `_expand`.
    (
        "maak-klantcontact.response.onderwerpobject.klantcontact",
        "required",
        "KNOWN GAP: MaakKlantcontact.onderwerpobject is typed Onderwerpobject, not \
         OnderwerpobjectKlantcontactReadOnly (where `klantcontact` is required)",
    ),
    (
        "maak-klantcontact.response.betrokkene._expand",
        "property",
        "KNOWN GAP: MaakKlantcontact.betrokkene is typed Betrokkene (with `_expand`), not \
         BetrokkeneKlantcontactReadOnly",
    ),
    (
        "maak-klantcontact.response.klantcontact._expand",
        "property",
        "MaakKlantcontact.klantcontact is typed Klantcontact, whose optional `_expand` the \
         spec's Klantcontact schema lacks (as in the shapes)",
    ),
];

/// Whether `path` matches an allow-list `pattern`, where `*` stands for any run of
/// characters (dots included).
fn glob(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, rest)) => {
            let Some(tail) = path.strip_prefix(head) else {
                return false;
            };
            (0..=tail.len())
                .filter(|&i| tail.is_char_boundary(i))
                .any(|i| glob(rest, &tail[i..]))
        }
    }
}

// ---- the spec ------------------------------------------------------------------------------

/// The spec's component schema of each resource.
fn schema_name(resource: Resource) -> &'static str {
    match resource {
        Resource::Partijen => "Partij",
        Resource::PartijIdentificatoren => "PartijIdentificator",
        Resource::DigitaleAdressen => "DigitaalAdres",
        Resource::Rekeningnummers => "Rekeningnummer",
        Resource::Vertegenwoordigingen => "Vertegenwoordigden",
        Resource::Categorieen => "Categorie",
        Resource::CategorieRelaties => "CategorieRelatie",
        Resource::Klantcontacten => "Klantcontact",
        Resource::Betrokkenen => "Betrokkene",
        Resource::Actorklantcontacten => "ActorKlantcontact",
        Resource::Onderwerpobjecten => "Onderwerpobject",
        Resource::Bijlagen => "Bijlage",
        Resource::Actoren => "Actor",
        Resource::Internetaken => "InterneTaak",
        Resource::MaakKlantcontact => "MaakKlantcontact",
    }
}

/// The properties and `required` of an object schema, `allOf` merged.
#[derive(Default)]
struct Obj {
    props: BTreeMap<String, Value>,
    required: BTreeSet<String>,
}

/// Resolves the spec's schemas.
struct Spec<'a> {
    schemas: &'a Map<String, Value>,
}

impl<'a> Spec<'a> {
    fn new(spec: &'a Value) -> Self {
        let schemas = spec["components"]["schemas"]
            .as_object()
            .expect("components.schemas");
        Self { schemas }
    }

    /// Follows `$ref`s.
    fn deref<'s>(&'s self, schema: &'s Value) -> &'s Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.trim_start_matches("#/components/schemas/");
                let target = self
                    .schemas
                    .get(name)
                    .unwrap_or_else(|| panic!("unresolved $ref {r}"));
                self.deref(target)
            }
            None => schema,
        }
    }

    /// The schema a property is about: `$ref` followed, a single-part `allOf` wrapper (that
    /// only adds `nullable`, `readOnly`, `description`) unwrapped.
    fn core<'s>(&'s self, schema: &'s Value) -> &'s Value {
        let s = self.deref(schema);
        match s.get("allOf").and_then(Value::as_array) {
            Some(parts)
                if parts.len() == 1 && s.get("properties").is_none() && s.get("type").is_none() =>
            {
                self.core(&parts[0])
            }
            _ => s,
        }
    }

    /// A boolean keyword (`readOnly`, `nullable`) on the property or on what it wraps.
    fn flag(&self, schema: &Value, key: &str) -> bool {
        if schema.get(key) == Some(&Value::Bool(true)) {
            return true;
        }
        let s = self.deref(schema);
        if s.get(key) == Some(&Value::Bool(true)) {
            return true;
        }
        match s.get("allOf").and_then(Value::as_array) {
            Some(parts) if parts.len() == 1 => self.flag(&parts[0], key),
            _ => false,
        }
    }

    /// A numeric keyword on the property or its core schema.
    fn number(&self, schema: &Value, key: &str) -> Option<i64> {
        schema
            .get(key)
            .or_else(|| self.core(schema).get(key))
            .and_then(Value::as_i64)
    }

    /// The properties of an object schema, `allOf` parts merged.
    fn object(&self, schema: &Value) -> Obj {
        let s = self.deref(schema);
        let mut obj = Obj::default();
        if let Some(parts) = s.get("allOf").and_then(Value::as_array) {
            for part in parts {
                let o = self.object(part);
                obj.props.extend(o.props);
                obj.required.extend(o.required);
            }
        }
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                obj.props.insert(k.clone(), v.clone());
            }
        }
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            obj.required
                .extend(req.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        obj
    }

    /// `oneOf` + `discriminator`: the discriminator property and, per value, the variant's
    /// object.
    fn variants(&self, schema: &Value) -> Option<(String, Vec<(String, Obj)>)> {
        let s = self.core(schema);
        s.get("oneOf")?;
        let d = s.get("discriminator")?;
        let prop = d["propertyName"].as_str()?.to_owned();
        let mapping = d["mapping"].as_object()?;
        let variants = mapping
            .iter()
            .map(|(value, target)| {
                let r = Value::Object(Map::from_iter([("$ref".to_owned(), target.clone())]));
                (value.clone(), self.object(&r))
            })
            .collect();
        Some((prop, variants))
    }

    /// The `_expand` property of the resource's `Expand*` schema, if it has one.
    fn expand_of(&self, name: &str) -> Option<Value> {
        let parts = self.schemas.get(&format!("Expand{name}"))?["allOf"].as_array()?;
        parts
            .iter()
            .find_map(|p| p.get("properties").and_then(|ps| ps.get("_expand")))
            .cloned()
    }

    /// The kind of a property, named as [`class`] names ours.
    fn class(&self, schema: &Value) -> &'static str {
        let c = self.core(schema);
        if c.get("enum").is_some() {
            return "enum";
        }
        if c.get("oneOf").is_some() || c.get("allOf").is_some() {
            return "object";
        }
        match c.get("type").and_then(Value::as_str) {
            Some("string") => match c.get("format").and_then(Value::as_str) {
                Some("uuid") => "uuid",
                Some("uri") => "uri",
                _ => "text",
            },
            Some("integer") => "int",
            Some("boolean") => "bool",
            Some("array") => "list",
            Some("object") if c.get("additionalProperties").is_some_and(Value::is_object) => "map",
            Some("object") | None => "object",
            Some(_) => "other",
        }
    }
}

/// The kind of one of our properties.
fn class(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text(_) => "text",
        Kind::Bool => "bool",
        Kind::Int { .. } => "int",
        Kind::Enum(_) => "enum",
        Kind::Uuid => "uuid",
        Kind::Uri { .. } => "uri",
        Kind::Object(_) | Kind::Variant { .. } => "object",
        Kind::List(_) => "list",
        Kind::Map(_) => "map",
    }
}

fn use_name(u: Use) -> &'static str {
    match u {
        Use::Required => "required",
        Use::Optional => "optional",
        Use::ReadOnly => "read-only",
    }
}

// ---- comparing shapes ----------------------------------------------------------------------

/// One difference, with its path, aspect and what each side says.
type Mismatch = (String, &'static str, String);

struct Compare<'a> {
    spec: Spec<'a>,
    found: BTreeSet<Mismatch>,
    /// How many properties were compared, to guard against a comparison that sees nothing.
    compared: usize,
}

impl Compare<'_> {
    fn report(&mut self, path: &str, aspect: &'static str, detail: String) {
        self.found.insert((path.to_owned(), aspect, detail));
    }

    /// Compares `shape` with an object schema of the spec (or each of its `oneOf` variants).
    /// `input`: whether create-body presence is compared here. `extra`: a property the spec
    /// gives elsewhere (`_expand` of an `Expand*` schema).
    fn shape(
        &mut self,
        path: &str,
        shape: &Shape,
        schema: &Value,
        extra: Option<&Value>,
        input: bool,
        depth: usize,
    ) {
        if depth > 16 {
            self.report(
                path,
                "depth",
                "shape nests deeper than 16 levels".to_owned(),
            );
            return;
        }
        let with_extra = |mut obj: Obj| {
            if let Some(e) = extra {
                obj.props.insert("_expand".to_owned(), e.clone());
            }
            obj
        };
        if let Some((disc, variants)) = self.spec.variants(schema) {
            // Our shape carries the variants in one `Kind::Variant` field per discriminator.
            let spec_values: BTreeSet<&str> = variants.iter().map(|(v, _)| v.as_str()).collect();
            let ours: Vec<&Field> = shape
                .fields
                .iter()
                .filter(|f| matches!(f.kind, Kind::Variant { discriminator, .. } if discriminator == disc))
                .collect();
            if ours.is_empty() {
                self.report(
                    path,
                    "variants",
                    format!("spec: oneOf by `{disc}`; ours: no Kind::Variant field on it"),
                );
            }
            for f in ours {
                if let Kind::Variant { variants: vs, .. } = f.kind {
                    let our_values: BTreeSet<&str> = vs.iter().map(|(v, _)| *v).collect();
                    if our_values != spec_values {
                        self.report(
                            &format!("{path}.{}", f.name),
                            "variants",
                            format!("ours {our_values:?}, spec {spec_values:?}"),
                        );
                    }
                }
            }
            for (value, obj) in variants {
                let obj = with_extra(obj);
                self.fields(path, shape, &obj, Some((&disc, &value)), input, depth);
            }
        } else {
            let obj = with_extra(self.spec.object(schema));
            self.fields(path, shape, &obj, None, input, depth);
        }
    }

    fn fields(
        &mut self,
        path: &str,
        shape: &Shape,
        obj: &Obj,
        variant: Option<(&str, &str)>,
        input: bool,
        depth: usize,
    ) {
        for f in shape.fields {
            let p = format!("{path}.{}", f.name);
            match obj.props.get(f.name) {
                None => self.report(&p, "property", "in our shape, not in the spec".to_owned()),
                Some(schema) => {
                    self.compared += 1;
                    let required = obj.required.contains(f.name);
                    self.field(&p, f, schema, required, variant, input, depth);
                }
            }
        }
        for name in obj.props.keys() {
            if shape.field(name).is_none() {
                self.report(
                    &format!("{path}.{name}"),
                    "property",
                    "in the spec, not in our shape".to_owned(),
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn field(
        &mut self,
        path: &str,
        f: &Field,
        schema: &Value,
        spec_required: bool,
        variant: Option<(&str, &str)>,
        input: bool,
        depth: usize,
    ) {
        let spec_read_only = self.spec.flag(schema, "readOnly");
        let spec_nullable = self.spec.flag(schema, "nullable");
        if (f.response == Use::Required) != spec_required {
            self.report(
                path,
                "required",
                format!(
                    "ours response {}, spec {}",
                    use_name(f.response),
                    if spec_required {
                        "required"
                    } else {
                        "not required"
                    }
                ),
            );
        }
        if input {
            if (f.input == Use::ReadOnly) != spec_read_only {
                self.report(
                    path,
                    "readOnly",
                    format!(
                        "ours input {}, spec readOnly: {spec_read_only}",
                        use_name(f.input)
                    ),
                );
            }
            let spec_input_required = spec_required && !spec_read_only;
            if (f.input == Use::Required) != spec_input_required {
                self.report(
                    path,
                    "input-required",
                    format!(
                        "ours input {}, spec {}",
                        use_name(f.input),
                        if spec_input_required {
                            "required (not read-only)"
                        } else {
                            "not required in a create body"
                        }
                    ),
                );
            }
        }
        if f.nullable != spec_nullable {
            self.report(
                path,
                "nullable",
                format!("ours {}, spec {spec_nullable}", f.nullable),
            );
        }
        let child_input = input && f.input != Use::ReadOnly && !spec_read_only;
        self.kind(path, &f.kind, schema, variant, child_input, depth);
    }

    fn kind(
        &mut self,
        path: &str,
        kind: &Kind,
        schema: &Value,
        variant: Option<(&str, &str)>,
        input: bool,
        depth: usize,
    ) {
        let (ours, theirs) = (class(kind), self.spec.class(schema));
        if ours != theirs {
            self.report(path, "kind", format!("ours {ours}, spec {theirs}"));
            return;
        }
        let core = self.spec.core(schema).clone();
        match kind {
            Kind::Text(t) => {
                let max = t.max.filter(|&m| m != usize::MAX);
                self.lengths(path, max, t.min, schema);
            }
            Kind::Uri { max } => self.lengths(path, Some(*max), Some(1), schema),
            Kind::Map(t) => {
                let values = core["additionalProperties"].clone();
                if self.spec.class(&values) == "text" {
                    let max = t.max.filter(|&m| m != usize::MAX);
                    self.lengths(&format!("{path}.*"), max, t.min, &values);
                } else {
                    self.report(
                        &format!("{path}.*"),
                        "kind",
                        format!("ours text, spec {}", self.spec.class(&values)),
                    );
                }
            }
            Kind::Int { min, max } => {
                for (aspect, ours, theirs) in [
                    ("minimum", *min, self.spec.number(schema, "minimum")),
                    ("maximum", *max, self.spec.number(schema, "maximum")),
                ] {
                    if theirs != Some(ours) {
                        self.report(path, aspect, format!("ours {ours}, spec {theirs:?}"));
                    }
                }
            }
            Kind::Enum(literals) => {
                let ours: BTreeSet<&str> = literals.iter().copied().collect();
                let theirs: BTreeSet<&str> = core["enum"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if ours != theirs {
                    self.report(path, "enum", format!("ours {ours:?}, spec {theirs:?}"));
                }
            }
            Kind::Object(shape) => self.shape(path, shape, &core, None, input, depth + 1),
            Kind::List(item) => {
                let items = core["items"].clone();
                self.kind(&format!("{path}[]"), item, &items, None, input, depth + 1);
            }
            Kind::Variant {
                discriminator,
                variants,
            } => match variant {
                Some((d, value)) if d == *discriminator => {
                    match variants.iter().find(|(v, _)| *v == value) {
                        Some((_, shape)) => self.shape(
                            &format!("{path}[{value}]"),
                            shape,
                            &core,
                            None,
                            input,
                            depth + 1,
                        ),
                        None => self.report(
                            path,
                            "variants",
                            format!("no variant for {discriminator} = {value}"),
                        ),
                    }
                }
                _ => self.report(
                    path,
                    "kind",
                    format!("ours variant by `{discriminator}`, spec a plain object"),
                ),
            },
            Kind::Bool | Kind::Uuid => {}
        }
    }

    fn lengths(&mut self, path: &str, max: Option<usize>, min: Option<usize>, schema: &Value) {
        let as_usize = |n: Option<i64>| n.and_then(|n| usize::try_from(n).ok());
        let spec_max = as_usize(self.spec.number(schema, "maxLength"));
        let spec_min = as_usize(self.spec.number(schema, "minLength"));
        if max != spec_max {
            self.report(
                path,
                "maxLength",
                format!("ours {max:?}, spec {spec_max:?}"),
            );
        }
        if min != spec_min {
            self.report(
                path,
                "minLength",
                format!("ours {min:?}, spec {spec_min:?}"),
            );
        }
    }
}

/// Splits what was found into unexpected differences and allow-list entries that matched
/// nothing; returns the failure message, if any.
fn verdict(
    found: &BTreeSet<Mismatch>,
    allowed: &[(&str, &str, &str)],
    what: &str,
) -> Option<String> {
    let is_allowed = |path: &str, aspect: &str| {
        allowed
            .iter()
            .any(|(p, a, _)| glob(p, path) && *a == aspect)
    };
    let unexpected: Vec<&Mismatch> = found.iter().filter(|(p, a, _)| !is_allowed(p, a)).collect();
    let stale: Vec<&(&str, &str, &str)> = allowed
        .iter()
        .filter(|(p, a, _)| !found.iter().any(|(fp, fa, _)| glob(p, fp) && fa == a))
        .collect();
    if unexpected.is_empty() && stale.is_empty() {
        return None;
    }
    let mut msg = String::new();
    if !unexpected.is_empty() {
        let _ = writeln!(
            msg,
            "{} difference(s) between {what} and API 0.9.0 that are not on the allow-list:",
            unexpected.len()
        );
        for (p, a, d) in &unexpected {
            let _ = writeln!(msg, "  {p}: {a}: {d}");
        }
    }
    if !stale.is_empty() {
        let _ = writeln!(
            msg,
            "{} allow-list entr(y/ies) that no longer match a difference (remove them):",
            stale.len()
        );
        for (p, a, why) in &stale {
            let _ = writeln!(msg, "  {p}: {a} ({why})");
        }
    }
    Some(msg)
}

#[test]
fn shapes_match_the_spec() {
    let spec = spec();
    let mut cmp = Compare {
        spec: Spec::new(&spec),
        found: BTreeSet::new(),
        compared: 0,
    };
    for &resource in Resource::ALL {
        let name = schema_name(resource);
        let schema = cmp
            .spec
            .schemas
            .get(name)
            .unwrap_or_else(|| panic!("no schema {name} in the spec"))
            .clone();
        let expand = cmp.spec.expand_of(name);
        cmp.shape(
            resource.collection(),
            resource.shape(),
            &schema,
            expand.as_ref(),
            true,
            0,
        );
    }
    // Every resource, its nested objects and each variant: well over 500 properties.
    assert!(
        cmp.compared > 500,
        "only {} properties compared; the spec was not resolved",
        cmp.compared
    );
    if let Some(msg) = verdict(&cmp.found, ALLOWED, "the validator's shapes") {
        panic!("{msg}");
    }
}

#[test]
fn allow_lists_give_reasons() {
    for (path, aspect, reason) in ALLOWED.iter().chain(SCHEMA_ALLOWED) {
        assert!(
            !path.is_empty() && !aspect.is_empty() && reason.len() > 10,
            "allow-list entry {path} {aspect} needs a reason"
        );
    }
}

// ---- comparing the JSON Schemas ------------------------------------------------------------

/// Property names and `required` of one object alternative, with the discriminator value it
/// belongs to (if any) and the property schemas for going deeper.
struct Alt {
    value: Option<String>,
    props: BTreeMap<String, Value>,
    required: BTreeSet<String>,
}

/// Resolves our generated JSON Schema (draft 2020-12, `$defs`).
struct Ours<'a> {
    defs: &'a Map<String, Value>,
}

impl Ours<'_> {
    fn deref<'s>(&'s self, schema: &'s Value) -> &'s Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) if r.starts_with("#/$defs/") && schema.get("properties").is_none() => self
                .defs
                .get(r.trim_start_matches("#/$defs/"))
                .map_or(schema, |t| self.deref(t)),
            _ => schema,
        }
    }

    /// The object behind a property: `$ref`s followed, `anyOf` with `null` (or `""`) reduced
    /// to the object alternative, arrays to their items.
    fn object_behind<'s>(&'s self, schema: &'s Value) -> Option<&'s Value> {
        let s = self.deref(schema);
        if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
            return any.iter().find_map(|a| self.object_behind(a));
        }
        if s.get("items").is_some() {
            return self.object_behind(&s["items"]);
        }
        (s.get("properties").is_some() || s.get("oneOf").is_some() || s.get("allOf").is_some())
            .then_some(s)
    }

    /// One object's properties: own, `$ref`'d and `allOf` parts merged.
    fn merge(&self, schema: &Value, alt: &mut Alt) {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            if let Some(t) = self.defs.get(r.trim_start_matches("#/$defs/")) {
                self.merge(t, alt);
            }
        }
        for part in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.merge(part, alt);
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                // A discriminator's `const` in a oneOf branch names the branch, and is a
                // property of the document.
                alt.props.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        if let Some(req) = schema.get("required").and_then(Value::as_array) {
            alt.required
                .extend(req.iter().filter_map(Value::as_str).map(str::to_owned));
        }
    }

    fn alternatives(&self, schema: &Value, disc: Option<&str>) -> Vec<Alt> {
        let s = self.deref(schema);
        if let Some(branches) = s.get("oneOf").and_then(Value::as_array) {
            return branches
                .iter()
                .map(|b| {
                    let mut alt = Alt {
                        value: None,
                        props: BTreeMap::new(),
                        required: BTreeSet::new(),
                    };
                    self.merge(b, &mut alt);
                    alt.value =
                        disc.and_then(|d| b["properties"][d]["const"].as_str().map(str::to_owned));
                    alt
                })
                .collect();
        }
        let mut alt = Alt {
            value: None,
            props: BTreeMap::new(),
            required: BTreeSet::new(),
        };
        self.merge(s, &mut alt);
        vec![alt]
    }
}

struct SchemaCompare<'a> {
    spec: Spec<'a>,
    found: BTreeSet<Mismatch>,
}

impl SchemaCompare<'_> {
    /// The spec's alternatives of an object schema, read-only properties left out of a create
    /// body.
    fn spec_alternatives(
        &self,
        schema: &Value,
        extra: Option<&Value>,
        response: bool,
    ) -> (Option<String>, Vec<Alt>) {
        let to_alt = |value: Option<String>, mut obj: Obj| {
            if let Some(e) = extra {
                obj.props.insert("_expand".to_owned(), e.clone());
            }
            if !response {
                obj.props.retain(|_, p| !self.spec.flag(p, "readOnly"));
                obj.required.retain(|r| obj.props.contains_key(r));
            }
            Alt {
                value,
                props: obj.props,
                required: obj.required,
            }
        };
        if let Some((disc, variants)) = self.spec.variants(schema) {
            let alts = variants
                .into_iter()
                .map(|(v, obj)| to_alt(Some(v), obj))
                .collect();
            (Some(disc), alts)
        } else {
            (None, vec![to_alt(None, self.spec.object(schema))])
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        path: &str,
        ours: &Ours<'_>,
        our_schema: &Value,
        spec_schema: &Value,
        extra: Option<&Value>,
        response: bool,
        depth: usize,
    ) {
        if depth > 8 {
            return;
        }
        let (disc, spec_alts) = self.spec_alternatives(spec_schema, extra, response);
        let our_alts = ours.alternatives(our_schema, disc.as_deref());
        for spec_alt in &spec_alts {
            let our_alt = if our_alts.len() == 1 {
                Some(&our_alts[0])
            } else {
                our_alts.iter().find(|a| a.value == spec_alt.value)
            };
            let here = match &spec_alt.value {
                Some(v) => format!("{path}[{v}]"),
                None => path.to_owned(),
            };
            let Some(our_alt) = our_alt else {
                self.found.insert((
                    here,
                    "variants",
                    "no oneOf branch in our schema for this discriminator value".to_owned(),
                ));
                continue;
            };
            let ours_names: BTreeSet<&String> = our_alt.props.keys().collect();
            let spec_names: BTreeSet<&String> = spec_alt.props.keys().collect();
            for n in ours_names.difference(&spec_names) {
                self.found.insert((
                    format!("{here}.{n}"),
                    "property",
                    "in our JSON Schema, not in the spec".to_owned(),
                ));
            }
            for n in spec_names.difference(&ours_names) {
                self.found.insert((
                    format!("{here}.{n}"),
                    "property",
                    "in the spec, not in our JSON Schema".to_owned(),
                ));
            }
            for n in our_alt.required.symmetric_difference(&spec_alt.required) {
                if !spec_alt.props.contains_key(n) || !our_alt.props.contains_key(n) {
                    continue; // reported as a property difference
                }
                let ours_req = our_alt.required.contains(n);
                self.found.insert((
                    format!("{here}.{n}"),
                    "required",
                    format!("ours required: {ours_req}, spec required: {}", !ours_req),
                ));
            }
            // One level deeper wherever both sides are objects (or lists of objects).
            for (n, spec_prop) in &spec_alt.props {
                let Some(our_prop) = our_alt.props.get(n) else {
                    continue;
                };
                let mut spec_core = self.spec.core(spec_prop).clone();
                let mut suffix = "";
                if spec_core.get("type").and_then(Value::as_str) == Some("array") {
                    spec_core = self.spec.core(&spec_core["items"]).clone();
                    suffix = "[]";
                }
                let spec_is_object = self.spec.class(&spec_core) == "object"
                    && (spec_core.get("properties").is_some()
                        || spec_core.get("allOf").is_some()
                        || spec_core.get("oneOf").is_some());
                let Some(our_obj) = ours.object_behind(our_prop) else {
                    continue;
                };
                if spec_is_object {
                    let our_obj = our_obj.clone();
                    self.compare(
                        &format!("{here}.{n}{suffix}"),
                        ours,
                        &our_obj,
                        &spec_core,
                        None,
                        response,
                        depth + 1,
                    );
                }
            }
        }
    }
}

#[test]
fn json_schemas_match_the_spec() {
    let spec = spec();
    let mut cmp = SchemaCompare {
        spec: Spec::new(&spec),
        found: BTreeSet::new(),
    };
    for &resource in Resource::ALL {
        let name = schema_name(resource);
        let spec_schema = cmp.spec.schemas[name].clone();
        let expand = cmp.spec.expand_of(name);
        for response in [false, true] {
            let ours = json_schema(resource, response);
            let empty = Map::new();
            let defs = Ours {
                defs: ours
                    .get("$defs")
                    .and_then(Value::as_object)
                    .unwrap_or(&empty),
            };
            let path = format!(
                "{}.{}",
                resource.collection(),
                if response { "response" } else { "input" }
            );
            cmp.compare(
                &path,
                &defs,
                &ours,
                &spec_schema,
                expand.as_ref().filter(|_| response),
                response,
                0,
            );
        }
    }
    if let Some(msg) = verdict(&cmp.found, SCHEMA_ALLOWED, "the generated JSON Schemas") {
        panic!("{msg}");
    }
}
