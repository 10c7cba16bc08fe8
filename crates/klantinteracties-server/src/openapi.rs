//! The server's OpenAPI 3.1 document, generated from the project's types and routes: the
//! paths are the routes the server answers (every collection of API 0.9.0 with list, create,
//! read, replace, patch and delete, and `maak-klantcontact`), the query parameters are the
//! register's own filter tables ([`klantinteracties::register::parameters`]), the bodies and
//! answers the JSON Schemas of [`klantinteracties::schema`]. OpenAPI 3.1 because the schemas
//! are JSON Schema 2020-12, which 3.1 takes as they are.

use klantinteracties::register::parameters::{expand_choices, query_parameters};
use klantinteracties::register::ParameterKind;
use klantinteracties::{schema, Resource};
use serde_json::{json, Map, Value};

use crate::API_ROOT;

/// The document, with `server` as the API root its paths hang under (the spec's
/// `/klantinteracties/api/v1`, or the server's absolute base URL).
pub fn document(server: &str) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    for &resource in Resource::ALL {
        add_schemas(&mut schemas, resource);
        let collection = resource.collection();
        if resource == Resource::MaakKlantcontact {
            paths.insert(format!("/{collection}"), json!({"post": create(resource)}));
            continue;
        }
        paths.insert(
            format!("/{collection}"),
            json!({"get": list(resource), "post": create(resource)}),
        );
        paths.insert(
            format!("/{collection}/{{uuid}}"),
            json!({
                "parameters": [{
                    "name": "uuid", "in": "path", "required": true,
                    "schema": {"type": "string", "format": "uuid"}
                }],
                "get": read(resource),
                "put": write(resource, "replace", "input", "200"),
                "patch": write(resource, "patch", "patch", "200"),
                "delete": delete(resource),
            }),
        );
    }
    schemas.insert("problem".into(), problem_schema());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "klantinteracties",
            "version": "0.9.0",
            "description": "The Klantinteracties API 0.9.0 as `klantinteracties serve` answers it.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}
        },
        "servers": [{"url": server}],
        "security": [{"tokenAuth": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "tokenAuth": {
                    "type": "apiKey", "in": "header", "name": "Authorization",
                    "description": "`Token <key>`, a key from the server's tokens file"
                }
            },
            "schemas": schemas,
        }
    })
}

/// The document as the server publishes it at `{API_ROOT}/openapi.json`, relative to its root.
pub fn published() -> Value {
    document(API_ROOT)
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn name(resource: Resource, what: &str) -> String {
    format!("{}.{what}", resource.collection())
}

/// The response, input and patch schemas of `resource`, with their `$defs` kept inside and
/// their references rewritten to point there.
fn add_schemas(schemas: &mut Map<String, Value>, resource: Resource) {
    let response = schema::json_schema(resource, true);
    let input = schema::json_schema(resource, false);
    let mut patch = input.clone();
    drop_required(&mut patch);
    for (what, mut value) in [("response", response), ("input", input), ("patch", patch)] {
        let component = name(resource, what);
        if let Value::Object(map) = &mut value {
            map.remove("$id");
            map.remove("$schema");
        }
        rebase(
            &mut value,
            &format!("#/components/schemas/{component}/$defs/"),
        );
        schemas.insert(component, value);
    }
}

/// A PATCH body may leave out any top-level property: `required` goes from the object and
/// from each of its `oneOf` branches.
fn drop_required(value: &mut Value) {
    let Value::Object(map) = value else { return };
    map.remove("required");
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(branches)) = map.get_mut(key) {
            branches.iter_mut().for_each(drop_required);
        }
    }
}

fn rebase(value: &mut Value, base: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s) if key == "$ref" => {
                        if let Some(rest) = s.strip_prefix("#/$defs/") {
                            *s = format!("{base}{rest}");
                        }
                    }
                    _ => rebase(v, base),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rebase(v, base)),
        _ => {}
    }
}

fn parameter_schema(kind: ParameterKind) -> Value {
    match kind {
        ParameterKind::Text => json!({"type": "string"}),
        ParameterKind::Uuid => json!({"type": "string", "format": "uuid"}),
        ParameterKind::Bool => json!({"type": "boolean"}),
        ParameterKind::Choice(choices) => json!({"type": "string", "enum": choices}),
        ParameterKind::Url => json!({"type": "string", "format": "uri"}),
        ParameterKind::Date => json!({"type": "string", "format": "date"}),
        ParameterKind::DateTime => json!({"type": "string", "format": "date-time"}),
    }
}

fn expand_parameter(resource: Resource) -> Option<Value> {
    let choices = expand_choices(resource);
    (!choices.is_empty()).then(|| {
        json!({
            "name": "expand", "in": "query", "style": "form", "explode": false,
            "description": "Relations to include under `_expand`.",
            "schema": {"type": "array", "items": {"type": "string", "enum": choices}}
        })
    })
}

fn list(resource: Resource) -> Value {
    let mut parameters: Vec<Value> = query_parameters(resource)
        .into_iter()
        .map(|p| json!({"name": p.name, "in": "query", "schema": parameter_schema(p.kind)}))
        .collect();
    parameters.push(json!({"name": "page", "in": "query", "schema": {"type": "integer"}}));
    parameters.push(json!({"name": "pageSize", "in": "query", "schema": {"type": "integer"}}));
    parameters.extend(expand_parameter(resource));
    let page = json!({
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": reference(&name(resource, "response"))}
        }
    });
    operation(resource, "list", parameters, None, "200", Some(page))
}

fn read(resource: Resource) -> Value {
    let parameters = expand_parameter(resource).into_iter().collect();
    let answer = reference(&name(resource, "response"));
    operation(resource, "read", parameters, None, "200", Some(answer))
}

fn create(resource: Resource) -> Value {
    let body = reference(&name(resource, "input"));
    let answer = reference(&name(resource, "response"));
    operation(
        resource,
        "create",
        Vec::new(),
        Some(body),
        "201",
        Some(answer),
    )
}

fn write(resource: Resource, verb: &str, body: &str, status: &str) -> Value {
    let body = reference(&name(resource, body));
    let answer = reference(&name(resource, "response"));
    operation(resource, verb, Vec::new(), Some(body), status, Some(answer))
}

fn delete(resource: Resource) -> Value {
    if resource == Resource::Onderwerpobjecten {
        // `cascade=true` also deletes the klantcontacten and digitale adressen only this
        // onderwerpobject used, and answers 200 with what was kept.
        let cascade = json!({
            "name": "cascade", "in": "query",
            "schema": {"type": "boolean", "default": false}
        });
        let mut op = operation(resource, "delete", vec![cascade], None, "204", None);
        op["responses"]["200"] = json!({
            "description": "With `cascade=true`: what was kept.",
            "content": {"application/json": {"schema": {"type": "object"}}}
        });
        return op;
    }
    operation(resource, "delete", Vec::new(), None, "204", None)
}

fn operation(
    resource: Resource,
    verb: &str,
    parameters: Vec<Value>,
    body: Option<Value>,
    status: &str,
    answer: Option<Value>,
) -> Value {
    let collection = resource.collection();
    let mut success = json!({
        "description": "",
        "headers": {"API-version": {"schema": {"type": "string"}}}
    });
    if let Some(answer) = answer {
        success["content"] = json!({"application/json": {"schema": answer}});
    }
    let mut op = json!({
        "operationId": format!("{collection}_{verb}"),
        "tags": [collection],
        "responses": {
            status: success,
            "default": {
                "description": "A refusal or an error, as problem+json.",
                "content": {"application/problem+json": {"schema": reference("problem")}}
            }
        }
    });
    if !parameters.is_empty() {
        op["parameters"] = Value::Array(parameters);
    }
    if let Some(body) = body {
        op["requestBody"] = json!({
            "required": true,
            "content": {"application/json": {"schema": body}}
        });
    }
    op
}

/// The problem document every refusal is (the ZGW `Fout`/`ValidatieFout`).
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "required": ["type", "code", "title", "status", "detail", "instance"],
        "properties": {
            "type": {"type": "string"},
            "code": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "invalidParams": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "code", "reason"],
                    "properties": {
                        "name": {"type": "string"},
                        "code": {"type": "string"},
                        "reason": {"type": "string"}
                    }
                }
            }
        }
    })
}
