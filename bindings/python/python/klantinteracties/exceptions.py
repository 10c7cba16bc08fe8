"""The exceptions of klantinteracties.

They are defined here, in Python, and raised from the Rust core, so that they pickle, can be
subclassed and caught by their standard Python bases (``ValueError``, ``LookupError``,
``RuntimeError``).

Every error that the register or the validator reports carries the ZGW problem+json body that
Open Klant would answer with (``.problem``) and its ``invalidParams`` (``.invalid_params``): a
list of ``{"name", "code", "reason", "rule"}`` dicts, the shape open-klant-client's
``BadRequest`` already speaks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "Conflict",
    "JournalError",
    "KlantinteractiesError",
    "NotFound",
    "TransactionError",
    "ValidationError",
]


class KlantinteractiesError(Exception):
    """The root of every error this package raises on purpose."""

    message: str
    """The error in one line (Dutch, as the library words it)."""
    problem: dict[str, Any]
    """The ZGW problem+json body: ``type``, ``code``, ``title``, ``status``, ``detail``,
    ``invalidParams``."""
    kind: str
    """What went wrong: ``invalid``, ``query``, ``conflict``, ``protected``, ``not_found``,
    ``storage``, ``transaction`` or ``internal`` (a defect of the register, raised as this
    class itself)."""

    def __init__(
        self, message: str, problem: Mapping[str, Any] | None = None, kind: str = "error"
    ) -> None:
        super().__init__(message, dict(problem) if problem else None, kind)
        self.message = message
        self.problem = dict(problem) if problem else {}
        self.kind = kind

    @property
    def invalid_params(self) -> list[dict[str, str]]:
        """Every violation: ``name`` (the dotted path), ``code``, ``reason`` and ``rule``."""
        return [dict(p) for p in self.problem.get("invalidParams", [])]

    @property
    def status(self) -> int | None:
        """The HTTP status an API would answer with (400, 404, 500)."""
        status = self.problem.get("status")
        return status if isinstance(status, int) else None

    def __str__(self) -> str:
        params = self.invalid_params
        if not params:
            return self.message
        head = f"{self.problem.get('title', self.message)} {self.problem.get('detail', '')}"
        lines = [head.strip()]
        for p in params:
            lines.append(f"  {p['name']}: {p['reason']} [{p['code']}, {p['rule']}]")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, kind={self.kind!r})"


class ValidationError(KlantinteractiesError, ValueError):
    """A document, a query or an input breaks a rule (``kind`` ``invalid`` or ``query``)."""


class NotFound(KlantinteractiesError, LookupError):
    """No object of the resource has the id (``kind`` ``not_found``)."""


class Conflict(KlantinteractiesError):
    """A uniqueness rule (``kind`` ``conflict``) or a protecting reference (``kind``
    ``protected``, Open Klant's PROTECT) refuses the change."""


class JournalError(KlantinteractiesError):
    """The journal could not be read or written; the transaction was not committed."""


class TransactionError(KlantinteractiesError, RuntimeError):
    """A transaction is used wrongly: after it ended, or by calling the register directly from
    the thread that holds it open (which would wait for itself)."""

    def __init__(
        self, message: str, problem: Mapping[str, Any] | None = None, kind: str = "transaction"
    ) -> None:
        super().__init__(message, problem, kind)
