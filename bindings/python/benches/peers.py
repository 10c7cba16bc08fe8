"""The peer validators the benchmarks compare `klantinteracties` with, built from the spec.

Shared by `bench_validation.py` and `bench_bulk.py` (it is not a benchmark itself). Every peer is
built from the same Klantinteracties API 0.9.0 OpenAPI document:

- pydantic v2 models, generated at run time with datamodel-code-generator into a temporary
  directory. `--read-only-write-only-model-type request-response` makes it write a `…Request`
  model next to every `…Response` model, without the readOnly properties: the component schemas
  of API 0.9.0 list readOnly properties such as `url`, `uuid` and `volledigeNaam` as required, so
  the plain models would reject every create body.
- A JSON Schema (Draft 7) converted from the spec's component schemas for a request body (see
  `request_json_schema`), validated with `jsonschema` and compiled with `fastjsonschema`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SPEC = REPO_ROOT / "../shared/reference/open-klant-api/klantinteracties-0.9.0.openapi.yaml"
DATA_DIR = REPO_ROOT / "crates/klantinteracties/benches/data"

DRAFT7 = "http://json-schema.org/draft-07/schema#"
COMPONENTS = "#/components/schemas/"

# OpenAPI 3.0 keywords with no JSON Schema meaning (or handled by the conversion), and
# annotations that only make the schema bigger.
DROPPED_KEYWORDS = frozenset(
    {
        "nullable",
        "discriminator",
        "readOnly",
        "writeOnly",
        "deprecated",
        "example",
        "examples",
        "xml",
        "externalDocs",
        "description",
        "title",
    }
)
# Keywords whose value is data, not a schema: copied as they are.
LITERAL_KEYWORDS = frozenset({"enum", "const", "default", "required", "type", "pattern", "format"})

# fastjsonschema's draft-07 generator knows no `format: uuid` (122 uses in API 0.9.0) and refuses
# to compile an unknown format, so the benchmark gives it this regex.
UUID_REGEX = r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\Z"


def load_spec(path: Path) -> dict[str, Any]:
    """The OpenAPI document as a dict (with libyaml when PyYAML has it)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as f:
        spec = yaml.load(f, Loader=loader)
    if not isinstance(spec, dict) or "components" not in spec:
        raise SystemExit(f"{path} is not an OpenAPI document with components")
    return spec


def request_schema_name(spec: dict[str, Any], collection: str) -> str:
    """The component schema that is the body of `POST /<collection>` (e.g. `Partij`)."""
    try:
        body = spec["paths"][f"/{collection}"]["post"]["requestBody"]
        ref = str(body["content"]["application/json"]["schema"]["$ref"])
    except KeyError as e:
        raise SystemExit(f"the spec has no JSON request body for POST /{collection}") from e
    if not ref.startswith(COMPONENTS):
        raise SystemExit(f"POST /{collection} body is {ref}, not a component schema")
    return ref[len(COMPONENTS) :]


def versions(*distributions: str) -> dict[str, str]:
    """Installed version of each distribution, or "not installed"."""
    out: dict[str, str] = {}
    for name in distributions:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


# --- pydantic v2 via datamodel-code-generator ----------------------------------------------


@dataclass
class GeneratedModels:
    module: ModuleType
    seconds_generate: float
    seconds_import: float
    options: list[str]

    def request_model(self, schema_name: str) -> Any:
        """The generated request model of a component schema (`Partij` -> `PartijRequest`)."""
        name = f"{schema_name}Request"
        model = getattr(self.module, name, None)
        if model is None:
            raise SystemExit(f"datamodel-code-generator wrote no {name} model")
        return model


PYDANTIC_OPTIONS = [
    "--input-file-type",
    "openapi",
    "--output-model-type",
    "pydantic_v2.BaseModel",
    # Request models without readOnly properties (they are required in the spec's schemas).
    "--read-only-write-only-model-type",
    "request-response",
    # OAS 3.0 nullable as written: only `nullable: true` admits null.
    "--strict-nullable",
    "--use-annotated",
    "--target-python-version",
    f"{sys.version_info.major}.{sys.version_info.minor}",
    "--disable-timestamp",
]


def generate_pydantic_models(spec_path: Path, workdir: Path) -> GeneratedModels:
    """Run datamodel-code-generator on the spec and import the generated module."""
    out = workdir / "ki_models.py"
    cmd = [
        sys.executable,
        "-m",
        "datamodel_code_generator",
        "--input",
        str(spec_path),
        "--output",
        str(out),
        *PYDANTIC_OPTIONS,
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    t1 = time.perf_counter()
    if proc.returncode != 0:
        raise SystemExit(
            "datamodel-code-generator failed (it needs a version with "
            "--read-only-write-only-model-type):\n" + proc.stderr[-4000:]
        )
    name = "ki_models"
    spec = importlib.util.spec_from_file_location(name, out)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves the postponed annotations through sys.modules.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    t2 = time.perf_counter()
    return GeneratedModels(module, t1 - t0, t2 - t1, PYDANTIC_OPTIONS)


# --- JSON Schema conversion ---------------------------------------------------------------


@dataclass
class Conversion:
    """What the OpenAPI -> JSON Schema conversion changed, for the report."""

    nullable: int = 0
    nullable_wrapped: int = 0
    ref_siblings: int = 0
    discriminators: int = 0
    read_only_unrequired: int = 0


def _convert(node: Any, stats: Conversion) -> Any:
    if isinstance(node, list):
        return [_convert(item, stats) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in DROPPED_KEYWORDS:
            continue
        if key == "$ref":
            if not value.startswith(COMPONENTS):
                raise SystemExit(f"unsupported $ref {value}")
            out[key] = "#/definitions/" + value[len(COMPONENTS) :]
        elif key == "properties":
            out[key] = {name: _convert(sub, stats) for name, sub in value.items()}
        elif key in LITERAL_KEYWORDS:
            out[key] = value
        else:
            out[key] = _convert(value, stats)

    # A request body need not (and usually does not) hold readOnly properties: the spec lists
    # url, uuid, volledigeNaam, … as required because the same schema describes the response.
    props = node.get("properties")
    if "required" in out and isinstance(props, dict):
        kept = [p for p in out["required"] if not props.get(p, {}).get("readOnly", False)]
        stats.read_only_unrequired += len(out["required"]) - len(kept)
        if kept:
            out["required"] = kept
        else:
            del out["required"]

    # oneOf + discriminator: every variant is an allOf over Base_PartijSerializer (or
    # Base_ActorSerializer), whose soortPartij enum admits all three values and which allows
    # additional properties, so a persoon would match all three variants and fail oneOf. Pin
    # the discriminator property in each variant to its mapping key.
    disc = node.get("discriminator")
    if disc and "oneOf" in node:
        prop = disc["propertyName"]
        key_of = {ref: key for key, ref in disc.get("mapping", {}).items()}
        variants = []
        for variant in node["oneOf"]:
            ref = variant.get("$ref", "")
            key = key_of.get(ref, ref.rsplit("/", 1)[-1])
            variants.append(
                {
                    "allOf": [
                        _convert(variant, stats),
                        {"properties": {prop: {"const": key}}, "required": [prop]},
                    ]
                }
            )
        out["oneOf"] = variants
        stats.discriminators += 1

    # Draft 7 ignores every keyword beside $ref: move the $ref into an allOf.
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
        stats.ref_siblings += 1

    # OAS 3.0 `nullable: true` -> `type: [..., "null"]`, or anyOf with null where the schema
    # has no type of its own (allOf [$ref] + nullable, the spec's way to write a nullable ref).
    if node.get("nullable") is True:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            out["type"] = [*types, "null"] if "null" not in types else types
            if "enum" in out and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
            stats.nullable += 1
        else:
            out = {"anyOf": [out, {"type": "null"}]}
            stats.nullable_wrapped += 1
    return out


def request_json_schema(spec: dict[str, Any], root: str) -> tuple[dict[str, Any], Conversion]:
    """A Draft 7 schema of a request body whose top-level schema is `root`.

    All component schemas go into `definitions`; refs point there. Conversion: nullable,
    $ref with siblings, oneOf + discriminator, readOnly properties not required (see
    `_convert`); OAS-only keywords and annotations are dropped.
    """
    stats = Conversion()
    definitions = {
        name: _convert(schema, stats) for name, schema in spec["components"]["schemas"].items()
    }
    if root not in definitions:
        raise SystemExit(f"no component schema {root}")
    schema = {
        "$schema": DRAFT7,
        "definitions": definitions,
        "allOf": [{"$ref": f"#/definitions/{root}"}],
    }
    return schema, stats


def formats_used(schema: Any) -> set[str]:
    """Every `format` value in a (converted) schema."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            fmt = node.get("format")
            if isinstance(fmt, str):
                found.add(fmt)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return found


@dataclass
class JsonSchemaPeers:
    """jsonschema and fastjsonschema validators of one request body."""

    jsonschema_validate: Callable[[Any], None]
    jsonschema_errors: Callable[[Any], list[Any]]
    fastjsonschema_validate: Callable[[Any], Any]
    jsonschema_formats_checked: list[str]
    fastjsonschema_note: str


def build_json_schema_peers(schema: dict[str, Any]) -> JsonSchemaPeers:
    import fastjsonschema
    from jsonschema import Draft7Validator

    Draft7Validator.check_schema(schema)
    checker = Draft7Validator.FORMAT_CHECKER
    validator = Draft7Validator(schema, format_checker=checker)
    used = formats_used(schema)
    checked = sorted(used & set(checker.checkers))

    # use_default=False: validate only, like the other peers (fastjsonschema would otherwise
    # write schema defaults, e.g. verdereActieOndernomen=false, into the caller's dict).
    compiled = fastjsonschema.compile(schema, formats={"uuid": UUID_REGEX}, use_default=False)
    note = "format uuid as a custom regex (its draft-07 generator has none); use_default=False"
    return JsonSchemaPeers(
        jsonschema_validate=validator.validate,
        jsonschema_errors=lambda doc: list(validator.iter_errors(doc)),
        fastjsonschema_validate=compiled,
        jsonschema_formats_checked=checked,
        fastjsonschema_note=note,
    )


def temp_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="ki-bench-")
