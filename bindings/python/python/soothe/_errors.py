"""The exceptions of soothe: one base class, one subclass for bad profiles, one for bad packs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional


@dataclass(frozen=True)
class Item:
    """The pack item an error is about: its kind (``rule``, ``red_flag``, ...) and id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Location:
    """Where an error is: the pack or profile (``origin``), line and column (counted from 1,
    where known), the field path in a profile (``symptoms[0].location``) and the pack item."""

    origin: str
    line: Optional[int] = None
    column: Optional[int] = None
    field: Optional[str] = None
    item: Optional[Item] = None

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> "Location":
        item = value.get("item")
        return cls(
            origin=value.get("origin", ""),
            line=value.get("line"),
            column=value.get("column"),
            field=value.get("field"),
            item=Item(item["kind"], item["id"]) if item else None,
        )


class SootheError(Exception):
    """An error from soothe.

    ``kind`` names what went wrong (``unknown_id``, ``out_of_range``, ``syntax``, ...),
    ``location`` where (or ``None``), ``did_you_mean`` the nearest known value when one is
    close, and ``error`` is the whole error as a dict (the shape ``evaluate_many`` gives for a
    bad profile). ``str(error)`` is one line naming the place and the problem.
    """

    kind: str
    message: str
    field: Optional[str]
    did_you_mean: Optional[str]
    location: Optional[Location]
    error: dict

    def __init__(self, error: Mapping[str, Any]) -> None:
        self.error = dict(error)
        self.kind = str(error.get("kind", "unknown"))
        self.message = str(error.get("message", ""))
        self.field = error.get("field")
        self.did_you_mean = error.get("did_you_mean")
        location = error.get("location")
        self.location = Location.from_dict(location) if location else None
        super().__init__(self.message)

    def __reduce__(self):  # picklable, for multiprocessing and Spark
        return (type(self), (self.error,))


class ProfileError(SootheError, ValueError):
    """A profile that cannot be evaluated: wrong shape, unknown field or id, a number out of
    range. ``field`` is the field path (``symptoms[0].location``)."""


class PackError(SootheError):
    """A pack that cannot be loaded: malformed TOML, an unknown id, a pack that would lower a
    red flag, a file that cannot be read. ``location`` gives the pack, line, column and item."""
