"""Hostile input read in linear time, with every word kept (issue 11).

Each input is generated here, at a size where the quadratic code it guards
against took seconds (or raised): the assertions are on what is read, never on
time. Timings are bench/bench_hostile.py's job.
"""

from __future__ import annotations

import re

import pytest

from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import parse_report
from claimdesk.sources.textclean import PLACEHOLDER_COUNT

INTRO = "Harbour Fees\n\nPort fees rose by 12% in 2020, the office said.\n\n"
HTML_INTRO = "<html><body><h1>Harbour fees</h1><p>Port fees rose by 12% in 2020.</p>"


def folded(text: str) -> str:
    return " ".join(text.split())


# --- plain text ------------------------------------------------------------------

def test_a_run_of_caret_brackets_is_text():
    """1 MB of "[^" took the plain-text marker pattern 40 minutes: every "[^" was a label
    start rescanned to the end of the text. These 50 KB took about 25 s."""
    report = parse_report((INTRO + "[^" * 25_000).encode(), "txt")
    assert "[^" * 25_000 in report.text
    assert report.footnotes == []


def test_unclosed_pandoc_labels_are_text():
    report = parse_report((INTRO + "[^abc" * 12_000).encode(), "txt")  # about 12 s before
    assert "[^abc" * 12_000 in report.text


def test_a_pandoc_label_is_sixty_characters_at_most():
    short, long = "a" * 60, "a" * 61
    report = parse_report(f"{INTRO}Fees rose[^{short}] and fell[^{long}].\n\n[^{short}]: The office.\n".encode(), "txt")
    assert [note.number for note in report.footnotes] == [short]
    assert f"fell[^{long}]." in report.text  # no marker: kept as written


def test_a_run_of_superscript_digits_is_no_marker():
    """Past 4,300 digits int() refuses a string: the run was read as one note number and
    the import ended in an internal error."""
    report = parse_report(f"{INTRO}Fees rose{'¹' * 6000} in all ports.\n".encode(), "txt")
    assert f"Fees rose{'¹' * 6000} in all ports." in report.text
    assert report.footnotes == []


def test_a_superscript_note_number_still_reads():
    report = parse_report(f"{INTRO}Fees rose.¹²\n\n¹² Port Office, 2020.\n".encode(), "txt")
    assert [(note.number, note.text) for note in report.footnotes] == [(12, "Port Office, 2020.")]


def test_a_closing_paragraph_of_many_sentence_lines_is_kept():
    """The sender's closing lines were looked for by joining the paragraph's lines again
    from every line that ends a sentence: these 8,000 lines took about 25 s."""
    lines = [f"Line {number} of the port's own closing paragraph." for number in range(8_000)]
    report = parse_report((INTRO + "\n".join(lines) + "\n").encode(), "txt")
    assert folded(" ".join(lines)) in folded(report.text)
    assert not [piece for piece in report.removed if piece.kind == "footer"]


def test_a_sender_line_after_a_long_paragraph_is_still_taken():
    lines = [f"Line {number} of the release." for number in range(3000)] + ["To unsubscribe, reply STOP to this e-mail."]
    report = parse_report((INTRO + "\n".join(lines) + "\n").encode(), "txt")
    assert [piece.text for piece in report.removed if piece.kind == "footer"] == ["To unsubscribe, reply STOP to this e-mail."]
    assert "Line 2999 of the release." in report.text


def test_a_note_of_many_lines_keeps_every_line():
    """A note's lines were added to its text one at a time, copying it again at each (a
    quadratic memcpy: seconds only for notes of megabytes, see bench_hostile.py); they are
    joined once now, in order."""
    lines = [f"line {number} of the note" for number in range(5_000)]
    report = parse_report((INTRO + "Body text¹ here.\n\nNotes\n\n1. First note.\n" + "\n".join(lines) + "\n").encode(), "txt")
    assert [note.number for note in report.footnotes] == [1]
    assert report.footnotes[0].text == "First note. " + " ".join(lines)


def test_a_note_of_many_paragraphs_keeps_every_paragraph():
    paragraphs = [f"Paragraph {number} of the note." for number in range(5_000)]
    report = parse_report((INTRO + "Body text¹ here.\n\nNotes\n\n1. First note.\n\n" + "\n\n".join(paragraphs) + "\n").encode(), "txt")
    assert [note.number for note in report.footnotes] == [1]
    assert folded(report.footnotes[0].text) == folded("First note. " + " ".join(paragraphs))


def test_more_markers_than_a_report_can_hold_is_one_clear_error():
    with pytest.raises(SourceError, match="more than 131,070 note markers"):
        parse_report((INTRO + "Fees[^a] " * (PLACEHOLDER_COUNT + 10) + "\n\n[^a]: A note.\n").encode(), "txt")


# --- HTML ------------------------------------------------------------------------

def test_deeply_nested_unclosed_divisions_keep_their_text():
    """30,000 nested <div>: the tree builder walked the open elements at each tag, and the
    content plan read the text of each element's whole subtree (about 14 s)."""
    report = parse_report((HTML_INTRO + "<p>Before the nest.</p>" + "<div>" * 30_000 + "Deep in the nest.").encode(), "html")
    assert "Before the nest." in report.text and "Deep in the nest." in report.text


def test_deeply_nested_closed_elements_keep_their_text():
    depth = 20_000
    report = parse_report((HTML_INTRO + "<div><span>" * depth + "Deep in the nest." + "</span></div>" * depth
                           + "<p>After the nest.</p>").encode(), "html")
    assert "Deep in the nest." in report.text and "After the nest." in report.text


def test_nested_unclosed_superscripts_keep_the_text_after_them():
    """Each <sup> read the text of its whole subtree to see whether it was a marker (about 5 s)."""
    report = parse_report((HTML_INTRO + "<p>Fees" + "<sup>" * 60_000 + "rose again.</p>").encode(), "html")
    assert "Fees" in report.text and "rose again." in report.text


def test_an_unclosed_superscript_before_a_long_body_keeps_the_body():
    paragraphs = [f"<p>Paragraph {number} of the body.</p>" for number in range(10_000)]
    report = parse_report((HTML_INTRO + "<p>Fees<sup>1</p>" + "".join(paragraphs)).encode(), "html")
    assert "Paragraph 0 of the body." in report.text and "Paragraph 9999 of the body." in report.text


def test_a_table_row_of_many_cells_keeps_every_cell():
    """Whether a row had text yet was asked by joining the row's text again at each cell."""
    cells = 40_000
    report = parse_report((HTML_INTRO + "<table><tr>" + "".join(f"<td>{n}</td>" for n in range(cells)) + "</tr></table>").encode(), "html")
    assert "; ".join(str(n) for n in range(cells)) in report.text


def test_many_superscript_markers_in_one_paragraph_are_read():
    """Each candidate marker joined the paragraph's text before it again and searched it for
    placeholders: 9,999 (the most an HTML superscript number has) took seconds."""
    count = 9_999
    notes = "".join(f'<li id="fn{n}">Note {n}.</li>' for n in range(1, count + 1))
    body = "".join(f"Fees rose again in the port of the river<sup>{n}</sup> that year. " for n in range(1, count + 1))
    report = parse_report((HTML_INTRO + f"<p>{body}</p><h2>Notes</h2><ol>{notes}</ol>").encode(), "html")
    assert len(report.footnotes) == count
    assert all(note.marker_offsets for note in report.footnotes)


def test_many_notes_with_ids_are_all_read():
    """Each element with a note id asked the list of notes found so far whether its label was taken."""
    count = 20_000
    notes = "".join(f'<div id="fn{n}">{n}. Note {n}.</div>' for n in range(1, count + 1))
    report = parse_report((HTML_INTRO + "<p>Fees rose.</p>" + notes).encode(), "html")
    assert {note.number for note in report.footnotes} == set(range(1, count + 1))


def test_a_deeply_nested_byline_is_read_once():
    """Each <address> asked its 300 ancestors whether they were furniture, and read the text
    of its whole subtree to look for names (30,000 nested: about 10 s)."""
    report = parse_report((HTML_INTRO + "<address>" * 30_000 + "By Jane Doe").encode(), "html")
    assert report.authors == ["Jane Doe"]
    assert [piece.text for piece in report.removed if piece.kind == "cover"] == ["By Jane Doe"]  # read, so out of the text


def test_nested_elements_kept_against_their_looks_are_said_once_each_up_to_a_count():
    """Each of 300 nested class="toc" holding the article was kept with a warning quoting its
    text, read from its whole subtree (20,000 nested: about 8 s); past 20 they are counted."""
    deep = "Deep in the nest the port office explains its fees at length. " * 5
    report = parse_report((HTML_INTRO + '<div class="toc">' * 20_000 + deep).encode(), "html")
    assert deep.strip() in report.text
    kept = [warning for warning in report.warnings if warning.startswith("kept text that looks like contents")]
    assert len(kept) == 20 and kept[0].endswith("'Deep in the nest the port office explains its fees at length'")
    assert any(re.fullmatch(r"kept text that looks like furniture in \d+ more elements", warning) for warning in report.warnings)


# --- Markdown front matter, Org ------------------------------------------------------

def test_deeply_nested_toml_front_matter_is_refused_with_a_warning():
    """tomllib reads nested arrays by recursion: the import ended in a RecursionError."""
    report = parse_report(("+++\na = " + "[" * 20_000 + "]" * 20_000 + "\n+++\n\nPort fees rose.\n").encode(), "md")
    assert report.text.strip() == "Port fees rose."
    assert any("front matter" in warning for warning in report.warnings)


def test_a_run_of_open_brackets_in_org_is_text():
    """An Org link's target was read over "[" to the end of the line from every "[[":
    20,000 took about 5 s."""
    report = parse_report(("#+TITLE: Harbour fees\n\nPort fees rose.\n\n" + "[" * 20_000 + "\n").encode(), "org")
    assert "[" * 20_000 in report.text


def test_org_links_and_emphasis_still_read():
    text = "#+TITLE: Harbour fees\n\nSee [[https://port.example/fees][the fee table]] and *all* of it.\n"
    report = parse_report(text.encode(), "org")
    assert "See the fee table and all of it." in report.text


# --- no other exception than the user-facing one --------------------------------------

PATHOLOGICAL = [
    ("txt", "[" * 40_000), ("txt", "<" * 40_000), ("txt", "1" * 40_000), ("txt", "." * 40_000),
    ("txt", "<sup>" * 8_000), ("txt", "\f" * 40_000), ("txt", "1. " * 10_000),
    ("md", "[^" * 20_000), ("md", "[a](" * 10_000), ("md", ">" * 20_000 + " text"), ("md", "<sup>" * 8_000),
    ("md", "---\na: &a [x]\nb: [*a, *a]\n---\n\nBody.\n"), ("md", "---\na: " + "[" * 5_000 + "]" * 5_000 + "\n---\n\nBody.\n"),
    ("html", "<" * 40_000), ("html", "<sup>" * 8_000), ("html", '<a href="x' * 4_000), ("html", "<!--" + "x" * 40_000),
    ("html", "<p class='" * 4_000), ("html", "<td>1</td>" * 4_000), ("org", "[fn:" * 10_000), ("org", " *a" * 10_000),
]


@pytest.mark.parametrize("fmt, hostile", PATHOLOGICAL, ids=[f"{fmt}-{hostile[:12]!r}" for fmt, hostile in PATHOLOGICAL])
def test_pathological_input_parses_or_fails_with_a_user_facing_error(fmt, hostile):
    head = {"html": HTML_INTRO, "org": "#+TITLE: Harbour fees\n\n" + INTRO}.get(fmt, INTRO)
    try:
        report = parse_report((head + hostile).encode(), fmt)
    except SourceError:
        return
    assert "Port fees rose" in report.text


def test_notes_deep_in_the_page_climb_their_ancestors_once(monkeypatch):
    """Under 290 nested <div>, each call and each note asked all its ancestors whether they were
    a note or held one: 2.9 million steps a megabyte. Now each element is climbed about once."""
    from claimdesk.sources.readers import html_tree

    steps = [0]
    walk = html_tree.Node.ancestors

    def counted(node):
        for ancestor in walk(node):
            steps[0] += 1
            yield ancestor

    monkeypatch.setattr(html_tree.Node, "ancestors", counted)
    count = 400
    calls = "".join(f'Rose {i}<sup><a href="#fn{i}" id="r{i}">{i}</a></sup>. ' for i in range(1, count + 1))
    notes = "".join(f'<li id="fn{i}">Office {i}. <a href="#r{i}">↩</a></li>' for i in range(1, count + 1))
    report = parse_report((HTML_INTRO + "<div>" * 290 + "<p>" + calls + "</p><ol>" + notes + "</ol>").encode(), "html")
    assert [note.number for note in report.footnotes] == list(range(1, count + 1))
    assert all(len(note.marker_offsets) == 1 for note in report.footnotes)
    assert steps[0] < 20_000, steps[0]  # 693 now; 235,600 before (400 notes, 290 ancestors, several walks)
