"""validate, parse, check, schema and the catalogues."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import persoon

import klantinteracties as ki

INVALID_BSN = persoon("123456789")  # fails the 11-proef
BSN_PATH = "partijIdentificatoren.0.partijIdentificator.objectId"


@pytest.mark.parametrize("form", ["dict", "str", "bytes", "bytearray"])
def test_validate_accepts_a_valid_document_in_every_form(form: str) -> None:
    doc = persoon("111222333")
    data: Any = {
        "dict": doc,
        "str": json.dumps(doc),
        "bytes": json.dumps(doc).encode(),
        "bytearray": bytearray(json.dumps(doc).encode()),
    }[form]
    assert ki.validate("partijen", data) is None
    assert ki.check("partijen", data) == []


@pytest.mark.parametrize("form", ["dict", "str", "bytes"])
def test_validate_rejects_the_11_proef_in_every_form(form: str) -> None:
    data: Any = {
        "dict": INVALID_BSN,
        "str": json.dumps(INVALID_BSN),
        "bytes": json.dumps(INVALID_BSN).encode(),
    }[form]
    with pytest.raises(ki.ValidationError) as caught:
        ki.validate("partijen", data)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, ki.KlantinteractiesError)
    assert [(p["name"], p["code"]) for p in error.invalid_params] == [(BSN_PATH, "invalid")]
    assert error.invalid_params[0]["rule"] == "partij-identificator.bsn"
    assert error.invalid_params[0]["reason"]
    assert error.problem["status"] == 400
    assert error.problem["invalidParams"] == error.invalid_params
    assert error.kind == "invalid"
    assert error.status == 400
    assert BSN_PATH in str(error)


def test_every_violation_is_reported_in_one_pass() -> None:
    doc = {"soortPartij": "robot", "indicatieActief": "ja", "onbekend": 1}
    found = {(p["name"], p["code"]) for p in ki.check("partijen", doc)}
    assert found == {
        ("soortPartij", "invalid_choice"),
        ("indicatieActief", "invalid"),
        ("onbekend", "unknown-field"),
    }


def test_malformed_json_is_a_violation_with_a_position() -> None:
    with pytest.raises(ki.ValidationError) as caught:
        ki.validate("partijen", b'{"soortPartij": ')
    [param] = caught.value.invalid_params
    assert (param["name"], param["code"]) == ("nonFieldErrors", "parse_error")
    assert "1" in param["reason"]  # line and column


def test_an_object_without_a_json_form_is_a_violation() -> None:
    [param] = ki.check("partijen", {"soortPartij": object()})
    assert (param["name"], param["code"]) == ("nonFieldErrors", "parse_error")


def _deep_list(depth: int) -> list[Any]:
    doc: list[Any] = []
    for _ in range(depth):
        doc = [doc]
    return doc


def _deep_dict(depth: int) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for _ in range(depth):
        doc = {"a": doc}
    return doc


@pytest.mark.parametrize("depth", [31, 8_000, 100_000])
def test_deep_nesting_is_a_located_parse_error_not_a_crash(depth: int) -> None:
    # Issue: lists about 8,000 deep and dicts about 15,000 deep killed the interpreter.
    for inner in (_deep_list(depth), _deep_dict(depth)):
        [param] = ki.check("partijen", {"soortPartij": "persoon", "bezoekadres": inner})
        assert (param["name"], param["code"]) == ("nonFieldErrors", "parse_error")
        assert "genest" in param["reason"]


def test_a_dict_that_contains_itself_is_a_parse_error_not_a_crash() -> None:
    doc: dict[str, Any] = {"soortPartij": "persoon"}
    doc["self"] = doc
    [param] = ki.check("partijen", doc)
    assert (param["name"], param["code"]) == ("nonFieldErrors", "parse_error")


def test_nesting_up_to_the_limit_is_converted() -> None:
    # 31 lists inside the partij (`_deep_list(n)` is n + 1 lists; 32 levels with the partij):
    # no parse error, only the rules' own findings.
    params = ki.check("partijen", {"soortPartij": "persoon", "bezoekadres": _deep_list(30)})
    assert all(p["code"] != "parse_error" for p in params)


def test_a_lone_surrogate_is_refused_as_str_and_as_dict_alike() -> None:
    # Issue: as a str the document was stored altered (U+FFFD), as a dict it was refused.
    as_text = "{\"soortPartij\": \"persoon\", \"x\": \"Jan\ud800\"}"
    for doc in (as_text, {"soortPartij": "persoon", "x": "Jan\ud800"}):
        [param] = ki.check("partijen", doc)
        assert (param["name"], param["code"]) == ("nonFieldErrors", "parse_error")
        assert "Jan" not in param["reason"]


def test_profiles_differ_where_open_klant_is_more_lenient() -> None:
    doc = persoon(onbekend=1)
    assert [p["code"] for p in ki.check("partijen", doc)] == ["unknown-field"]
    assert ki.check("partijen", doc, profile="open-klant") == []


def test_partial_bodies_need_no_required_fields() -> None:
    assert [p["code"] for p in ki.check("partijen", {"indicatieActief": False})] == ["required"]
    assert ki.check("partijen", {"indicatieActief": False}, partial=True) == []


def test_response_bodies_are_checked_against_the_response_shape() -> None:
    doc = persoon()
    assert ki.check("partijen", doc) == []
    missing = {p["name"] for p in ki.check("partijen", doc, response=True)}
    assert {"uuid", "url"} <= missing


def test_large_text_takes_the_same_path_as_small() -> None:
    doc = persoon(interneNotitie="x" * 20_000)  # over the 16 KiB that releases the GIL
    big = json.dumps(doc).encode()
    assert len(big) > 16 * 1024
    assert ki.check("partijen", big) == ki.check("partijen", doc)
    assert [p["code"] for p in ki.check("partijen", big)] == ["max_length"]


def test_parse_returns_the_checked_document() -> None:
    doc = persoon("111222333")
    assert ki.parse("partijen", json.dumps(doc).encode()) == doc
    assert ki.parse("partijen", json.dumps(doc)) == doc
    assert ki.parse("partijen", doc) is doc
    with pytest.raises(ki.ValidationError):
        ki.parse("partijen", INVALID_BSN)


def test_unknown_names_are_programming_errors_not_validation_errors() -> None:
    with pytest.raises(ValueError, match="unknown resource") as caught:
        ki.validate("personen", {})
    assert not isinstance(caught.value, ki.ValidationError)
    with pytest.raises(ValueError, match="standaard"):
        ki.validate("partijen", {}, profile="streng")
    with pytest.raises(TypeError):
        ki.validate("partijen")  # type: ignore[call-arg]


def test_schema_describes_request_and_response() -> None:
    request = ki.schema("digitaleadressen")
    response = ki.schema("digitaleadressen", response=True)
    assert request["$schema"].endswith("2020-12/schema")
    assert "adres" in request["properties"]
    assert "url" not in request["properties"]
    assert "url" in response["properties"]
    assert "soortPartij" in json.dumps(ki.schema("partijen"))
    for resource in ki.resources():
        assert isinstance(ki.schema(resource), dict)


def test_rules_list_every_catalogued_rule_once() -> None:
    rules = ki.rules()
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {r["kind"] for r in rules} == {"document", "register", "workflow"}
    for rule in rules:
        assert rule["profiles"] and rule["description"] and rule["source"]
        # Only a rule about answers (antwoord.volledig) refuses nothing, so has no codes.
        assert rule["codes"] or rule["id"].startswith("antwoord.")
    assert "antwoord.volledig" in ids
    # The rule a violation names is in the catalogue.
    [param] = ki.check("partijen", INVALID_BSN)
    assert param["rule"] in ids


def test_catalogues_of_resources_operations_and_workflows() -> None:
    resources = ki.resources()
    assert "partijen" in resources and "maak-klantcontact" in resources
    ops = {op["naam"]: op for op in ki.operaties()}
    assert ops["registreer_partij"]["functies"] == [{"code": "F7554", "naam": "Registreer partij"}]
    assert ops["registreer_klantcontact"]["functies"][0]["code"] == "F2173"
    assert ops["registreer_klantcontact_los"]["functies"] == []
    assert ops["zoek_partij"]["method"] == "list"
    flows = {w["naam"]: w for w in ki.workflows()}
    assert flows["registreer_terugbelverzoek"]["casus"] == "C9167"
    assert "properties" in ki.workflow_schema("registreer_terugbelverzoek")
    assert ki.workflow_schema()  # the outcome
    with pytest.raises(ValueError):
        ki.workflow_schema("bestaat_niet")


def test_version_comes_from_cargo() -> None:
    import importlib.metadata

    assert ki.__version__ == importlib.metadata.version("klantinteracties")
