"""Shared documents and registers for the tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

import klantinteracties as ki


def bsn(n: int) -> str:
    """The n-th 9-digit number that passes the 11-proef (starting from 100000000)."""
    found = -1
    candidate = 100_000_000
    while True:
        digits = [int(c) for c in str(candidate)]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
        if total % 11 == 0:
            found += 1
            if found == n:
                return str(candidate)
        candidate += 1


def persoon(bsn_: str | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}},
    }
    if bsn_ is not None:
        doc["partijIdentificatoren"] = [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn_,
                    "codeRegister": "brp",
                }
            }
        ]
    doc.update(extra)
    return doc


def medewerker(naam: str = "Mira de Vries") -> dict[str, Any]:
    return {
        "naam": naam,
        "soortActor": "medewerker",
        "indicatieActief": True,
        "actorIdentificatie": {
            "functie": "KCC",
            "emailadres": "kcc@example.nl",
            "telefoonnummer": "0612345678",
        },
    }


def klantcontact() -> dict[str, Any]:
    return {
        "kanaal": "telefoon",
        "onderwerp": "Afvalinzameling rond kerst",
        "taal": "nld",
        "vertrouwelijk": False,
        "plaatsgevondenOp": "2024-01-01T10:00:00Z",
    }


@pytest.fixture
def register() -> ki.Register:
    return ki.Register()


@pytest.fixture
def partij_doc() -> dict[str, Any]:
    return persoon("111222333")


@pytest.fixture
def partij_bytes(partij_doc: dict[str, Any]) -> bytes:
    return json.dumps(partij_doc).encode()
