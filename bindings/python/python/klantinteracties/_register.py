"""The register for Python: every call of the Rust register by its Rust name.

The methods (``registreer_partij``, ``zoek_partij``, ``vraag_partij_op``, ``wijzig_partij``,
``wijzig_partij_deels``, ``verwijder_partij``, … and the case workflows) are made from the
tables the native module exports (``_native.operaties()``, ``_native.workflows()``), so they
cannot drift from the library; ``_register.pyi`` spells them out for type checkers and is
checked against this module.
"""

from __future__ import annotations

import datetime as _dt
import os
import uuid as _uuid
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any

from . import _native

Body = Mapping[str, Any] | str | bytes | bytearray
Id = _uuid.UUID | str


def _text(value: object) -> str:
    """A query value as API 0.9.0 writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def _query(
    page: int | None,
    page_size: int | None,
    expand: str | list[str] | tuple[str, ...] | None,
    filters: Mapping[str, object],
) -> list[tuple[str, str]]:
    pairs = [(name, _text(v)) for name, v in filters.items() if v is not None]
    if page is not None:
        pairs.append(("page", str(page)))
    if page_size is not None:
        pairs.append(("pageSize", str(page_size)))
    if expand:
        pairs.append(("expand", expand if isinstance(expand, str) else ",".join(expand)))
    return pairs


def _doc(op: Mapping[str, Any], what: str) -> str:
    functies = "; ".join(f"{f['code']} {f['naam']}" for f in op["functies"])
    text = f"{what} (``{op['method']}`` on ``/{op['resource']}``)."
    return f"{functies}: {text}" if functies else text[0].upper() + text[1:]


def _make(op: Mapping[str, Any]) -> Callable[..., Any]:
    """One method of the register for one operation of the native table."""
    method: str = op["method"]
    resource: str = op["resource"]
    f: Callable[..., Any]
    if method == "create":

        def f(self: _Calls, data: Body, /) -> Any:
            return self._call("create", resource, None, data, None)

        what = "creates an object from ``data`` and returns it"
    elif method in ("replace", "patch"):

        def f(self: _Calls, uuid: Id, data: Body, /) -> Any:
            return self._call(method, resource, uuid, data, None)

        what = "replaces" if method == "replace" else "changes the fields sent in"
        what = f"{what} the object ``uuid`` and returns it"
    elif method == "delete" and resource == "onderwerpobjecten":

        def f(self: _Calls, uuid: Id, /, *, cascade: bool = False) -> Any:
            query = [("cascade", "true")] if cascade else None
            return self._call("delete", resource, uuid, None, query)

        what = "deletes the object ``uuid`` (with ``cascade=True`` also what refers to it)"
    elif method == "delete":

        def f(self: _Calls, uuid: Id, /) -> Any:
            return self._call("delete", resource, uuid, None, None)

        what = "deletes the object ``uuid``"
    elif method == "get":

        def f(
            self: _Calls, uuid: Id, /, *, expand: str | list[str] | tuple[str, ...] | None = None
        ) -> Any:
            return self._call("get", resource, uuid, None, _query(None, None, expand, {}))

        what = "returns the object ``uuid``"
    else:

        def f(
            self: _Calls,
            /,
            *,
            page: int | None = None,
            page_size: int | None = None,
            expand: str | list[str] | tuple[str, ...] | None = None,
            **filters: object,
        ) -> Any:
            return self._call("list", resource, None, None, _query(page, page_size, expand, filters))

        what = (
            "returns one page (``count``, ``next``, ``previous``, ``results``) of the "
            "objects that match the keyword filters"
        )
    f.__name__ = f.__qualname__ = op["naam"]
    f.__doc__ = _doc(op, what)
    return f


def _make_workflow(info: Mapping[str, Any]) -> Callable[..., Any]:
    naam: str = info["naam"]

    def f(self: _Calls, invoer: Body, /) -> Any:
        return self._voer_uit(naam, invoer)

    f.__name__ = f.__qualname__ = naam
    what = (
        f"runs the reading workflow ``{naam}`` on ``invoer`` (it writes nothing) and returns "
        "its result"
        if info["leest"]
        else f"runs the case workflow ``{naam}`` on ``invoer`` atomically and returns its uitkomst"
    )
    f.__doc__ = f"{info['casus']} {info['titel']}: {what} (source: {info['bron']})."
    return f


class _Calls:
    """What a register and an open transaction share: every call by its Rust name."""

    __slots__ = ("_native",)
    _native: Any  # _native.Register or _native.Transactie: both take these calls

    def _call(
        self,
        method: str,
        resource: str,
        uuid: Id | None,
        body: Body | None,
        query: list[tuple[str, str]] | None,
    ) -> Any:
        return self._native.call(method, resource, uuid, body, query)

    def _voer_uit(self, naam: str, invoer: Body) -> Any:
        return self._native.voer_uit(naam, invoer)

    def aanroep(
        self,
        method: str,
        resource: str,
        uuid: Id | None = None,
        body: Body | None = None,
        query: Mapping[str, object] | None = None,
        **filters: object,
    ) -> Any:
        """Any call, addressed as API 0.9.0 addresses it: ``method`` (``create``,
        ``replace``, ``patch``, ``delete``, ``get``, ``list``) on the collection ``resource``,
        with query parameters as the mapping ``query`` (any name, also ``uuid`` or ``body``)
        and as keywords."""
        given = {**(query or {}), **filters}
        return self._call(method, resource, uuid, body, _query(None, None, None, given))

    def voer_uit(self, naam: str, invoer: Body) -> Any:
        """Runs the case workflow ``naam`` (see ``klantinteracties.workflows()``)."""
        return self._voer_uit(naam, invoer)

    def zoek_alle(
        self,
        resource: str,
        *,
        page_size: int = 100,
        expand: str | list[str] | tuple[str, ...] | None = None,
        **filters: object,
    ) -> Iterator[dict[str, Any]]:
        """Every object of ``resource`` that matches the filters, page after page."""
        page = 1
        while True:
            found = self._call("list", resource, None, None, _query(page, page_size, expand, filters))
            yield from found["results"]
            if not found.get("next"):
                return
            page += 1


for _op in _native.operaties():
    setattr(_Calls, _op["naam"], _make(_op))
for _info in _native.workflows():
    setattr(_Calls, _info["naam"], _make_workflow(_info))
del _op, _info


class Register(_Calls):
    """An embedded Klantinteracties register: in memory (``Register()``) or persisted in a
    journal that is also its audit log (``Register.open(path)``). Safe to share between
    threads: reads run in parallel, writes one at a time, and waiting releases the GIL.

    While one thread has a transaction open, a call from another thread waits for it to end,
    for at most ``timeout`` seconds (``None``: without limit), and then raises
    ``TransactionError``: a transaction that was never ended (kept alive by a reference
    cycle, say) must not stop every other thread for good."""

    __slots__ = ()

    def __init__(
        self,
        *,
        profile: str = "standaard",
        base_url: str | None = None,
        who: str | None = None,
        timeout: float | None = 30.0,
    ) -> None:
        self._native = _native.Register(
            profile=profile, base_url=base_url, who=who, timeout=timeout
        )

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        profile: str = "standaard",
        base_url: str | None = None,
        who: str | None = None,
        sync: bool = True,
        read_only: bool = False,
        timeout: float | None = 30.0,
    ) -> Register:
        """The register persisted in directory ``path`` (created when missing), recovered
        from its journal. ``sync=False`` skips fsync on commit (for throw-away sandboxes).
        A register is open in one process at a time; a second ``open`` raises
        ``JournalError``. ``read_only=True`` reads it to inspect it, also while another
        process has it open: nothing is created or written, and every write raises."""
        register = cls.__new__(cls)
        register._native = _native.Register.open(
            os.fspath(path),
            profile=profile,
            base_url=base_url,
            who=who,
            sync=sync,
            read_only=read_only,
            timeout=timeout,
        )
        return register

    @staticmethod
    def repair(path: str | os.PathLike[str]) -> dict[str, Any]:
        """Repairs a damaged journal in directory ``path``, explicitly: cuts it at the first
        frame that is not a valid next transaction, keeps the cut bytes in a side file and
        moves a snapshot that no longer matches aside. Returns ``offset``, ``cut``,
        ``reason``, ``side_file`` and ``snapshot_set_aside``."""
        result: dict[str, Any] = _native.Register.repair(os.fspath(path))
        return result

    def transactie(self, *, who: str | None = None) -> Transactie:
        """Opens a transaction: use it as ``with register.transactie() as tx:``, which
        commits when the block ends normally and rolls back when it raises."""
        return Transactie(self, who)

    def audit_log(self, uuid: Id | None = None) -> list[dict[str, Any]]:
        """The audit log (B8694), oldest first: ``seq``, ``transaction``, ``time``, ``who``,
        ``fcode``, ``operation``, ``resource``, ``uuid``, ``action``, ``before``, ``after``.
        With ``uuid``, only that object's records."""
        result: list[dict[str, Any]] = self._native.audit_log(uuid)
        return result

    def aantallen(self) -> dict[str, int]:
        """The number of objects per collection."""
        return self._native.aantallen()

    def lengte(self) -> tuple[int, int]:
        """``(audit records, transactions)`` committed so far."""
        return self._native.lengte()

    def snapshot(self) -> None:
        """Writes a snapshot, so that the next open replays only what follows it."""
        self._native.snapshot()

    def controleer_invarianten(self) -> list[dict[str, str]]:
        """Checks every cross-object invariant; the violations (empty when all hold)."""
        result: list[dict[str, str]] = self._native.controleer_invarianten()
        return result

    def herstelrapport(self) -> dict[str, Any]:
        """What recovery found when the register was opened."""
        result: dict[str, Any] = self._native.herstelrapport()
        return result

    @property
    def profile(self) -> str:
        """``standaard`` or ``open-klant``."""
        return self._native.profile

    @property
    def opslag(self) -> str:
        """Where the audit log is kept."""
        return self._native.opslag

    def __repr__(self) -> str:
        return f"Register(profile={self.profile!r}, opslag={self.opslag!r})"


class Transactie(_Calls):
    """An open transaction: the register's calls, whose reads see its own writes. A failed
    call undoes only itself; ``commit`` keeps everything, ``rollback`` nothing. Dropped
    without either, it rolls back with a ``ResourceWarning``."""

    __slots__ = ()

    def __init__(self, register: Register, who: str | None = None) -> None:
        self._native = register._native.begin(who=who)

    def commit(self) -> None:
        """Commits every write; raises (and keeps nothing) when the register refuses."""
        self._native.commit()

    def rollback(self) -> None:
        """Undoes every write."""
        self._native.rollback()

    @property
    def open(self) -> bool:
        """Whether the transaction is still open."""
        return self._native.open

    def __enter__(self) -> Transactie:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._native.open:
            return
        if exc_type is None:
            self._native.commit()
        else:
            self._native.rollback()
