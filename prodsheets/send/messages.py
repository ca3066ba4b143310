"""The messages of a day's sending: to each person called, their own lines and the call sheet.

Each message says, in the production's language (or ``--lang``): the day and production
day, the person's call, HMC and ready times, wrap, their events with places and addresses,
the general call, the nearest hospital of each place, and asks for a confirmation; the call
sheet is attached (its PDF, or its HTML when WeasyPrint cannot run). People without an
email address in Crew are returned apart, to be called by phone.

What changed since the last sending is a hook (``changes``): a function given a person's id
that returns the lines to say under « Depuis le dernier envoi » / "Since the last sending".
``prodsheets send`` passes none yet; a comparison of two versions of the workbooks can
fill it without touching the rest. Each person's lines are also returned as plain data
(:attr:`Outgoing.lines`), which ``send`` keeps beside the messages (``sent.json``) so that
the next sending has something to compare with.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage

from prodsheets.i18n.words import MAIL
from prodsheets.render.report.data import Call, Day, Report, clock_on, day_title

Changes = Callable[[str], Sequence[str]]  # a person's id → what changed for them


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    maintype: str
    subtype: str


@dataclass
class Outgoing:
    """One person's message, and the lines it says (kept to compare with the next sending)."""

    who: str
    name: str
    address: str
    message: EmailMessage
    lines: list[str] = field(default_factory=list)


@dataclass
class Sending:
    """A day's messages, and the people called who have no email address."""

    day: Day
    messages: list[Outgoing] = field(default_factory=list)
    no_address: list[Call] = field(default_factory=list)


def person_lines(report: Report, day: Day, call: Call) -> list[str]:
    """What the message says of this person's day: times, then each event and its place."""
    words = MAIL[report.lang]
    times = [words["call"].format(time=clock_on(call.call, day.date))]
    if call.hmc is not None:
        times.append(words["hmc"].format(time=clock_on(call.hmc, day.date)))
    if call.ready is not None:
        times.append(words["ready"].format(time=clock_on(call.ready, day.date)))
    times.append(words["wrap"].format(time=clock_on(call.wrap, day.date)))
    lines = [", ".join(times)]
    events = {e.id: e for e in day.events}
    for eid in call.events:
        ev = events.get(eid)
        if ev is None:
            continue
        place = ", ".join(p for p in (ev.location_name, ev.address) if p)
        when = clock_on(ev.start, day.date)
        lines.append(f"{when} {ev.id} {ev.title}".strip() + (f" — {place}" if place else ""))
    return lines


def day_lines(report: Report, day: Day) -> list[str]:
    """What everyone's message says of the day: the general call, hospitals, parking."""
    words = MAIL[report.lang]
    lines = []
    if day.general_call is not None:
        lines.append(words["general_call"].format(time=clock_on(day.general_call, day.date)))
    for place in day.places:
        if place.parking:
            lines.append(words["parking"].format(place=place.name, parking=place.parking))
        if place.hospital or place.hospital_phone:
            hospital = " — ".join(
                p for p in (place.hospital, place.hospital_address, place.hospital_phone) if p
            )
            lines.append(words["hospital"].format(place=place.name, hospital=hospital))
    return lines


def build_sending(
    report: Report,
    day: Day,
    attachment: Attachment | None,
    sender: str | None = None,
    changes: Changes | None = None,
) -> Sending:
    """Every message of the day (see the module's docstring)."""
    words = MAIL[report.lang]
    crew = report.production.table("crew")
    emails = crew.col("email") if crew is not None else []
    people = report.schedule.people if report.schedule is not None else {}
    title = day_title(report, day.date, day.number, day.of)
    subject = words["subject"].format(production=report.title, day=title)
    shared = day_lines(report, day)
    out = Sending(day)
    for call in day.calls:
        i = people.get(call.who)
        address = str(emails[i]).strip() if i is not None and emails and emails[i] else ""
        if "@" not in address:
            out.no_address.append(call)
            continue
        mine = person_lines(report, day, call)
        said = list(changes(call.who)) if changes is not None else []
        body = [words["greeting"].format(name=call.name), "", words["intro"].format(day=title), ""]
        body += [f"  {line}" for line in mine]
        if shared:
            body += ["", *shared]
        if said:
            body += ["", words["changes"], *(f"  - {line}" for line in said)]
        body += ["", words["confirm"], words["attached"] if attachment else "", "", report.title]
        message = EmailMessage()
        message["Subject"] = subject
        if sender:
            message["From"] = sender
        message["To"] = email.utils.formataddr((call.name, address))
        message["Date"] = email.utils.formatdate(localtime=True)
        message["Message-ID"] = email.utils.make_msgid(domain="prodsheets.invalid")
        message.set_content("\n".join(body).rstrip() + "\n")
        if attachment is not None:
            message.add_attachment(
                attachment.data,
                maintype=attachment.maintype,
                subtype=attachment.subtype,
                filename=attachment.filename,
            )
        out.messages.append(Outgoing(call.who, call.name, address, message, mine))
    return out
