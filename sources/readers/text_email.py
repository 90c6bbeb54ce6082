"""A message saved as text: an e-mail newsletter or bulletin kept with its headers.

Saved from a mail program (or as the .eml's text), a newsletter opens with its
RFC 5322 header block ("Received:", "DKIM-Signature:", "From:", "Subject:",
"Date:"…), header lines folded onto indented continuation lines, then a blank
line and the message. The block is the mail system's, not the document's: its
headers go to `removed` (kind "email-header"), whole and unfolded, and the
Subject and Date are read by the standard library's own parsers
(email.parser, email.header for "=?utf-8?q?…?=" words, email.utils for the
date), never by pattern. Anything that is not such a block is left alone.

The text part of a mailing-list tool's message marks headings with "** " and
parts sections with rules of dashes, and a sponsor's box says so on its first
line: the marks and rules go (they hold no words), the box goes to `removed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.parser import HeaderParser
from email.utils import parsedate_to_datetime

from claimdesk.sources.model import Removed

_HEADER_LINE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{0,60}):(?:[ \t]|$)")
# Headers that only mail systems write: three of them, and From, make a header block.
_MAIL_HEADERS = frozenset({
    "from", "to", "cc", "subject", "date", "message-id", "received", "return-path", "reply-to", "sender",
    "mime-version", "content-type", "content-transfer-encoding", "list-id", "list-unsubscribe",
    "list-unsubscribe-post", "dkim-signature", "delivered-to", "authentication-results", "arc-seal",
    "x-mailer", "precedence", "in-reply-to", "references",
})
_MIN_MAIL_HEADERS = 3
_MAX_HEADER_LINES = 200


@dataclass
class Message:
    body: str
    subject: str | None = None
    date: str | None = None
    removed: list[Removed] = field(default_factory=list)


def split_message(text: str) -> Message | None:
    """The message's body, subject, date and header lines; None unless the text opens with a header block."""
    head, blank, body = text.partition("\n\n")
    lines = head.split("\n")
    if not blank or len(lines) > _MAX_HEADER_LINES:
        return None
    headers: list[list[str]] = []
    for line in lines:
        if line[:1] in (" ", "\t") and headers:
            headers[-1].append(line.strip())  # a folded header goes on
            continue
        if not _HEADER_LINE.match(line):
            return None
        headers.append([line.strip()])
    names = {_HEADER_LINE.match(header[0]).group("name").lower() for header in headers}
    if "from" not in names or len(names & _MAIL_HEADERS) < _MIN_MAIL_HEADERS:
        return None
    parsed = HeaderParser().parsestr(head + "\n\n")
    removed = [Removed("header", " ".join(header)) for header in headers]
    return Message(
        body=_newsletter_body(body, removed),
        subject=_subject(parsed.get("Subject")),
        date=_date(parsed.get("Date")),
        removed=removed,
    )


# Mailchimp's and its kin's text part: "** Heading" lines, rules of dashes between
# sections, and a sponsor's box labelled as such.
_RULE_LINE = re.compile(r"^[ \t]*[-=_*]{10,}[ \t]*$", re.M)
_HEADING_MARK = re.compile(r"^\*\* (?=\S)", re.M)
_SPONSOR_LABEL = re.compile(r"^(?:sponsored(?: by\b.*)?|advertisement|advertising|paid (?:post|partnership)|"
                            r"publicité|anzeige|werbung|publicidad|patrocinado|реклама)\s*:?\s*$", re.I)


def _newsletter_body(body: str, removed: list[Removed]) -> str:
    """The message's text with its rules as paragraph breaks, its "** " heading marks
    dropped and a box labelled "SPONSORED" (or "Anzeige", "Publicité"…) in `removed`."""
    body = _HEADING_MARK.sub("", _RULE_LINE.sub("", body))
    kept = []
    for paragraph in re.split(r"\n[ \t]*\n", body):
        first_line = paragraph.strip().split("\n", 1)[0]
        if _SPONSOR_LABEL.match(first_line.strip()):
            removed.append(Removed("advertisement", " ".join(paragraph.split())))
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def _subject(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        subject = str(make_header(decode_header(raw)))
    except (HeaderParseError, LookupError, UnicodeDecodeError):
        subject = raw  # an encoded word we cannot read stays as it was written
    return " ".join(subject.split()) or None


def _date(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # "31 Feb 2024" or no date at all: no date, never a guess
