"""Russian legal texts as the legal databases give them (КонсультантПлюс), through pdftotext.

A Russian act calls its notes "<1>" and prints them after a rule of dashes, each
line opened by its call: "--------------------------------" / "<1> Данные …" / "<2> Там
же." ConsultantPlus's export adds a cover page of its own ("КонсультантПлюс /
надежная правовая поддержка", the act's name and date, "Документ предоставлен
КонсультантПлюс", "www.consultant.ru", "Дата сохранения: …"); its running heads and
"Страница 2 из 5" footers are left to the page splitter (text_pages).

The calls and notes are put in the forms the plain-text reader reads ("[1]"), the
rules over the notes become blank lines, and the service's cover goes to `removed`
as `cover`; the act's name on it is the title, its date the date. No word or
figure changes.
"""

from __future__ import annotations

import re

from claimdesk.sources.header import parse_date
from claimdesk.sources.model import Removed
from claimdesk.sources.readers.text_masthead import Masthead

_CALL = re.compile(r"<(?P<label>\d{1,3})>")
_NOTE_LINE = re.compile(r"^(?P<indent>[ \t]*)<(?P<label>\d{1,3})>[ \t]+(?=\S)", re.M)
_RULE_OVER_NOTES = re.compile(r"^[ \t]*-{10,}[ \t]*\n(?=[ \t]*<\d{1,3}>[ \t]+\S)", re.M)
NOTES_MIN = 2
_SERVICE_COVER = re.compile(r"^\s*Документ предоставлен КонсультантПлюс\s*$", re.M)
_SERVICE_SITE = re.compile(r"^\s*www\.consultant\.ru\s*$", re.M)
_ACT_DATE = re.compile(r"^\s*от (?P<date>\d{2}\.\d{2}\.\d{4})\b", re.M)
_ACT_NAME = re.compile(r"^\s*\"(?P<name>.+)\"\s*$", re.S)


def read_russian_legal_text(text: str, removed: list[Removed]) -> Masthead | None:
    """The text in the plain-text reader's forms, with the service's cover taken out; None
    unless it calls "<n>" notes or opens with ConsultantPlus's cover."""
    if "<" not in text and "КонсультантПлюс" not in text:
        return None
    defined = {m.group("label") for m in _NOTE_LINE.finditer(text)}
    called = {m.group("label") for m in _CALL.finditer(_NOTE_LINE.sub("", text))}
    notes = len(defined & called) >= NOTES_MIN and _RULE_OVER_NOTES.search(text)
    cover_page, form_feed, rest = text.partition("\f")
    cover = bool(form_feed and _SERVICE_COVER.search(cover_page) and _SERVICE_SITE.search(cover_page))
    if not notes and not cover:
        return None
    title = date = None
    if cover:
        removed.extend(Removed("cover", " ".join(line.split())) for line in cover_page.split("\n") if line.strip())
        title, date = _act_name(cover_page), _act_date(cover_page)
        text = form_feed + rest  # the cover stays a page ("Страница 2 из 5" counts it), an empty one
    if notes:
        text = _RULE_OVER_NOTES.sub("\n", text)
        text = _NOTE_LINE.sub(lambda m: f"{m.group('indent')}[{m.group('label')}] ", text)
        text = _CALL.sub(lambda m: f"[{m.group('label')}]", text)
    return Masthead(text, date, title)


def _act_name(cover: str) -> str | None:
    """The act's name on the cover: the quoted lines ('"Об утверждении … "Чистая вода / Приозерья" …"')."""
    for paragraph in cover.split("\n\n"):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith('"')), None)
        if start is None:
            continue
        name = _ACT_NAME.match(" ".join(" ".join(lines[start:]).split()))
        if name:
            return name.group("name")
    return None


def _act_date(cover: str) -> str | None:
    found = _ACT_DATE.search(cover)
    return parse_date(found.group("date")) if found else None
