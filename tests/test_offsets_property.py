"""Property tests: whatever the input, offsets index the reading text correctly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.sources.importer import parse_report

WORDS = st.sampled_from(
    ["Russia", "sold", "100", "helicopters", "to", "Peru", "in", "2019", "U.S.", "Dr.", "No.", "5.8", "$", "billion", "0.7%",
     "op.", "cit.", "“quoted”", "*em*", "**strong**", "[link](x)", "<b>", "&amp;", "[0]", "[/", "é", "e\u0301", "\t", "—"]
)
MARKERS = st.sampled_from(["¹", "²", "³", "[1]", "[2]", "<sup>1</sup>", "<sup>2</sup>", "[^1]", "[^2]"])


@st.composite
def paragraphs(draw):
    words = draw(st.lists(WORDS, min_size=1, max_size=25))
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(MARKERS))
    return " ".join(words) + draw(st.sampled_from([".", "", "?", ","]))


@st.composite
def documents(draw):
    body = draw(st.lists(paragraphs(), min_size=1, max_size=8))
    style = draw(st.sampled_from(["interleaved", "notes", "pandoc"]))
    if style == "interleaved":
        body.insert(draw(st.integers(0, len(body))), "1. A. Author, “A Title”, Journal, 2001.")
    elif style == "notes":
        body += ["Notes", "1. A. Author, “A Title”, 2001.\n2. Ibid., p. 4."]
    else:
        body += ["[^1]: B. Writer, *Book*, 1999.", "[^2]: Ibid."]
    return "\n\n".join(body)


def check_offsets(report):
    text = report.text
    previous_end = 0
    for start, end in report.sentences:
        assert 0 <= previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = set()
    for start, end in report.sentences:
        covered.update(range(start, end))
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
    for footnote in report.footnotes:
        for offset in footnote.marker_offsets:
            assert 0 <= offset <= len(text)
    for label, offset in report.dangling_markers:
        assert 0 <= offset <= len(text)
    for section in report.sections:
        assert 0 <= section.start < section.end <= len(text)
        assert text[section.start:section.start + len(section.title)] == section.title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(["txt", "md", "html"]))
def test_offsets_are_consistent_for_generated_documents(source, fmt):
    if fmt == "html":
        source = "".join(f"<p>{paragraph}</p>" for paragraph in source.split("\n\n"))
    report = parse_report(source.encode("utf-8"), fmt) if source.strip() else None
    if report is not None:
        check_offsets(report)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_text_never_crashes_and_offsets_hold(source):
    for fmt in ("txt", "md", "html"):
        try:
            report = parse_report(source.encode("utf-8"), fmt)
        except ValueError:
            continue  # empty or binary-looking input is refused with a SourceError
        check_offsets(report)


def test_the_corpus_offsets_hold(ifri, werra):
    check_offsets(ifri)
    check_offsets(werra)
