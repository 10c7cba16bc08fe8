"""The whole conformance suite, run from Python."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from klantinteracties import conformance


@pytest.fixture(scope="module")
def everything() -> conformance.ConformanceResult:
    return conformance.run()


def test_the_whole_suite_passes_on_the_embedded_register(
    everything: conformance.ConformanceResult,
) -> None:
    result = everything
    assert result.passed, [(f.id, f.message) for f in result.failures]
    assert result.target == "embedded" and result.profile == "standaard"
    assert result.total > 300
    assert result.counts["pass"] == result.total
    assert sum(result.counts.values()) == result.total
    assert result.failures == [] and result.unknown_deviations == []
    ids = [o.id for o in result.outcomes]
    assert len(ids) == len(set(ids))
    assert "C9167/A" in ids and "C9167/A@workflow" in ids
    assert any(i.startswith("rules/partijen/") for i in ids)
    case = next(o for o in result.outcomes if o.id == "C9167/A")
    assert case.kind == "case" and case.group == "C9167" and case.verdict == "pass"
    assert case.steps == case.passed_steps > 0 and case.source


def test_the_four_report_formats(everything: conformance.ConformanceResult) -> None:
    text = everything.report()
    assert text.rstrip().endswith("PASSED")
    lines = [json.loads(line) for line in everything.report("json").splitlines() if line]
    assert {line["id"] for line in lines if "id" in line} >= {"C9167/A"}
    root = ET.fromstring(everything.report("junit"))
    assert root.tag in ("testsuites", "testsuite")
    assert len(root.findall(".//testcase")) == everything.total
    assert "| C9167" in everything.report("markdown")
    with pytest.raises(ValueError, match="unknown format"):
        everything.report("pdf")


def test_a_selection_of_cases() -> None:
    result = conformance.run("C9167/*")
    assert result.passed
    assert {o.group for o in result.outcomes} == {"C9167"}
    assert result.total == 6  # A, B, C, each through F-functions and the workflow


def test_the_open_klant_profile_lists_its_deviations() -> None:
    result = conformance.run(target="embedded-open-klant")
    assert result.passed
    assert result.profile == "open-klant"
    assert result.counts["deviation"] > 0
    deviation = next(o for o in result.outcomes if o.verdict == "deviation")
    assert deviation.reason


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        conformance.run(target="open-klant-http")
    with pytest.raises(ValueError, match="no scenario"):
        conformance.run("C0000*")
