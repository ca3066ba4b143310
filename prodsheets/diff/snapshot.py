"""What ``report -o OUT`` keeps in OUT to say, next time, what changed since.

``OUT/prodsheets-snapshot.json`` holds the state of the production as reported
(:mod:`prodsheets.diff.state`), when it was reported, and each calendar event published:
its UID, its SEQUENCE and a fingerprint of what it said, so that the next report gives a
changed booking the same UID with a higher SEQUENCE and publishes a removed one as
cancelled. The snapshot is written last, once every other file is in place: an
interrupted report leaves the previous one to compare with.

Plain data and JSON only; :mod:`prodsheets.render.report.build` reads and writes the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prodsheets.diff.state import State
from prodsheets.diff.state import from_json as state_from_json
from prodsheets.diff.state import to_json as state_to_json

NAME = "prodsheets-snapshot.json"
FORMAT = 1


@dataclass(frozen=True)
class CalendarEntry:
    """One event of a person's calendar as it was published.

    What the event said is kept only once it is cancelled (the booking is gone from the
    state, and the cancellation must still say it); otherwise the state says it again.
    """

    uid: str
    key: str  # the booking's key in the state
    who: str
    sequence: int
    fingerprint: str  # of what the event says: a change raises the sequence
    cancelled: bool = False
    name: str = ""  # the person's name
    start: str = ""  # ISO local date and time, in the production's time zone
    end: str = ""
    summary: str = ""
    location: str | None = None
    description: str = ""

    def to_json(self) -> list[Any]:
        head = [self.uid, self.key, self.who, self.sequence, self.fingerprint]
        if not self.cancelled:
            return head
        said = [self.name, self.start, self.end, self.summary, self.location, self.description]
        return [*head, *said]

    @classmethod
    def from_json(cls, data: list[Any]) -> CalendarEntry:
        uid, key, who, sequence, fingerprint, *said = data
        head = (str(uid), str(key), str(who), int(sequence), str(fingerprint))
        if not said:
            return cls(*head)
        name, start, end, summary, location, description = said
        return cls(
            *head,
            True,
            str(name),
            str(start),
            str(end),
            str(summary),
            None if location is None else str(location),
            str(description),
        )


@dataclass(frozen=True)
class Snapshot:
    state: State
    generated: dt.datetime
    folder: str  # the production's folder or workbook, resolved
    uid_prefix: str  # kept from the first report, so a new title changes no UID
    calendars: Mapping[str, CalendarEntry]

    def same_production(self, state: State, folder: str) -> bool:
        """A snapshot of this production: the same title, or read from the same place."""
        return self.state.title == state.title or self.folder == folder


def to_json(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "prodsheets_snapshot": FORMAT,
        "generated": snapshot.generated.isoformat(timespec="seconds"),
        "folder": snapshot.folder,
        "uid_prefix": snapshot.uid_prefix,
        "calendars": [e.to_json() for e in snapshot.calendars.values()],
        "state": state_to_json(snapshot.state),
    }


def from_json(data: Any) -> Snapshot:
    """A snapshot read back; ValueError when the data is not one prodsheets can read."""
    try:
        if not isinstance(data, dict) or data.get("prodsheets_snapshot") != FORMAT:
            raise ValueError("not a snapshot of this format")
        entries = [CalendarEntry.from_json(e) for e in data["calendars"]]
        return Snapshot(
            state_from_json(data["state"]),
            dt.datetime.fromisoformat(data["generated"]),
            str(data["folder"]),
            str(data["uid_prefix"]),
            {e.uid: e for e in entries},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
