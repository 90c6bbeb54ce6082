"""Held-out evaluation of the import: documents of origins the readers were not tuned on.

    /work/venv/bin/python bench/heldout_score.py [--db PATH] [--verbose] [--json] [--only NAME] [--dir PATH]

Each document in tests/heldout/ (html, md, txt, org) has an expectations file beside it,
`<name>.expect.json`, written as a careful fact-checker would answer: title, authors,
date (as precise as the document states it), the number of footnotes, some notes' text,
what Ibid./op. cit./Id./supra notes resolve to, how many markers a reused reference has
and what text each marker follows, strings the reading text must hold (every sentence
with a figure) and boilerplate it must not, kinds of furniture expected in "removed",
and the page map when the document marks pages.

The scorer imports every document with the `claimdesk` command line into a temporary
store (or --db), reads `show --json`, and runs one check per expectation. It prints,
per document and in total, checks passed / total and the percentage (total = all checks
of all documents pooled), the failing checks, and a FIDELITY section: every word (3+
letters) and every figure of the source's visible body text must be found somewhere in
the import (reading text, footnotes, removed, title, authors, date, page labels); each
one lost is listed with its context, and figures of the reading text the source never
had are listed as made up. Markup is stripped roughly, so a fidelity line is a lead to
read, not a verdict. Always exits 0: it measures, tests/test_heldout.py judges.

Expectation keys (all optional except what a document needs):
  title            str or list of acceptable strings (compared word by word, case-folded)
  authors          list of names, or list of acceptable lists (order ignored, case-folded, a judge's office around a name ignored: "Brennick, J." is "Brennick",
                   "Her Honour Judge Rosalind Thackeray" is "Rosalind Thackeray")
  date             "2020" / "2020-07" / "2020-07-14", null, or a list of acceptable values
  footnotes        number of footnotes
  notes            [{number, label, contains, not_contains[], markers, marker_after, kind, resolves_to}]
                   (marker_after: a string, or a list with what each call of a reused note follows)
                   (kind: a legal "id" is scored as "ibid", "supra" as "op_cit": the importer files them so;
                   a "reference" that resolves to an earlier note is a short form, scored as "op_cit")
  pages            number of pages in show --json's page map; page_labels: their labels in order
  must_have        strings the reading text must contain (white space folded); a list
                   inside it is one requirement with acceptable spellings; a word the source
                   hyphenates at a line's end matches whole, with its hyphen or with a space
                   after it ("bei-" / "wohnten": "beiwohnten", "bei-wohnten", "bei- wohnten")
  must_not         strings the reading text must not contain (white space folded)
  removed_kinds    kinds that must appear among "removed" (a list inside: any of them)
  encoding         how to decode the source for the fidelity section (default utf-8)
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELDOUT_DIR = REPO / "tests" / "heldout"
SOURCE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".org")

# How many lost words / figures to print per document without --verbose: enough to see
# the pattern, short enough that sixteen documents still fit on a screen or two.
LOST_SHOWN = 12
# Characters of source text shown either side of a lost word or figure.
CONTEXT_CHARS = 40
# Seconds one claimdesk call may take before the document counts as not imported.
CLI_TIMEOUT = 120


# ---------------------------------------------------------------- cases and the CLI

@dataclass
class Case:
    name: str
    source: Path
    expect: dict


@dataclass
class Check:
    name: str
    passed: bool
    detail: str = ""


@dataclass
class Fidelity:
    lost_words: list[tuple[str, str]] = field(default_factory=list)    # (word, context)
    lost_figures: list[tuple[str, int, str]] = field(default_factory=list)  # (figure, times, context)
    made_up: list[tuple[str, int, str]] = field(default_factory=list)
    words_in_source: int = 0
    figures_in_source: int = 0


@dataclass
class DocResult:
    case: Case
    checks: list[Check]
    fidelity: Fidelity
    error: str = ""

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    @property
    def total(self) -> int:
        return len(self.checks)


def load_cases(folder: Path = HELDOUT_DIR, only: str | None = None) -> list[Case]:
    """Every source document of the folder with its expectations file; a source without
    one is an error in the evaluation itself, so it is reported, not skipped."""
    cases = []
    for source in sorted(folder.iterdir()):
        if source.suffix.lower() not in SOURCE_SUFFIXES or source.name.startswith("."):
            continue
        if only and only not in source.name:
            continue
        expect_path = source.with_name(source.stem + ".expect.json")
        if not expect_path.exists():
            raise FileNotFoundError(f"{source.name} has no {expect_path.name}")
        cases.append(Case(source.stem, source, json.loads(expect_path.read_text(encoding="utf-8"))))
    return cases


def claimdesk_command() -> list[str]:
    """The claimdesk on PATH (the venv's when activated), else this interpreter's module."""
    exe = shutil.which("claimdesk")
    return [exe] if exe else [sys.executable, "-m", "claimdesk"]


def import_and_show(source: Path, db: str, report_id: str) -> dict:
    """Import one document into the store and return `show --json`; RuntimeError with the
    command's own message when either step fails."""
    base = claimdesk_command() + ["--db", db]
    imported = subprocess.run(base + ["import", str(source), "--id", report_id, "--json"],
                              capture_output=True, text=True, timeout=CLI_TIMEOUT)
    if imported.returncode:
        raise RuntimeError(f"import failed: {(imported.stderr or imported.stdout).strip()[:300]}")
    shown = subprocess.run(base + ["show", report_id, "--json"], capture_output=True, text=True, timeout=CLI_TIMEOUT)
    if shown.returncode:
        raise RuntimeError(f"show failed: {(shown.stderr or shown.stdout).strip()[:300]}")
    return json.loads(shown.stdout)


# ---------------------------------------------------------------- the checks

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u200a]+")


def fold_space(text: str) -> str:
    """White space of any kind (no-break and thin spaces included) as one plain space:
    a fact-checker reads '18 000' the same whether the space is narrow or not."""
    return _SPACES.sub(" ", text or "").strip()


def name_words(text: str) -> tuple[str, ...]:
    """A title or name as its words, case-folded: punctuation and capitals are not what
    a title check is about ('THE KEEPER'S LOG' is 'The Keeper's Log')."""
    return tuple(re.findall(r"\w+", (text or "").casefold()))


def _alternatives(value, is_single) -> list:
    return [value] if is_single(value) else list(value)


def check_title(report: dict, expected) -> Check:
    wanted = _alternatives(expected, lambda v: isinstance(v, str))
    got = report.get("title")
    ok = name_words(got) in {name_words(w) for w in wanted}
    return Check("title", ok, f"got {got!r}, want {' or '.join(map(repr, wanted))}")


_JUDICIAL_TITLES = (("p", "j"), ("c", "j"), ("j",), ("jj",), ("lj",), ("ja",), ("vp",), ("cj",), ("aj",), ("aja",), ("jp",))
"""'Brennick, J.', 'LINDER, P.J.', 'Ashworth LJ', Hong Kong's 'Ho JA': the judge's office printed after the name."""


_JUDICIAL_STYLES = (("his", "honour", "judge"), ("her", "honour", "judge"), ("mr", "justice"), ("mrs", "justice"),
                    ("ms", "justice"), ("lord", "justice"), ("lady", "justice"))
"""'Her Honour Judge Rosalind Thackeray', 'Mr Justice Carrow': the judge's style printed before the name."""


def person_words(name: str) -> tuple[str, ...]:
    """A name's words without a judge's office around it: 'Brennick, J.' is the judge Brennick,
    'Her Honour Judge Rosalind Thackeray' the judge Rosalind Thackeray."""
    words = name_words(name)
    for style in _JUDICIAL_STYLES:
        if len(words) > len(style) and words[:len(style)] == style:
            words = words[len(style):]
            break
    for title in _JUDICIAL_TITLES:
        if len(words) > len(title) and words[-len(title):] == title:
            return words[:-len(title)]
    return words


def check_authors(report: dict, expected) -> Check:
    wanted = _alternatives(expected, lambda v: not v or isinstance(v[0], str))
    got = report.get("authors") or []
    key = sorted(person_words(a) for a in got)
    ok = key in [sorted(person_words(a) for a in w) for w in wanted]
    return Check("authors", ok, f"got {got!r}, want {' or '.join(map(repr, wanted))}")


def check_date(report: dict, expected) -> Check:
    wanted = _alternatives(expected, lambda v: not isinstance(v, list))
    got = report.get("date")
    got = None if got is None else str(got)
    return Check("date", got in wanted, f"got {got!r}, want {' or '.join(map(repr, wanted))}")


def find_note(report: dict, number: int, label: str | None = None) -> dict | None:
    """The footnote numbered `number`; a named Markdown footnote ([^restart]) may be
    reported under its name instead, which the spec gives as `label`."""
    notes = report.get("footnotes") or []
    for note in notes:
        if note.get("number") == number or (label is not None and note.get("number") == label):
            return note
    # As rendered, named notes are numbered in order (as _same_note counts them).
    if isinstance(number, int) and 0 < number <= len(notes) and isinstance(notes[number - 1].get("number"), str):
        return notes[number - 1]
    return None


def _same_note(report: dict, got, want) -> bool:
    """A named note ([^survey]) is pointed at by its name; the spec counts notes in order."""
    notes = report.get("footnotes") or []
    return isinstance(got, str) and isinstance(want, int) and 0 < want <= len(notes) and notes[want - 1].get("number") == got


def marker_follows(text: str, offset: int, before: str) -> bool:
    """Does the reading text just before this marker offset end with `before`?"""
    want = fold_space(before)
    window = text[max(0, offset - len(before) * 3 - 40): offset]
    return fold_space(window).endswith(want)


def note_checks(report: dict, spec: dict) -> list[Check]:
    number = spec.get("number")  # a note known only by its mark ("*") gives its label alone
    note = find_note(report, number, spec.get("label"))
    label = f"note {number if number is not None else spec.get('label')}"
    keys = [k for k in ("contains", "not_contains", "markers", "marker_after", "kind", "resolves_to") if k in spec]
    if note is None:
        return [Check(f"{label} {k}", False, "no such footnote") for k in keys]
    text = report.get("text") or ""
    note_text = fold_space(note.get("text"))
    offsets = note.get("marker_offsets") or []
    out = []
    for key in keys:
        want = spec[key]
        if key == "contains":
            found = fold_space(want) in note_text or fold_space(without_italic_marks(want)) in note_text
            out.append(Check(f"{label} contains", found, f"want {want!r} in {note_text[:160]!r}"))
        elif key == "not_contains":
            bad = [w for w in want if fold_space(w) in note_text]
            out.append(Check(f"{label} not_contains", not bad, f"has {bad!r}: {note_text[:160]!r}"))
        elif key == "markers":
            out.append(Check(f"{label} markers", len(offsets) == want, f"got {len(offsets)} marker(s), want {want}"))
        elif key == "marker_after":
            # A note called more than once may list what each of its calls follows: all must be found.
            wants = want if isinstance(want, list) else [want]
            ok = all(any(marker_follows(text, o, one) for o in offsets) for one in wants)
            seen = [fold_space(text[max(0, o - 50): o]) for o in offsets]
            out.append(Check(f"{label} marker_after", ok, f"want a marker after {want!r}; markers follow {seen!r}"))
        elif key == "kind":
            got = note.get("kind")
            if got == "reference" and note.get("resolves_to") is not None:
                got = "op_cit"  # Chicago's short form ("Auditor, *Route 7*, p. 51."), which the importer resolves
            if want == "reference" and spec.get("resolves_to") is not None:
                want = "op_cit"  # the same short form, as an expectation may name it
            out.append(Check(f"{label} kind", _NOTE_KINDS.get(got, got) == _NOTE_KINDS.get(want, want), f"got {note.get('kind')!r}, want {want!r}"))
        elif key == "resolves_to":
            got = note.get("resolves_to")
            out.append(Check(f"{label} resolves_to", got == want or _same_note(report, got, want),
                             f"got {got!r}, want {want!r} (kind {note.get('kind')!r})"))
    return out


def run_checks(report: dict, expect: dict, source_text: str = "") -> list[Check]:
    """One Check per expectation. An empty report (failed import) fails every one of them,
    so a document that cannot be imported still weighs what it should in the total."""
    text = fold_space(report.get("text"))
    checks = []
    if "title" in expect:
        checks.append(check_title(report, expect["title"]))
    if "authors" in expect:
        checks.append(check_authors(report, expect["authors"]))
    if "date" in expect:
        checks.append(check_date(report, expect["date"]))
    if "footnotes" in expect:
        got = len(report.get("footnotes") or [])
        numbers = [n.get("number") for n in report.get("footnotes") or []]
        checks.append(Check("footnotes", got == expect["footnotes"], f"got {got} {numbers}, want {expect['footnotes']}"))
    for spec in expect.get("notes", []):
        checks.extend(note_checks(report, spec))
    pages = report.get("pages") or []
    if "pages" in expect:
        checks.append(Check("pages", len(pages) == expect["pages"], f"got {len(pages)} page(s), want {expect['pages']}"))
    if "page_labels" in expect:
        labels = [str(p.get("label")) for p in pages]
        checks.append(Check("page_labels", labels == expect["page_labels"], f"got {labels}, want {expect['page_labels']}"))
    whole = _hyphenated_words(source_text)
    for wanted in expect.get("must_have", []):
        # A list is one requirement with acceptable spellings (raw TeX or its faithful rendering).
        options = [wanted] if isinstance(wanted, str) else wanted
        ok = any(contains_phrase(text, fold_space(o)) for o in options) or bool(whole) and any(
            contains_phrase(_read_whole(text, whole), _read_whole(fold_space(o), whole)) for o in options)
        checks.append(Check(f"must_have {options[0][:60]!r}", ok, closest_passage(text, options[0])))
    for banned in expect.get("must_not", []):
        at = text.find(fold_space(banned))
        ctx = text[max(0, at - 50): at + len(banned) + 50] if at >= 0 else ""
        checks.append(Check(f"must_not {banned[:60]!r}", at < 0, f"found: …{ctx}…"))
    kinds = {r.get("kind") for r in report.get("removed") or [] if isinstance(r, dict)}
    # The expectations' vocabulary (FORMAT.txt) says "toc" for what claimdesk files as "contents".
    kinds |= {alias for kind, alias in _KIND_ALIASES.items() if kind in kinds}
    for kind in expect.get("removed_kinds", []):
        # A list is one requirement with acceptable kinds (a menu inside the page header
        # may fairly be filed as header or as navigation).
        options = [kind] if isinstance(kind, str) else kind
        checks.append(Check(f"removed_kind {'/'.join(options)}", any(k in kinds for k in options),
                            f"removed kinds: {sorted(k for k in kinds if k)}"))
    return checks


_KIND_ALIASES = {"contents": "toc"}
# The importer files a legal "Id." as an ibid and a "supra" as an op. cit.: the same kinds of repeat,
# in the law's spelling. An expectation may name either.
_NOTE_KINDS = {"id": "ibid", "supra": "op_cit"}


# Scripts written without spaces between words (Chinese, Japanese kana, Thai): a sentence is
# followed by the next one's first character, which glues to nothing.
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


_POWERS = "²³"


def _glues(char: str) -> bool:
    return char.isalnum() and not _UNSPACED_SCRIPT.match(char)


_ITALIC_MARKS = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,200}?)(?<=\S)_(?![\w_])")


def without_italic_marks(text: str) -> str:
    """A plain-text book's italics, '_Ibid._', as the words they mark: the underscores are no characters
    of the text ('_Mémoire sur les eaux_' reads 'Mémoire sur les eaux')."""
    return _ITALIC_MARKS.sub(r"\1", text)


def contains_phrase(text: str, phrase: str) -> bool:
    """`phrase` occurs in `text` and is not glued to more letters or digits: 'billion.'
    is not found in 'billion.2', where a marker was left in, nor 'Tarif' in 'Tarife'."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        # "par m" before "³" ends at a unit's power, which the source set as <sup>3</sup>
        glued_after = end < len(text) and _glues(text[end]) and not (text[end] in _POWERS and phrase[-1:].isalpha())
        glued_before = start > 0 and _glues(phrase[:1]) and _glues(text[start - 1])
        if not glued_after and not glued_before:
            return True
        start = text.find(phrase, start + 1)
    return False


def closest_passage(text: str, wanted: str) -> str:
    """Where the reading text has the start of a wanted string, so a failed must_have
    shows what came out instead ('billion.2 This' for 'billion. This')."""
    want = fold_space(wanted)
    for length in (40, 24, 12):
        probe = want[:length]
        at = text.find(probe)
        if at >= 0:
            return f"text has: …{text[at: at + len(want) + 30]}…"
    tail = want[-24:]
    at = text.find(tail)
    if at >= 0:
        return f"text has (end): …{text[max(0, at - len(want)): at + len(tail)]}…"
    return "not found at all"


# ---------------------------------------------------------------- fidelity

_SKIPPED_ELEMENTS = {"script", "style", "template", "head", "title"}  # an SVG icon's <title> is its tooltip, not text
# Elements that end a run of text; inline ones (a, span, b, sup...) join their text to the
# neighbours, so 'Wiki<b>pedia</b>' stays one word and '<td>64.0</td><td>66.1</td>' two figures.
_BLOCK_ELEMENTS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "title",
    "button", "label", "option", "select", "textarea", "input",
    # A superscript or subscript is never digits of the figure before it: '2017.<sup>1</sup>'
    # is the year 2017 and note 1, not a figure 2017.1.
    "sup", "sub",
}


class _VisibleText(HTMLParser):
    def __init__(self, split_at_tags: bool = False):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.inline = " " if split_at_tags else ""

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_ELEMENTS:
            self.skip += 1
        elif tag in _BLOCK_ELEMENTS:
            self.parts.append("\n")
        else:
            self.parts.append(self.inline)

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_ELEMENTS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_ELEMENTS:
            self.parts.append("\n")
        else:
            self.parts.append(self.inline)

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _markdown_visible(raw: str) -> str:
    """Markdown minus what a renderer does not show: front matter (title, author and
    date are checked as metadata), link targets, reference definitions, tags, escapes,
    footnote labels, admonition type words, code-fence languages and TeX command names."""
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    raw = re.sub(r"\A\+\+\+\n.*?\n\+\+\+\n", "", raw, flags=re.S)  # TOML front matter (Hugo, Zola)
    raw = re.sub(r"^\[[^\]\n]+\]:\s*\S+.*$", "", raw, flags=re.M)          # [id]: http://...
    raw = re.sub(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\"|\s+align=\"[^\"]*\")?\)", "]", raw)  # [text](target), Hashnode's align="…"
    raw = re.sub(r"\[\^[^\]\s]+\]:?", " ", raw)                               # [^label] and [^label]:
    raw = re.sub(r"^(\s*)(?:!!!|\?\?\?\+?)\s*\w+", r"\1", raw, flags=re.M)    # !!! warning "Title"
    raw = re.sub(r"^(\s*):::\s*\w*", r"\1", raw, flags=re.M)                  # :::tip / :::
    raw = re.sub(r"^(\s*)(```|~~~)[\w+-]+", r"\1\2", raw, flags=re.M)         # ```python
    raw = re.sub(r"\\[A-Za-z]+", " ", raw)                                  # \sqrt, \text: TeX commands
    raw = re.sub(r"<[^>\n]{0,200}>", " ", raw)
    raw = re.sub(r"<[A-Z][\w.]*\s[^<>]{0,2000}?/>", " ", raw)  # an MDX component over several lines: <Figure src=… />
    raw = re.sub(r"\\([\\`*_{}\[\]()#+\-.!$])", r"\1", raw)
    return html.unescape(raw)


def _plaintext_visible(raw: str) -> str:
    """Plain text as it is, minus Project Gutenberg's '[Footnote 1:' label syntax, which
    is markup around the note's text, not words of it."""
    return re.sub(r"\[Footnote\s+\w+:", " ", raw)


def source_body_text(path: Path, encoding: str = "utf-8", *, split_at_tags: bool = False) -> str:
    """The source's visible text; split_at_tags parts inline elements (HTML), so that
    "1911<sup>1</sup>" is the year and a call, not the figure 19111."""
    raw = path.read_bytes().decode(encoding, "replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        parser = _VisibleText(split_at_tags)
        parser.feed(raw)
        parser.close()
        return "".join(parser.parts)
    if suffix in (".md", ".markdown"):
        return _markdown_visible(raw)
    return _plaintext_visible(raw)


# The month of a date the import read into metadata ('November 2019' -> "2019-11") is
# kept, in the languages of the held-out documents; without this the word 'November' of
# a cover line taken as the date would count as lost.
MONTH_NAMES = [
    "January janvier Januar Jänner январь января", "February février Februar февраль февраля",
    "March mars März март марта", "April avril April апрель апреля", "May mai Mai май мая",
    "June juin Juni июнь июня", "July juillet Juli июль июля", "August août August август августа",
    "September septembre September сентябрь сентября", "October octobre Oktober октябрь октября",
    "November novembre November ноябрь ноября", "December décembre Dezember декабрь декабря",
]


def date_words(date) -> str:
    m = re.match(r"\d{4}-(\d{2})", str(date or ""))
    return MONTH_NAMES[int(m.group(1)) - 1] if m and 1 <= int(m.group(1)) <= 12 else ""


def kept_text(report: dict) -> str:
    """Everything the import kept, anywhere: the separator has no letters or digits, so
    pieces never glue into a word or a figure that neither had."""
    pieces = [report.get("text") or "", report.get("title") or "", " ; ".join(report.get("authors") or []),
              str(report.get("date") or ""), date_words(report.get("date"))]
    pieces += [n.get("text") or "" for n in report.get("footnotes") or []]
    pieces += [r.get("text") or "" for r in report.get("removed") or [] if isinstance(r, dict)]
    pieces += [str(p.get("label") or "") for p in report.get("pages") or []]
    return "\n¦\n".join(pieces)


# Words are runs of letters; '²' counts as alphanumeric for \w, and 'aval²' is the word
# 'aval' followed by note 2.
MIN_WORD_LETTERS = 3
# A figure: digits with decimal or grouping separators, an optional currency sign before
# and percent after. A plain space groups digits only before exactly three digits
# ('18 000', '1 250,5') and never after a decimal part, so table cells '64.0 66.1' and
# '47.0 120' stay two figures each.
# "Article 9(2)" is one figure: a provision's number and its paragraph, never a number and note 2.
_FIGURE = re.compile(r"(?<![\w.])[$€£¥]?(?:\d+(?:\(\d{1,3}\))+|\d{1,3}(?: \d{3}(?!\d))+(?:[.,\u202f]\d+)*|\d+(?:[.,\u202f]\d+)*)(?:[ \n]?%)?")


def _fold_horizontal(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u202f\u2009\u2007\u200a]+", " ", text)


def words_of(text: str) -> set[str]:
    letters = "".join(ch if ch.isalpha() else " " for ch in text.casefold())
    return {w for w in letters.split() if len(w) >= MIN_WORD_LETTERS}


def figures_of(text: str) -> Counter:
    """Figures as fidelity-check counts them: separators kept, spaces dropped, currency
    sign dropped; single digits left out (most are markers, list numbers or page numbers)."""
    out = Counter()
    for m in _FIGURE.finditer(_fold_horizontal(text)):
        fig = m.group().replace(" ", "").replace("\n", "").rstrip(".,").lstrip("$€£¥")  # a "%" the line wrapped onto the next
        if sum(ch.isdigit() for ch in fig) and len(fig) >= 2:
            out[fig] += 1
    return out


def _context(text: str, pattern: str) -> str:
    m = re.search(pattern, text)
    if not m:
        return ""
    return fold_space(text[max(0, m.start() - CONTEXT_CHARS): m.end() + CONTEXT_CHARS])


def _figure_then_label(fig: str, kept: Counter, labels: Counter, kept_text: str) -> bool:
    """A source figure that is a kept figure with a note label glued after its full stop
    ("September 2022.2", "in 2022-23.1"): the import must show the figure ending its
    sentence ("2022-23." then no digit), not split ("$62. 2")."""
    for cut in range(1, len(fig)):
        head, label = fig[:cut], fig[cut:]
        if not head.endswith(".") or label not in labels:
            continue
        head = head[:-1]
        if head in kept and re.search(r"(?<![\d.,])" + re.escape(head) + r"\.(?![ \t\u00a0]*\d)", kept_text):
            return True
    return False


_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)")
_SOFT_HYPHEN = re.compile(r"\u00ad(?:[ \t]*\n[ \t]*)?")


def _hyphenated_words(source_text: str) -> set[tuple[str, str]]:
    """The halves of every word the source hyphenates at a line's end ("bei-" / "wohnten"); in HTML a
    printed line may end in <br> (a digital library's OCR page)."""
    text = re.sub(r"<[^>]*>", "", re.sub(r"(?i)<br\s*/?>", "\n", source_text or ""))
    return {(m.group(1), m.group(2)) for m in re.finditer(r"([^\W\d_]+)-[ \t]*\n\s*([^\W\d_]+)", text)}


def _read_whole(text: str, halves: set[tuple[str, str]]) -> str:
    """The text with each such word whole, whether it kept the printed hyphen or a space after it:
    "bei-wohnten" and "bei- wohnten" are the source's "beiwohnten" broken at a line's end. An import
    may keep the hyphen it cannot tell from a compound's; a must_have is not about that."""
    def join(match: re.Match) -> str:
        return match.group(1) + match.group(2) if (match.group(1), match.group(2)) in halves else match.group(0)
    return re.sub(r"([^\W\d_]+)- ?([^\W\d_]+)", join, text)


def fidelity(source_text: str, report: dict, split_text: str | None = None) -> Fidelity:
    kept = kept_text(report)
    result = Fidelity()
    # A soft hyphen is invisible, and where it breaks a line it breaks no word ("Bun\u00ad" / "desverbands").
    source_text = _SOFT_HYPHEN.sub("", source_text)
    src_words = words_of(source_text)
    if split_text is not None:
        src_words &= words_of(split_text)  # "AdeyemiMar" is two elements' words run together, no word
    result.words_in_source = len(src_words)
    kept_words = words_of(kept)
    # A word the typesetter hyphenated at a line's end ("con-" / "nection") that the import reads whole
    # ("connection") keeps both its halves.
    for match in _LINE_END_HYPHEN.finditer(source_text):
        if (match.group(1) + match.group(2)).casefold() in kept_words:
            kept_words |= {match.group(1).casefold(), match.group(2).casefold()}
    for word in sorted(src_words - kept_words):
        pattern = r"(?i)(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_²³¹⁰-⁹])"
        result.lost_words.append((word, _context(source_text, pattern)))
    src_figs = figures_of(source_text)
    result.figures_in_source = sum(src_figs.values())
    labels = Counter()  # note labels and markers, page labels: they leave the text on purpose
    for note in report.get("footnotes") or []:
        labels[str(note.get("number"))] += len(note.get("marker_offsets") or []) + 1
    kept_figures = figures_of(kept)
    lost = src_figs - kept_figures - labels
    # "September 2022.2" in the source is the year 2022, its full stop and note 2's marker.
    lost = Counter({fig: n for fig, n in lost.items() if not _figure_then_label(fig, kept_figures, labels, kept)})
    if split_text is not None:
        # A figure that only exists where inline elements run together ("1911" + a call "1") is none.
        apart = figures_of(split_text)
        lost = Counter({fig: n for fig, n in lost.items() if fig in apart})
    folded_source = _fold_horizontal(source_text)
    for fig, times in sorted(lost.items()):
        pattern = r"[ ]?".join(re.escape(ch) for ch in fig)
        result.lost_figures.append((fig, times, _context(folded_source, r"(?<![\w.])" + pattern)))
    text = report.get("text") or ""
    for fig, times in sorted((figures_of(text) - src_figs).items()):
        if any(f"{fig}.{label}" in src_figs for label in labels):
            continue  # "im Jahr 2000.1": the year, its full stop and note 1's call, which the import took apart
        at = text.find(fig)
        result.made_up.append((fig, times, fold_space(text[max(0, at - CONTEXT_CHARS): at + len(fig) + CONTEXT_CHARS])))
    return result


# ---------------------------------------------------------------- scoring

def score_case(case: Case, db: str) -> DocResult:
    encoding = case.expect.get("encoding", "utf-8")
    source_text = source_body_text(case.source, encoding)
    split_text = source_body_text(case.source, encoding, split_at_tags=True)
    try:
        report = import_and_show(case.source, db, f"heldout-{case.name.lower()}")  # ids are lower-case; a file name need not be
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
        return DocResult(case, run_checks({}, case.expect), fidelity(source_text, {}, split_text), error=str(exc))
    return DocResult(case, run_checks(report, case.expect, source_text), fidelity(source_text, report, split_text))


def score_all(db: str | None = None, only: str | None = None, folder: Path = HELDOUT_DIR) -> list[DocResult]:
    """Score every held-out document of folder; into a fresh temporary store unless db is given."""
    cases = load_cases(Path(folder), only=only)
    if db:
        return [score_case(c, db) for c in cases]
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        store = os.path.join(tmp, "heldout.db")
        return [score_case(c, store) for c in cases]


def totals(results: list[DocResult]) -> tuple[int, int, float]:
    passed = sum(r.passed for r in results)
    total = sum(r.total for r in results)
    return passed, total, (passed / total if total else 0.0)


def summary(results: list[DocResult]) -> dict:
    passed, total, share = totals(results)
    return {
        "passed": passed, "total": total, "percent": round(100 * share, 1),
        "documents": {
            r.case.source.name: {
                "passed": r.passed, "total": r.total, "error": r.error or None,
                "failed": [c.name for c in r.checks if not c.passed],
                "lost_figures": [f for f, _, _ in r.fidelity.lost_figures],
                "lost_words": [w for w, _ in r.fidelity.lost_words],
                "made_up_figures": [f for f, _, _ in r.fidelity.made_up],
            } for r in results
        },
    }


def _percent(passed: int, total: int) -> str:
    return f"{passed}/{total} ({100 * passed / total:.1f}%)" if total else "0/0"


def print_report(results: list[DocResult], verbose: bool) -> None:
    print("HELD-OUT IMPORT SCORE")
    for r in results:
        print(f"\n{r.case.source.name}: {_percent(r.passed, r.total)}" + (f"  [{r.error}]" if r.error else ""))
        for c in r.checks:
            if not c.passed:
                print(f"  FAIL {c.name}: {c.detail}")
            elif verbose:
                print(f"  ok   {c.name}")
    passed, total, _ = totals(results)
    print(f"\nTOTAL: {_percent(passed, total)}")
    print("\nFIDELITY (every word of 3+ letters and every figure of the visible source, found anywhere in the import)")
    for r in results:
        f = r.fidelity
        print(f"\n{r.case.source.name}: {len(f.lost_figures)} figure(s) lost of {f.figures_in_source}, "
              f"{len(f.lost_words)} word(s) lost of {f.words_in_source}, {len(f.made_up)} figure(s) made up")
        limit = None if verbose else LOST_SHOWN
        for fig, times, ctx in f.lost_figures[:limit]:
            print(f"  LOST FIGURE {fig!r} x{times}  …{ctx}…")
        for word, ctx in f.lost_words[:limit]:
            print(f"  LOST WORD {word!r}  …{ctx}…")
        for fig, times, ctx in f.made_up[:limit]:
            print(f"  MADE UP {fig!r} x{times}  …{ctx}…")
        hidden = max(0, len(f.lost_words) - LOST_SHOWN) + max(0, len(f.lost_figures) - LOST_SHOWN) + max(0, len(f.made_up) - LOST_SHOWN)
        if hidden and not verbose:
            print(f"  … {hidden} more (--verbose)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to import into (default: a fresh temporary one)")
    parser.add_argument("--verbose", action="store_true", help="passing checks too, and every lost word")
    parser.add_argument("--json", action="store_true", help="print one JSON summary instead of the report")
    parser.add_argument("--only", help="score only documents whose file name contains this")
    parser.add_argument("--dir", default=str(HELDOUT_DIR),
                        help="folder of documents and expectations to score (default: tests/heldout)")
    args = parser.parse_args(argv)
    results = score_all(args.db, args.only, Path(args.dir))
    if args.json:
        print(json.dumps(summary(results), ensure_ascii=False, indent=1))
    else:
        print_report(results, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
