"""Type stubs of the compiled half of soothe (bindings/python/src/lib.rs)."""

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any, Literal, overload

from .types import Plan, Profile, Question, Vocabulary

__version__: str

ProfileInput = Profile | Mapping[str, Any] | str
"""A profile as a dict (see `soothe.types.Profile`) or as JSON text."""

class Engine:
    """A rule engine over the built-in packs and, optionally, packs of your own. Immutable and
    safe to share between threads."""

    def __init__(self, packs: Sequence[tuple[str, str]] | None = None) -> None:
        """The built-in packs, then each `(name, text)` pack; raises `PackError`."""
    @staticmethod
    def builtin() -> Engine:
        """The engine over the built-in packs (built once and shared)."""
    @staticmethod
    def from_paths(paths: Iterable[str | PathLike[str]]) -> Engine:
        """The built-in packs, then each pack file, or every `*.toml` file of a folder."""
    def evaluate(self, profile: ProfileInput) -> Plan:
        """The plan for one profile; raises `ProfileError` for a bad profile."""
    @overload
    def evaluate_many(
        self,
        profiles: Iterable[ProfileInput],
        *,
        threads: int | None = None,
        as_json: Literal[False] = False,
    ) -> list[Plan | dict[Literal["error"], dict[str, Any]]]:
        """One plan per profile, in order; a bad profile gives `{"error": {"kind", "message",
        "field", "did_you_mean", "location"}}`. Releases the GIL and uses `threads` threads
        (default: every core)."""
    @overload
    def evaluate_many(
        self,
        profiles: Iterable[ProfileInput],
        *,
        threads: int | None = None,
        as_json: Literal[True],
    ) -> list[str]:
        """As above, each entry the JSON text of the plan (or of `{"error": ...}`)."""
    def questions(self, profile: ProfileInput) -> list[Question]:
        """What to ask next for this profile: the plan's `questions`."""
    def vocabulary(self) -> Vocabulary:
        """Every id with its label, and for findings and context ids the yes/no question."""
    @property
    def packs(self) -> list[dict[str, str]]:
        """The loaded packs in order: `{"id", "version", "origin", "fingerprint"}`."""
