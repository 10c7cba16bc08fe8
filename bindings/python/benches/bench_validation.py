"""Validation speed of `klantinteracties` against pydantic v2, jsonschema and fastjsonschema.

What is measured: the time to validate one request body, for the two realistic documents the
Rust benchmark uses (`crates/klantinteracties/benches/data/partij.json`, a persoon with two
identificatoren, two digitale adressen and both addresses, and `maak-klantcontact.json`), each
given as bytes and as a dict:

- ours: `klantinteracties.validate(resource, data)` (returns None or raises ValidationError),
  `klantinteracties.parse(resource, data)` (the same check, returning the document as Python
  objects, as pydantic returns a model) and `klantinteracties.check(resource, data)` (returns the
  list of violations);
- pydantic v2: the request models that datamodel-code-generator writes from the Klantinteracties
  API 0.9.0 OpenAPI spec at run time, `Model.model_validate_json(bytes)` and
  `Model.model_validate(dict)`;
- jsonschema: a Draft7Validator (built once, with its default format checker) over a JSON
  Schema converted from the spec's component schemas; bytes = `json.loads` + `validate`;
- fastjsonschema: the same JSON Schema compiled once; bytes = `json.loads` + the compiled
  function.

Each peer must accept both documents before anything is timed. Times come from `timeit`: the
number of calls per run is found with `autorange()` (a run takes at least 0.2 s), then the best
of `--repeat` runs is reported, per document, in µs. A last section validates an invalid
variant of each document (violations of domain rules plus one schema violation) and counts
what each validator reports.

Run from the repository root (after `pip install ./bindings/python` and the peers):

    python bindings/python/benches/bench_validation.py [--spec PATH] [--repeat N]

or `bindings/python/benches/run`, which makes a venv with everything and runs both benchmarks.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import re
import sys
import timeit
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peers

try:
    import klantinteracties as ki
except ImportError:  # reported in main(): only --peers-only runs without it
    ki = None


@dataclass(frozen=True)
class Document:
    name: str
    resource: str  # our resource name, which is also the API collection (POST /<resource>)
    path: Path


DOCUMENTS = [
    Document("partij", "partijen", peers.DATA_DIR / "partij.json"),
    Document("maak-klantcontact", "maak-klantcontact", peers.DATA_DIR / "maak-klantcontact.json"),
]


@dataclass(frozen=True)
class Violation:
    """One thing wrong in an invalid document: the property it is about and our rule id."""

    label: str
    field: str  # last path segment; a peer "finds" it when an error's path ends with it
    rule: str
    domain: bool  # True: a rule of the standard that a schema cannot express


@dataclass
class InvalidDocument:
    description: str
    data: dict[str, Any]
    violations: list[Violation] = field(default_factory=list)


def invalid_variant(doc: Document, data: dict[str, Any]) -> InvalidDocument:
    """A copy of a valid document with domain-rule violations and one too-long field."""
    bad = copy.deepcopy(data)
    if doc.name == "partij":
        bad["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] = "123456789"
        bad["partijIdentificatie"]["contactnaam"]["voorletters"] = "J.A.M.P.H.K."
        return InvalidDocument(
            "BSN 123456789 (fails the 11-proef) and voorletters of 12 characters (maxLength 10)",
            bad,
            [
                Violation("BSN 11-proef", "objectId", "partij-identificator.bsn", True),
                Violation("voorletters maxLength", "voorletters", "veld.max-lengte", False),
            ],
        )
    if doc.name == "maak-klantcontact":
        kc = bad["klantcontact"]
        kc["indicatieContactGelukt"] = True  # with verdereActieOndernomen: true (Open Klant R22)
        kc["referentienummer"] = "REF-12345"
        kc["onderwerp"] = "Terugbelverzoek " * 13  # 208 characters, maxLength 200
        return InvalidDocument(
            "contact gelukt and verdere actie both true (R22), referentienummer 'REF-12345' "
            "(not digits) and an onderwerp of 208 characters (maxLength 200)",
            bad,
            [
                Violation(
                    "gelukt + verdere actie",
                    "verdereActieOndernomen",
                    "klantcontact.geen-verdere-actie-bij-gelukt",
                    True,
                ),
                Violation("referentienummer digits", "referentienummer", "veld.nummer", True),
                Violation("onderwerp maxLength", "onderwerp", "veld.max-lengte", False),
            ],
        )
    raise ValueError(doc.name)


def jsonschema_leaves(error: Any) -> list[Any]:
    """The errors that explain a jsonschema error, down through oneOf/anyOf.

    A oneOf/anyOf error sits at the branching point with one sub-error per failing branch.
    Branches that failed only because they are the wrong variant (a discriminator `const`) or
    the `null` side of a nullable (a `type` error right at the branch point) are skipped; the
    remaining branch is followed down.
    """
    if not error.context:
        return [error]
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def wrong_variant(errs: list[Any]) -> bool:
        return any(e.validator == "const" for e in errs) or all(
            e.validator == "type" and e.absolute_path == error.absolute_path for e in errs
        )

    chosen = [errs for errs in branches.values() if not wrong_variant(errs)]
    out: list[Any] = []
    for sub in chosen[0] if chosen else error.context:
        out.extend(jsonschema_leaves(sub))
    return out


def timed_calls(
    doc: Document,
    raw: bytes,
    data: dict[str, Any],
    model: Any,
    js: peers.JsonSchemaPeers,
    ours_on: bool,
) -> dict[str, dict[str, Callable[[], object] | None]]:
    """Per input form, the call each validator makes on one document (None: not measured)."""
    loads = json.loads
    jsv = js.jsonschema_validate
    fjs = js.fastjsonschema_validate
    resource = doc.resource
    return {
        "bytes": {
            "ours": (lambda: ki.validate(resource, raw)) if ours_on else None,
            "ours.parse": (lambda: ki.parse(resource, raw)) if ours_on else None,
            "ours.check": (lambda: ki.check(resource, raw)) if ours_on else None,
            "pydantic": lambda: model.model_validate_json(raw),
            "jsonschema": lambda: jsv(loads(raw)),
            "fastjsonschema": lambda: fjs(loads(raw)),
        },
        "dict": {
            "ours": (lambda: ki.validate(resource, data)) if ours_on else None,
            "ours.parse": (lambda: ki.parse(resource, data)) if ours_on else None,
            "ours.check": (lambda: ki.check(resource, data)) if ours_on else None,
            "pydantic": lambda: model.model_validate(data),
            "jsonschema": lambda: jsv(data),
            "fastjsonschema": lambda: fjs(data),
        },
    }


def per_call(fn: Callable[[], object], repeat: int) -> float:
    """Seconds per call: autorange for the count, then the best of `repeat` runs."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def root_only(where: list[str]) -> bool:
    """fastjsonschema reports a oneOf failure at the root, without saying what failed."""
    return bool(where) and all(w.startswith("(root)") for w in where)


def us(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1e6:,.1f}"


def ratio(peer: float | None, ours: float | None) -> str:
    if peer is None or ours is None:
        return "-"
    return f"{peer / ours:,.1f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--spec",
        type=Path,
        default=peers.DEFAULT_SPEC,
        help="Klantinteracties API 0.9.0 OpenAPI document "
        "(default: ../shared/reference/open-klant-api/klantinteracties-0.9.0.openapi.yaml "
        "relative to the repository root)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per cell (best is kept)")
    parser.add_argument(
        "--peers-only",
        action="store_true",
        help="run without the klantinteracties package (peers only, no ratios)",
    )
    args = parser.parse_args()
    if ki is None and not args.peers_only:
        raise SystemExit(
            "klantinteracties is not importable: pip install ./bindings/python (or --peers-only)"
        )
    ours_on = ki is not None and not args.peers_only
    spec_path: Path = args.spec.resolve()

    print("== Validation: klantinteracties vs pydantic v2, jsonschema, fastjsonschema ==")
    print(f"python {platform.python_version()} ({platform.python_implementation()})")
    vers = peers.versions(
        "klantinteracties",
        "pydantic",
        "pydantic-core",
        "datamodel-code-generator",
        "jsonschema",
        "fastjsonschema",
        "PyYAML",
    )
    print("versions: " + ", ".join(f"{k} {v}" for k, v in vers.items()))
    print(f"spec: {spec_path}")

    spec = peers.load_spec(spec_path)
    with peers.temp_workdir() as tmp:
        models = peers.generate_pydantic_models(spec_path, Path(tmp))
    print(
        f"pydantic models: datamodel-codegen {' '.join(models.options)} "
        f"({models.seconds_generate:.1f} s to generate, {models.seconds_import:.1f} s to import)"
    )

    rows: list[tuple[str, str, dict[str, float | None]]] = []
    invalid_reports: list[tuple[Document, InvalidDocument, dict[str, Any]]] = []
    for doc in DOCUMENTS:
        raw = doc.path.read_bytes()
        data = json.loads(raw)
        root = peers.request_schema_name(spec, doc.resource)
        model = models.request_model(root)
        schema, stats = peers.request_json_schema(spec, root)
        js = peers.build_json_schema_peers(schema)
        print(
            f"\n{doc.name} ({len(raw):,} bytes): body of POST /{doc.resource} is "
            f"#/components/schemas/{root}; pydantic model {model.__name__}"
        )
        print(
            "  JSON Schema (Draft 7) from the spec: "
            f"{stats.nullable} nullable -> type [..., null], "
            f"{stats.nullable_wrapped} nullable $ref/allOf -> anyOf [..., null], "
            f"{stats.discriminators} oneOf+discriminator -> variants pinned by const, "
            f"{stats.read_only_unrequired} readOnly properties no longer required, "
            f"{stats.ref_siblings} $ref with siblings -> allOf"
        )
        print(
            f"  formats in the schema: {', '.join(sorted(peers.formats_used(schema)))}; "
            f"jsonschema checks: {', '.join(js.jsonschema_formats_checked) or 'none'} "
            "(the others need optional packages); "
            f"fastjsonschema: {js.fastjsonschema_note}"
        )

        # Every validator must accept the valid document, in both forms, before timing.
        if ours_on:
            assert ki is not None
            for form in (raw, data):
                ki.validate(doc.resource, form)
                out = ki.parse(doc.resource, form)
                assert out == data, f"ki.parse changed the {doc.name} document"
                errs = ki.check(doc.resource, form)
                assert errs == [], f"ki.check reports {errs}"
        model.model_validate_json(raw)
        model.model_validate(data)
        errors = js.jsonschema_errors(data)
        assert not errors, f"jsonschema rejects {doc.name}: {[e.message for e in errors]}"
        js.fastjsonschema_validate(json.loads(raw))

        cells = timed_calls(doc, raw, data, model, js, ours_on)
        for form, fns in cells.items():
            times = {k: (per_call(fn, args.repeat) if fn else None) for k, fn in fns.items()}
            rows.append((doc.name, form, times))

        bad = invalid_variant(doc, data)
        invalid_reports.append((doc, bad, {"model": model, "js": js}))

    # --- the table -----------------------------------------------------------------------
    print(
        f"\nTime per document in µs (best of {args.repeat} timeit runs); "
        "ratios are peer time / ours (ki.validate), and pydantic / ki.parse"
    )
    columns = [
        ("validate", "ours", 9),
        ("parse", "ours.parse", 9),
        ("check", "ours.check", 9),
        ("pydantic", "pydantic", 9),
        ("jsonschema", "jsonschema", 10),
        ("fastjsonschema", "fastjsonschema", 14),
    ]
    ratios = [
        ("pydantic/ours", "pydantic", "ours"),
        ("jsonschema/ours", "jsonschema", "ours"),
        ("fastjsonschema/ours", "fastjsonschema", "ours"),
        ("pydantic/parse", "pydantic", "ours.parse"),
    ]
    header = (
        f"{'document':<18} {'input':<5} "
        + " ".join(f"{title:>{w}}" for title, _, w in columns)
        + " "
        + " ".join(f"{title:>{len(title)}}" for title, _, _ in ratios)
    )
    print(header)
    print("-" * len(header))
    for name, form, t in rows:
        print(
            f"{name:<18} {form:<5} "
            + " ".join(f"{us(t[key]):>{w}}" for _, key, w in columns)
            + " "
            + " ".join(f"{ratio(t[a], t[b]):>{len(title)}}" for title, a, b in ratios)
        )
    print(
        "validate/parse/check = ki.validate (None or ValidationError) / ki.parse (returns the "
        "document) / ki.check (returns the violations);\npydantic = model_validate_json(bytes) or "
        "model_validate(dict); bytes for jsonschema/fastjsonschema = json.loads + validate"
    )

    # --- goal check ----------------------------------------------------------------------
    print("\nGoal check")
    if not ours_on:
        print("  (skipped: --peers-only)")
    else:
        for name, form, t in rows:
            if form != "bytes":
                continue
            for fn, key in (("ki.validate", "ours"), ("ki.parse", "ours.parse")):
                mine, theirs = t[key], t["pydantic"]
                ok = mine is not None and theirs is not None and mine <= theirs
                print(
                    f"  at least as fast as pydantic v2 on bytes, {name}, {fn}: "
                    f"{'PASS' if ok else 'FAIL'} (pydantic/ours {ratio(t['pydantic'], t[key])})"
                )
        for name, form, t in rows:
            r = (t["jsonschema"] or 0.0) / (t["ours"] or float("inf"))
            print(
                f"  >= 20x faster than jsonschema, {name} ({form}), ki.validate: "
                f"{'PASS' if r >= 20 else 'FAIL'} ({r:,.1f}x)"
            )

    # --- invalid documents ---------------------------------------------------------------
    print("\nInvalid documents: does each validator catch the domain rules too?")
    for doc, bad, peer in invalid_reports:
        print(f"\n{doc.name}: {bad.description}")
        raw_bad = json.dumps(bad.data).encode()
        found: dict[str, tuple[int | str, list[str]]] = {}
        if ours_on:
            assert ki is not None
            errs = ki.check(doc.resource, raw_bad)
            found["ours (ki.check)"] = (
                len(errs),
                [f"{e['rule']} at {e['name']}" for e in errs],
            )
            try:
                ki.validate(doc.resource, raw_bad)
                raise AssertionError("ki.validate accepted the invalid document")
            except ki.ValidationError as e:
                assert len(e.invalid_params) == len(errs)
        model = peer["model"]
        try:
            model.model_validate_json(raw_bad)
            found["pydantic"] = (0, [])
        except Exception as e:  # pydantic.ValidationError
            locs = [".".join(str(p) for p in err["loc"]) for err in e.errors()]  # type: ignore[attr-defined]
            found["pydantic"] = (len(locs), locs)
        js_errors = peer["js"].jsonschema_errors(bad.data)
        found["jsonschema"] = (
            len(js_errors),
            [
                ".".join(str(p) for p in leaf.absolute_path) + f" ({leaf.validator})"
                for err in js_errors
                for leaf in jsonschema_leaves(err)
            ],
        )
        try:
            peer["js"].fastjsonschema_validate(json.loads(raw_bad))
            found["fastjsonschema"] = (0, [])
        except Exception as e:  # fastjsonschema.JsonSchemaValueException
            path = ".".join(str(p) for p in getattr(e, "path", [])[1:])
            found["fastjsonschema"] = ("1*", [f"{path or '(root)'}: {e}"])

        labels = [v.label for v in bad.violations]
        widths = [max(len(lbl), 5) for lbl in labels]
        print(
            f"  {'validator':<16} {'errors':>6}  "
            + "  ".join(f"{lbl:<{w}}" for lbl, w in zip(labels, widths, strict=True))
        )
        for who, (count, where) in found.items():
            marks = []
            for v in bad.violations:
                if who.startswith("ours"):
                    hit = any(w.startswith(v.rule + " ") for w in where)
                else:
                    hit = any(re.search(rf"(^|\.){v.field}\b", w) for w in where)
                marks.append("yes" if hit else "(root)" if root_only(where) else "no")
            line = f"  {who:<16} {str(count):>6}  " + "  ".join(
                f"{m:<{w}}" for m, w in zip(marks, widths, strict=True)
            )
            print(line.rstrip())
        for who, (_, where) in found.items():
            print(f"    {who}: {'; '.join(where) if where else 'accepted'}")
        print("  (* fastjsonschema stops at the first error)")
        domain = [v.label for v in bad.violations if v.domain]
        print(f"  domain rules (in no schema of the API 0.9.0 spec): {', '.join(domain)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
