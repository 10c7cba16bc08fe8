"""Bulk registration: N partijen from Python into an in-memory `klantinteracties.Register`.

What is measured (wall clock, `time.perf_counter`, best of `--repeat` runs, bodies built
beforehand):

- `reg.registreer_partij(body)` for every body, as N separate calls (N transactions), with the
  body as a dict and again (a fresh register) as JSON bytes;
- the same N calls as `tx.registreer_partij(body)` inside one `with reg.transactie() as tx:`
  (a fresh register), and again with the calling thread pinned to one CPU (Linux): the package
  runs an open transaction on a worker thread, and this shows what handing each call to it
  across CPUs costs;
- `klantinteracties.validate("partijen", body)` for every body: validation alone, no register;
- as a baseline a reader knows: `PartijRequest.model_validate(body)` for the same dicts, with the
  pydantic v2 model that datamodel-code-generator writes from the Klantinteracties API 0.9.0
  OpenAPI spec (it validates the shape only; it does not store anything or check uniqueness).

Every body is a realistic persoon partij (contactnaam, a BSN identificator, bezoekadres,
voorkeurstaal) with a unique BSN that passes the 11-proef, so no call fails. Prints the total
seconds, partijen per second and µs per partij.

Run from the repository root (after `pip install ./bindings/python` and the peers):

    python bindings/python/benches/bench_bulk.py [--count N] [--spec PATH]

or `bindings/python/benches/run`, which makes a venv with everything and runs both benchmarks.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import peers

try:
    import klantinteracties as ki
except ImportError:  # reported in main(): only --peers-only runs without it
    ki = None

VOORNAMEN = [
    "Jan",
    "Anna",
    "Pieter",
    "Fatima",
    "Mohammed",
    "Sanne",
    "Daan",
    "Emma",
    "Lucas",
    "Noor",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("van den", "Berg"),
    ("", "Yilmaz"),
    ("de", "Boer"),
    ("", "Visser"),
    ("", "Smit"),
    ("el", "Amrani"),
]
STRATEN = ["Dennenstraat", "Kerkstraat", "Oudegracht", "Stationsweg", "Molenlaan", "Dorpsstraat"]
STEDEN = [("Utrecht", 3552), ("Amsterdam", 1012), ("Rotterdam", 3011), ("Zwolle", 8011)]
TALEN = ["nld", "nld", "nld", "eng", "tur", "ara"]


def elfproef_bsns(count: int, first_prefix: int = 10_000_000) -> Iterator[str]:
    """`count` distinct 9-digit numbers that pass the 11-proef.

    The check digit d9 makes sum(d_i * w_i) for weights 9..2 over the first eight digits,
    minus d9, divisible by 11: d9 = sum mod 11, and a prefix whose sum mod 11 is 10 is skipped.
    """
    prefix = first_prefix
    made = 0
    while made < count:
        digits = f"{prefix:08d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            yield digits + str(check)
            made += 1
        prefix += 1


def elfproef(bsn: str) -> bool:
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(bsn) == 9 and sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


def persoon(i: int, bsn: str) -> dict[str, Any]:
    """A realistic persoon partij body (API 0.9.0 create shape) with BSN `bsn`."""
    voorvoegsel, achternaam = ACHTERNAMEN[(i // 10) % len(ACHTERNAMEN)]
    voornaam = VOORNAMEN[i % len(VOORNAMEN)]
    stad, postcode_cijfers = STEDEN[i % len(STEDEN)]
    letters = chr(65 + i % 26) + chr(65 + (i // 26) % 26)
    contactnaam: dict[str, str] = {
        "voorletters": voornaam[0] + ".",
        "voornaam": voornaam,
        "achternaam": achternaam,
    }
    if voorvoegsel:
        contactnaam["voorvoegselAchternaam"] = voorvoegsel
    return {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "indicatieGeheimhouding": False,
        "voorkeurstaal": TALEN[i % len(TALEN)],
        "partijIdentificatie": {"contactnaam": contactnaam},
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                }
            }
        ],
        "bezoekadres": {
            "straatnaam": STRATEN[i % len(STRATEN)],
            "huisnummer": 1 + i % 250,
            "postcode": f"{postcode_cijfers} {letters}",
            "stad": stad,
        },
    }


def timed(label: str, run: Callable[[], Any]) -> tuple[str, float, Any]:
    """Wall-clock seconds of one call of `run`, and what it returned."""
    gc.collect()
    t0 = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - t0
    return label, seconds, result


def check_register(reg: Any, bodies: list[dict[str, Any]]) -> None:
    """Every body is in the register, and its BSNs are taken (outside the timing)."""
    assert ki is not None
    counts = reg.aantallen()
    assert counts.get("partijen") == len(bodies), counts
    try:
        reg.registreer_partij(bodies[0])
    except ki.Conflict:
        pass
    else:
        raise AssertionError("a second partij with the same BSN was accepted")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="partijen to register")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (best is kept)")
    parser.add_argument(
        "--spec",
        type=Path,
        default=peers.DEFAULT_SPEC,
        help="Klantinteracties API 0.9.0 OpenAPI document, for the pydantic baseline "
        "(default: ../shared/reference/open-klant-api/klantinteracties-0.9.0.openapi.yaml "
        "relative to the repository root)",
    )
    parser.add_argument("--peers-only", action="store_true", help="run the pydantic baseline only")
    args = parser.parse_args()
    if ki is None and not args.peers_only:
        raise SystemExit(
            "klantinteracties is not importable: pip install ./bindings/python (or --peers-only)"
        )
    ours_on = ki is not None and not args.peers_only
    count: int = args.count

    print(f"== Bulk: {count:,} partijen into klantinteracties.Register ==")
    vers = peers.versions(
        "klantinteracties", "pydantic", "pydantic-core", "datamodel-code-generator"
    )
    print(f"python {platform.python_version()}; " + ", ".join(f"{k} {v}" for k, v in vers.items()))

    bodies = [persoon(i, bsn) for i, bsn in enumerate(elfproef_bsns(count))]
    bsns = [b["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] for b in bodies]
    assert len(set(bsns)) == count and all(elfproef(b) for b in bsns[:1000])
    print(f"bodies: {count:,} persoon partijen, BSNs {bsns[0]} … {bsns[-1]}, all pass the 11-proef")

    spec_path: Path = args.spec.resolve()
    with peers.temp_workdir() as tmp:
        models = peers.generate_pydantic_models(spec_path, Path(tmp))
    model = models.request_model(peers.request_schema_name(peers.load_spec(spec_path), "partijen"))
    model.model_validate(bodies[0])

    cases: list[tuple[str, Callable[[], Any], bool]] = []  # label, run, returns a register
    if ours_on:
        assert ki is not None
        ki.validate("partijen", bodies[0])
        bodies_json = [json.dumps(body).encode() for body in bodies]

        def separate() -> Any:
            reg = ki.Register()
            registreer = reg.registreer_partij
            for body in bodies:
                registreer(body)
            return reg

        def separate_bytes() -> Any:
            reg = ki.Register()
            registreer = reg.registreer_partij
            for body in bodies_json:
                registreer(body)
            return reg

        def one_transaction() -> Any:
            reg = ki.Register()
            with reg.transactie() as tx:
                registreer = tx.registreer_partij
                for body in bodies:
                    registreer(body)
            return reg

        def one_transaction_one_cpu() -> Any:
            # The package runs an open transaction on a worker thread and hands it every call;
            # pinning this thread (the worker inherits it) shows what the hand-off between
            # CPUs costs.
            before = os.sched_getaffinity(0)
            os.sched_setaffinity(0, {min(before)})
            try:
                return one_transaction()
            finally:
                os.sched_setaffinity(0, before)

        def validate_only() -> None:
            validate = ki.validate
            for body in bodies:
                validate("partijen", body)

        cases += [
            ("ours: reg.registreer_partij, separate calls", separate, True),
            ("ours: same, each body as JSON bytes", separate_bytes, True),
            ("ours: tx.registreer_partij, one transactie", one_transaction, True),
        ]
        if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
            cases.append(
                ("ours: same transactie, pinned to one CPU", one_transaction_one_cpu, True)
            )
        cases.append(("ours: ki.validate only (no register)", validate_only, False))

    def pydantic_baseline() -> None:
        validate = model.model_validate
        for body in bodies:
            validate(body)

    cases.append((f"pydantic v2: {model.__name__}.model_validate", pydantic_baseline, False))

    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for label, run, gives_register in cases:
            _, seconds, reg = timed(label, run)
            if gives_register:
                check_register(reg, bodies)
            del reg
            best[label] = min(seconds, best.get(label, seconds))
    results = [(label, best[label]) for label, _, _ in cases]

    print(f"\n{'what':<48} {'seconds':>8} {'partijen/s':>12} {'µs/partij':>10}")
    print("-" * 81)
    for label, seconds in results:
        print(
            f"{label:<48} {seconds:>8.2f} {count / seconds:>12,.0f} {seconds / count * 1e6:>10.1f}"
        )
    print(
        f"(best of {args.repeat} runs, wall clock; registering validates, stores the partij and "
        "its identificator, checks uniqueness and returns the created partij; the pydantic "
        "baseline only validates the shape)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
