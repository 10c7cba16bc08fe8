"""klantinteracties: the Dutch municipal Klantinteracties standard (VNG Realisatie, Common
Ground) for Python, over a Rust core.

- ``validate(resource, data)`` checks a document (a dict, or JSON as ``str``/``bytes``, parsed
  and checked in one pass) against the shape of its API 0.9.0 resource and every documented
  rule, and raises ``ValidationError`` with ``invalid_params``; ``check`` returns them instead,
  ``parse`` returns the checked document; ``schema`` and ``rules`` describe what is checked.
- ``Register()`` is an embedded register with the standard's F-functions by their Rust names
  (``registreer_partij``, ``zoek_partij``, …), the case workflows, transactions and the audit
  log; ``Register.open(path)`` persists it in a journal.
- ``klantinteracties.conformance.run()`` runs the conformance suite.
"""

from __future__ import annotations

from . import conformance
from ._native import (
    __version__,
    check,
    operaties,
    parse,
    resources,
    rules,
    schema,
    validate,
    workflow_schema,
    workflows,
)
from ._register import Register, Transactie
from .exceptions import (
    Conflict,
    JournalError,
    KlantinteractiesError,
    NotFound,
    TransactionError,
    ValidationError,
)

__all__ = [
    "Conflict",
    "JournalError",
    "KlantinteractiesError",
    "NotFound",
    "Register",
    "TransactionError",
    "Transactie",
    "ValidationError",
    "__version__",
    "check",
    "conformance",
    "operaties",
    "parse",
    "resources",
    "rules",
    "schema",
    "validate",
    "workflow_schema",
    "workflows",
]
