"""A day's messages delivered: ``.eml`` files in a folder, and through SMTP when asked.

The ``.eml`` files open in any mail client (Outlook opens them as drafts ready to send,
thanks to ``X-Unsent: 1``); each is written to a temporary file and renamed into place.
``sent.json`` beside them keeps what each person was told, for the next sending to
compare with. SMTP uses STARTTLS when the server offers it (or TLS from the start with
``ssl``); the password comes from the caller (the CLI reads it from the environment), never
from the command line.
"""

from __future__ import annotations

import json
import smtplib
import ssl as ssl_module
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from prodsheets.io.write import atomic, atomic_text, safe_name
from prodsheets.send.messages import Sending

PASSWORD_VARIABLE = "PRODSHEETS_SMTP_PASSWORD"


def write_eml(sending: Sending, folder: Path, title: str) -> list[Path]:
    """Each message as ``<id>.eml`` in ``folder``, and ``sent.json``; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    taken: set[str] = set()
    for out in sending.messages:
        draft = _copy(out.message)
        draft["X-Unsent"] = "1"
        target = folder / f"{safe_name(out.who, taken)}.eml"
        with atomic(target) as tmp:
            tmp.write_bytes(draft.as_bytes())
        written.append(target)
    record = {
        "production": title,
        "date": sending.day.date.isoformat(),
        "people": {
            out.who: {"name": out.name, "email": out.address, "lines": out.lines}
            for out in sending.messages
        },
        "no_address": [{"id": c.who, "name": c.name} for c in sending.no_address],
    }
    target = folder / "sent.json"
    atomic_text(target, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    written.append(target)
    return written


def _copy(message: EmailMessage) -> EmailMessage:
    from email import message_from_bytes, policy

    copy = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert isinstance(copy, EmailMessage)
    return copy


def parse_server(text: str, ssl: bool = False) -> tuple[str, int]:
    """``smtp.example.org:587`` → (host, 587); without a port, 465 with ssl, else 587."""
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit() and host:
        return host.strip("[]"), int(port)
    return text.strip("[]"), 465 if ssl else 587


def send_smtp(
    sending: Sending,
    server: str,
    sender: str,
    user: str | None = None,
    password: str | None = None,
    ssl: bool = False,
    timeout: float = 30,
    done: Callable[[str], None] | None = None,
) -> list[str]:
    """Send every message through ``server`` (``HOST[:PORT]``); the addresses sent to.

    Raises ``smtplib.SMTPException`` or ``OSError`` when the server refuses or cannot be
    reached: the caller says so.
    """
    host, port = parse_server(server, ssl)
    context = ssl_module.create_default_context()
    client: smtplib.SMTP
    if ssl:
        client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    sent = []
    with client:
        client.ehlo()
        if not ssl and client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
        if password:
            client.login(user or sender, password)
        for out in sending.messages:
            message = out.message
            del message["From"]
            message["From"] = sender
            client.send_message(message, from_addr=sender, to_addrs=[out.address])
            sent.append(out.address)
            if done is not None:
                done(out.address)
    return sent
