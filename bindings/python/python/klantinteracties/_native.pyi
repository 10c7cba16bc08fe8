"""Type stubs of the native module (Rust, PyO3). Checked against the module by stubtest in
the project's test command."""

from collections.abc import Mapping
from typing import Any, final

__version__: str
__all__ = [
    "ConformanceRun",
    "Register",
    "Transactie",
    "__version__",
    "check",
    "operaties",
    "parse",
    "resources",
    "rules",
    "run_conformance",
    "schema",
    "validate",
    "workflow_schema",
    "workflows",
]

_Data = Mapping[str, Any] | str | bytes | bytearray

def validate(
    resource: str,
    data: _Data,
    *,
    profile: str = "standaard",
    response: bool = False,
    partial: bool = False,
) -> None: ...
def parse(
    resource: str,
    data: _Data,
    *,
    profile: str = "standaard",
    response: bool = False,
    partial: bool = False,
) -> Any: ...
def check(
    resource: str,
    data: _Data,
    *,
    profile: str = "standaard",
    response: bool = False,
    partial: bool = False,
) -> list[dict[str, str]]: ...
def schema(resource: str, *, response: bool = False) -> dict[str, Any]: ...
def rules() -> list[dict[str, Any]]: ...
def resources() -> list[str]: ...
def operaties() -> list[dict[str, Any]]: ...
def workflows() -> list[dict[str, str]]: ...
def workflow_schema(naam: str | None = None) -> dict[str, Any]: ...
def run_conformance(
    cases: str | None = None,
    *,
    target: str = "embedded",
    target_file: str | None = None,
    base_url: str | None = None,
    token: str | None = None,
    profile: str = "standaard",
    name: str = "http",
    registration: str = "sequence",
) -> ConformanceRun: ...
@final
class Register:
    def __new__(
        cls,
        *,
        profile: str = "standaard",
        base_url: str | None = None,
        who: str | None = None,
        timeout: float | None = 30.0,
    ) -> Register: ...
    @staticmethod
    def open(
        path: str,
        *,
        profile: str = "standaard",
        base_url: str | None = None,
        who: str | None = None,
        sync: bool = True,
        read_only: bool = False,
        timeout: float | None = 30.0,
    ) -> Register: ...
    @staticmethod
    def repair(path: str) -> dict[str, Any]: ...
    def call(
        self,
        method: str,
        resource: str,
        uuid: object | None = None,
        body: _Data | None = None,
        query: list[tuple[str, str]] | None = None,
    ) -> Any: ...
    def voer_uit(self, naam: str, invoer: _Data) -> Any: ...
    def begin(self, *, who: str | None = None) -> Transactie: ...
    def audit_log(self, uuid: object | None = None) -> list[dict[str, Any]]: ...
    def aantallen(self) -> dict[str, int]: ...
    def lengte(self) -> tuple[int, int]: ...
    def snapshot(self) -> None: ...
    def controleer_invarianten(self) -> list[dict[str, str]]: ...
    def herstelrapport(self) -> dict[str, Any]: ...
    @property
    def profile(self) -> str: ...
    @property
    def opslag(self) -> str: ...

@final
class Transactie:
    def call(
        self,
        method: str,
        resource: str,
        uuid: object | None = None,
        body: _Data | None = None,
        query: list[tuple[str, str]] | None = None,
    ) -> Any: ...
    def voer_uit(self, naam: str, invoer: _Data) -> Any: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    @property
    def open(self) -> bool: ...

@final
class ConformanceRun:
    @property
    def target(self) -> str: ...
    @property
    def profile(self) -> str: ...
    @property
    def passed(self) -> bool: ...
    @property
    def duration_ms(self) -> float: ...
    @property
    def unknown_deviations(self) -> list[str]: ...
    def results(self) -> list[dict[str, Any]]: ...
    def counts(self) -> list[tuple[str, int]]: ...
    def render(self, format: str) -> str: ...
    def record(self) -> str: ...
