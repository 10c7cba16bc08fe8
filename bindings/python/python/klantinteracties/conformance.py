"""The conformance suite from Python: every documented case (C-codes) and every catalogued
rule as executable scenarios, run against the embedded register or any implementation of the
Klantinteracties API 0.9.0 over HTTP.

>>> from klantinteracties import conformance
>>> result = conformance.run("C9167/*")
>>> result.passed
True
>>> print(result.report("markdown"))  # doctest: +SKIP

Against a server, from a target file (TOML or JSON; secrets come from environment variables
it names) or a base URL and a token:

>>> conformance.run(target_file="open-klant.toml")  # doctest: +SKIP
>>> conformance.run(base_url="http://127.0.0.1:8000/klantinteracties/api/v1",
...                 token="…", profile="open-klant")  # doctest: +SKIP

The suite is the one compiled into the package (the ``conformance/`` folder of the
repository it was built from).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import _native

__all__ = ["ConformanceResult", "ScenarioOutcome", "run", "FORMATS", "TARGETS"]

FORMATS = ("text", "json", "junit", "markdown", "html")
"""The report formats: a terminal table, JSON lines, JUnit XML, Markdown, one HTML file."""

TARGETS = ("embedded", "embedded-open-klant")
"""The targets in the package: the embedded register in the ``standaard`` profile, and in
the ``open-klant`` profile (with the deviations listed for Open Klant)."""


@dataclass(frozen=True)
class ScenarioOutcome:
    """How one scenario (a case variant or a rule test) ran."""

    id: str
    """``C9167/A``, ``C9167/A@workflow`` or ``rules/partijen/veld.max-lengte/2``."""
    kind: str
    """``case`` or ``rule``."""
    group: str
    """The case code or the rule id."""
    variant: str
    title: str
    source: str | None
    steps: int
    passed_steps: int
    status: str
    """``passed``, ``failed``, ``unsupported``, ``not_applicable`` or ``blocked``."""
    verdict: str
    """``pass``, ``fail``, ``deviation``, ``fixed``, ``unsupported``, ``not_applicable`` (a
    workflow scenario over HTTP) or ``blocked`` (a documented value taken on a shared
    server)."""
    message: str | None
    """What went wrong, where."""
    reason: str | None
    """The listed reason, for a deviation."""
    duration_ms: float

    @classmethod
    def _of(cls, r: dict[str, Any]) -> ScenarioOutcome:
        return cls(
            id=r["id"],
            kind=r["kind"],
            group=r["group"],
            variant=r["variant"],
            title=r["title"],
            source=r["source"],
            steps=r["steps"],
            passed_steps=r["passed"],
            status=r["status"],
            verdict=r["verdict"],
            message=r["message"],
            reason=r["reason"],
            duration_ms=r["duration"],
        )


@dataclass(frozen=True)
class ConformanceResult:
    """The results of a run: counts, one outcome per scenario, and the reports."""

    target: str
    profile: str
    passed: bool
    """No failure, no unsupported call, no fixed or unknown deviation."""
    counts: dict[str, int]
    """Scenarios per verdict: ``pass``, ``fail``, ``deviation``, ``fixed``, ``unsupported``."""
    outcomes: list[ScenarioOutcome]
    duration_ms: float
    unknown_deviations: list[str]
    _run: _native.ConformanceRun = field(repr=False, compare=False)

    @property
    def total(self) -> int:
        """The number of scenarios run."""
        return len(self.outcomes)

    @property
    def failures(self) -> list[ScenarioOutcome]:
        """The outcomes that make the run fail."""
        return [o for o in self.outcomes if o.verdict in ("fail", "fixed", "unsupported")]

    def report(self, format: str = "text") -> str:
        """The report in one of ``FORMATS``."""
        return self._run.render(format)

    def record(self) -> str:
        """The run record (JSON text): harness, suite hash, the target without secrets, every
        exchange. ``klantinteracties conformance report RUN`` renders it again."""
        return self._run.record()


def run(
    cases: str | None = None,
    *,
    target: str = "embedded",
    target_file: str | None = None,
    base_url: str | None = None,
    token: str | None = None,
    profile: str = "standaard",
    name: str = "http",
    registration: str = "sequence",
) -> ConformanceResult:
    """Runs the scenarios whose id matches ``cases`` (``*`` matches any run of characters;
    ``None`` runs every scenario) against ``target`` (one of ``TARGETS``), or over HTTP
    against the implementation a ``target_file`` describes, or the one at ``base_url``
    (authenticated with ``Authorization: Token <token>``, checked in ``profile``, named
    ``name`` for its expectations file, F2173 sent as a ``sequence`` of POSTs or in
    ``one-call``). Raises ``ValueError`` for an unknown target, an unusable target file or a
    pattern that matches nothing."""
    native = _native.run_conformance(
        cases,
        target=target,
        target_file=target_file,
        base_url=base_url,
        token=token,
        profile=profile,
        name=name,
        registration=registration,
    )
    return ConformanceResult(
        target=native.target,
        profile=native.profile,
        passed=native.passed,
        counts=dict(native.counts()),
        outcomes=[ScenarioOutcome._of(r) for r in native.results()],
        duration_ms=native.duration_ms,
        unknown_deviations=native.unknown_deviations,
        _run=native,
    )
