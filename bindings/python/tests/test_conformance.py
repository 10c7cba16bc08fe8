"""The whole conformance suite, run from Python."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

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


# --- Over HTTP, against `klantinteracties serve` -------------------------------------------

REPO = Path(__file__).resolve().parents[3]
TOKEN = "python-conformance-sleutel"


def _serve_binary() -> Path | None:
    explicit = os.environ.get("KLANTINTERACTIES_BIN")
    for candidate in (explicit, REPO / "target" / "debug" / "klantinteracties"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    binary = _serve_binary()
    if binary is None:
        pytest.skip("needs the `klantinteracties` binary (cargo build; scripts/test builds it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, KLANTINTERACTIES_TOKEN=TOKEN)
    process = subprocess.Popen(
        [str(binary), "serve", "--listen", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("klantinteracties serve did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/klantinteracties/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_run_over_http_with_a_base_url_and_a_token(served: str) -> None:
    result = conformance.run(
        "C9167/*", base_url=served, token=TOKEN, name="serve", registration="one-call"
    )
    assert result.passed, [(f.id, f.message) for f in result.failures]
    verdicts = {o.id: o.verdict for o in result.outcomes}
    assert verdicts["C9167/A"] == "pass"
    assert verdicts["C9167/A@workflow"] == "not_applicable"
    record = json.loads(result.record())
    assert record["description"]["baseUrl"] == served
    assert record["description"]["authentication"] == "token"
    assert TOKEN not in result.record()
    exchanges = [e for r in record["results"] for s in r.get("trace", []) for e in s.get("exchanges", [])]
    assert exchanges and all(e["url"].startswith(served) for e in exchanges)
    assert "<html" in result.report("html")[:200].lower()


def test_a_run_from_a_target_file(served: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PY_CONFORMANCE_TOKEN", TOKEN)
    target = tmp_path / "serve.toml"
    target.write_text(
        f'name = "serve"\nbase_url = "{served}"\nprofile = "standaard"\n'
        'registration = "one-call"\n'
        '[authentication]\nkind = "token"\ntoken_env = "PY_CONFORMANCE_TOKEN"\n'
    )
    result = conformance.run("rules/partijen/*", target_file=str(target))
    assert result.passed, [(f.id, f.message) for f in result.failures]
    assert result.target == "serve"
    monkeypatch.delenv("PY_CONFORMANCE_TOKEN")
    with pytest.raises(ValueError, match="PY_CONFORMANCE_TOKEN"):
        conformance.run("rules/partijen/*", target_file=str(target))
