"""Fidelity: an import never loses or changes a word or a figure of the source.

Every word and every number of a source's body must be found again in the
reading text, in a footnote, in the metadata or in the furniture the import
reports as removed. The check is run over every fixture, the bundled examples
and the real corpus, and as a property over generated documents that put
footnote markers right after figures ("$62.2 billion.2").

The source's visible text is recovered roughly (tags dropped, entities decoded,
Markdown link targets and TeX command names left out), so the check is
deliberately about words of three letters or more and figures with a digit,
compared as multisets for figures and as sets for words.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.sources.decode import decode_bytes
from claimdesk.sources.importer import FORMATS, parse_report
from claimdesk.sources.model import ParsedReport

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
EXAMPLES = TESTS.parent / "examples"


def corpus_dir() -> Path:
    # As conftest.corpus_dir, which parametrisation at collection cannot reach.
    import os

    return Path(os.environ.get("CLAIMDESK_CORPUS") or TESTS.parent.parent / "shared" / "corpus")

FIGURE = re.compile(r"(?<![\w.])[$€£¥]?(?:\d+(?:\(\d{1,3}\))+|\d+(?:[.,\u202f\u00a0 ]\d+)*)")  # "38&nbsp;400" is one figure, as "38 400"
WORD = re.compile(r"[^\W\d_]{3,}")


class _VisibleText(HTMLParser):
    """The text a browser would show: no head, scripts, styles or templates.

    Inline elements join without a space, as a browser shows them ("10<sup>6</sup>"
    is "10⁶", not "10 6"); block elements are apart.
    """

    _INVISIBLE = {"script", "style", "template", "head", "title"}
    _INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
               "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
    _SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.sup = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._INVISIBLE:
            self.skip += 1
        elif tag == "sup":
            self.sup += 1
        elif tag not in self._INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self._INVISIBLE and self.skip:
            self.skip -= 1
        elif tag == "sup" and self.sup:
            self.sup -= 1
        elif tag not in self._INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data.translate(self._SUPERSCRIPT) if self.sup else data)


def visible_source_text(raw: str, format: str, *, split_at_tags: bool = False) -> str:
    """The source's text; split_at_tags parts inline elements (for words: "Skelby<span>Skelby</span>")."""
    if format == "html":
        parser = _VisibleText()
        parser.feed(raw)
        parser.close()
        return (" " if split_at_tags else "").join(parser.parts)
    text = raw
    if format == "txt":
        text = re.sub(r"\[Footnote\s+\w+:", " ", text)  # Project Gutenberg's note syntax
    if format == "org":
        text = re.sub(r"\[\[[^\]]*\]\[([^\]]*)\]\]", r"\1", text)  # a link shows its description, not its target
        text = re.sub(r"(?m)^[ \t]*#\+\w+:", " ", text)  # keyword names are markup
    if format == "md":
        text = re.sub(r"\A---\n.*?\n(?:---|\.\.\.)\n", "", text, flags=re.S)  # front matter: metadata, checked apart
        text = re.sub(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)", "]", text)  # link targets are not text
        text = re.sub(r"(?m)^\s*\[[^\]]+\]:\s+\S+.*$", "", text)  # link reference definitions
        # A superscript is shown as one, as in HTML: "4.2<sup>1</sup>" is 4.2 and a call, not "4.2 1".
        text = re.sub(r"<sup>([^<>]{0,20})</sup>", lambda match: match[1].translate(_VisibleText._SUPERSCRIPT), text)
        # Inline tags join their neighbours, as a browser shows them ("2019<a …>1." is "20191.").
        text = re.sub(r"</?(?:" + "|".join(_VisibleText._INLINE) + r")\b[^<>\n]{0,300}>", "", text, flags=re.I)
        text = re.sub(r"<[^>\n]{0,300}>", " ", text)
        text = re.sub(r"\\[a-zA-Z]+", " ", text)  # TeX command names
        text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # CommonMark's backslash escapes ("412\.000")
        text = html.unescape(text)
    return text


def imported_text(report: ParsedReport) -> str:
    parts = [report.text, report.title or "", " ".join(report.authors), report.date or ""]
    parts += [note.text for note in report.footnotes]
    parts += [note.number for note in report.footnotes if isinstance(note.number, str)]  # "[note 1]" labels
    parts += [piece.text for piece in report.removed]
    return "\n".join(parts)


def figures(text: str) -> Counter:
    found: Counter = Counter()
    for match in FIGURE.finditer(text):
        figure = re.sub(r"[\s\u202f]", "", match.group()).rstrip(".,").lstrip("$€£¥")
        if len(figure) >= 2:  # single digits are mostly note markers
            found[figure] += 1
    return found


def words(text: str) -> set[str]:
    # Superscript digits are markers, not letters: "Cuba³⁸" is the word "Cuba".
    text = re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", " ", text)
    return {word.casefold() for word in WORD.findall(text)}


def losses(raw: str, format: str, report: ParsedReport) -> tuple[list[str], list[str]]:
    """(figures lost, words lost) of the source in the import."""
    source = visible_source_text(raw, format)
    kept = imported_text(report)
    source_figures, kept_figures = figures(source), figures(kept)
    # A note's label leaves the text: once at each marker and once before its definition.
    labels = Counter({str(note.number): len(note.marker_offsets) + 1 for note in report.footnotes})
    labels.update(str(label) for label, _offset in report.dangling_markers)  # a call without its note: kept apart
    lost_figures = []
    for figure, count in (source_figures - kept_figures).items():
        if count - labels.get(figure, 0) > 0 and not _figure_then_marker(figure, kept_figures, labels) \
                and not _year_span_then_marker(figure, source, kept, labels) and not _warned_split(figure, report):
            lost_figures.append(figure)
    kept_words = words(kept)
    lost_words = sorted(word for word in words(visible_source_text(raw, format, split_at_tags=True)) - kept_words
                        if not _joined_at_line_end(word, source, kept_words))
    return sorted(lost_figures), lost_words


def _joined_at_line_end(word: str, source: str, kept_words: set[str]) -> bool:
    """"em-" / "ployment" read whole as "employment", which the document spells so elsewhere
    (the lost word either half: "commis-" / "sioners")."""
    return any((match.group(1) + word).casefold() in kept_words
               for match in re.finditer(rf"(\w+)-[ \t]*\n[ \t]*{re.escape(word)}\b", source, re.I)) or \
        any((word + match.group(1)).casefold() in kept_words
            for match in re.finditer(rf"\b{re.escape(word)}-[ \t]*\n[ \t]*(\w+)", source, re.I))


def _figure_then_marker(figure: str, kept: Counter, labels: Counter) -> bool:
    """"1922.3" or "20201" in the source is a figure (kept) followed by note 3 or 1's marker."""
    for cut in range(1, len(figure)):
        head, label = figure[:cut].rstrip(".,"), figure[cut:]
        # Only a year takes a marker glued after its full stop ("in 2019.3"); "$62. 2" is a split figure.
        if label in labels and head in kept and len(head) == 4 and head.isdigit() and 1500 <= int(head) <= 2100:
            return True
    return False


def _warned_split(figure: str, report: ParsedReport) -> bool:
    """"58.3 In section": a whole number, its full stop and note 3's call, which the import read
    so and said so in a warning ("marker 3 read after 58."): the reader sees the choice."""
    head, _, label = figure.partition(".")
    return bool(label) and any(w.startswith(f"marker {label} read after {head}.") for w in report.warnings)


def _year_span_then_marker(figure: str, source: str, kept: str, labels: Counter) -> bool:
    """"2015–19.1" in the source is the span 2015–19, its full stop and note 1's marker:
    the import must show "2015–19." with no digit after it."""
    head, _, label = figure.partition(".")
    if label not in labels or len(head) != 2:
        return False
    spans = re.findall(r"(?<![\d.,])((?:1[89]|20)\d{2}[–-])" + re.escape(figure) + r"(?!\d)", source)
    return bool(spans) and all(re.search(re.escape(span + head) + r"\.(?![ \t]*\d)", kept) for span in spans)


def _documents() -> list[Path]:
    found = [p for p in sorted(FIXTURES.rglob("*")) if p.is_file() and p.suffix.lower() in FORMATS]
    found += [p for p in sorted(EXAMPLES.iterdir()) if p.suffix.lower() in FORMATS and p.name != "README.md"]
    found += [p for p in sorted(corpus_dir().iterdir()) if p.suffix.lower() in FORMATS and p.name != "README.md"]
    return found


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(p.parent.parent)))
def test_every_word_and_figure_of_the_source_is_kept(path: Path):
    format = FORMATS[path.suffix.lower()]
    data = path.read_bytes()
    report = parse_report(data, format)
    raw = decode_bytes(data)[0]  # decoding itself is tested apart (test_decode.py)
    lost_figures, lost_words = losses(raw, format, report)
    assert not lost_figures, f"figures of the source missing from the import: {lost_figures}"
    assert not lost_words, f"words of the source missing from the import: {lost_words[:40]}"


# -- generated documents ---------------------------------------------------

_FIGURE_STRATEGY = st.one_of(
    st.decimals(min_value=0, max_value=999, places=1, allow_nan=False, allow_infinity=False).map(lambda d: f"${d} billion"),
    st.integers(min_value=1900, max_value=2030).map(str),
    st.integers(min_value=1000, max_value=99999).map(lambda n: f"{n:,}"),
    st.integers(min_value=2, max_value=99).map(lambda n: f"{n}%"),
    st.integers(min_value=2, max_value=500).map(lambda n: f"{n} km2"),
)
_WORDS = st.sampled_from("the ministry reported harbour exports rose fell while analysts said budget river fleet".split())


@st.composite
def _document(draw):
    """Paragraphs of words and figures; each sentence may end with the next note's marker."""
    paragraphs, notes = [], []
    for _ in range(draw(st.integers(1, 4))):
        sentences = []
        for _ in range(draw(st.integers(1, 3))):
            words_before = " ".join(draw(st.lists(_WORDS, min_size=2, max_size=6)))
            figure = draw(_FIGURE_STRATEGY)
            sentence = f"{words_before.capitalize()} {figure}."
            if draw(st.booleans()):
                notes.append(len(notes) + 1)
                sentence += f"[{notes[-1]}]" if draw(st.booleans()) else "¹²³⁴⁵⁶⁷⁸⁹"[notes[-1] - 1] if notes[-1] < 10 else f"[{notes[-1]}]"
            sentences.append(sentence)
        paragraphs.append(" ".join(sentences))
    return paragraphs, notes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document(), st.sampled_from(["txt", "md"]))
def test_markers_after_figures_never_change_a_figure(document, format):
    paragraphs, notes = document
    body = "\n\n".join(paragraphs)
    note_lines = "\n\n".join(f"{n}. Harbour Office, Annual Statistics, p. {n + 10}." for n in notes)
    heading = "## Notes" if format == "md" else "Notes"
    source = f"Harbour statistics\n\n{body}\n\n{heading}\n\n{note_lines}\n" if notes else f"Harbour statistics\n\n{body}\n"
    report = parse_report(source.encode(), format)
    body_figures = figures(re.sub(r"\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹]", "", body))
    assert figures(report.text) == body_figures, (report.text, body)


def test_the_check_itself_finds_a_provisions_paragraph_taken_for_a_note_call():
    assert figures("Article 9(2) of the Directive")["9(2)"] == 1
