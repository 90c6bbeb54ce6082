"""The Markdown and HTML registers: checked by parsing them, not by grepping text.

The register is built from a real store: the two corpus reports, the bundled
examples, and a hostile report whose text is full of Markdown and HTML syntax.
Every check walks markdown-it's token stream, so "the quote renders as itself"
means the blockquote's inline tokens are plain text equal to the quote.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from claimdesk.exports import EXPORTERS
from claimdesk.exports.html import render_html, write_html
from claimdesk.exports.markdown import escape_markdown, escape_markdown_lines, render_markdown, write_markdown
from claimdesk.exports.register import Filters, build_register
from claimdesk.library import import_paths
from claimdesk.store.claims import STATUSES, add_claim
from claimdesk.store.db import Store
from claimdesk.store.links import add_link, resolve_conflict

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Written as Markdown with escapes, so the report's *text* holds the raw syntax.
HOSTILE_MD = r"""# Hostile report

The rate \| was \*5%\* \<script>alert(1)\</script> \[link\](http://x) \`code\` \# not a heading &amp;amp; more.

\- 1\. Start \> with \\ backslash\
and \<img src=x onerror=alert(1)> a break.[^1]

[^1]: See \<b>x\</b> [page](http://x) \*Ibid\*.
"""
HOSTILE_QUOTE = "The rate | was *5%* <script>alert(1)</script> [link](http://x) `code` # not a heading &amp; more."
HOSTILE_NOTE = "[^1] **bold** <b>x</b> | cell"
BROKEN_QUOTE = "- 1. Start > with \\ backslash\nand <img src=x onerror=alert(1)> a break."

PERU_WERRA = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units"
PERU_IFRI = "the Andean country possesses more than 100 civil and military helicopters"
VENEZUELA_WERRA = "Venezuela accounted for 80% of Russian arms and military equipment exports to Latin America"
VENEZUELA_IFRI = "Venezuela accounted for 80% of all the Russian weapons and military equipment sold to LAC"
MEXICO_WERRA = "In February 2020, Mexico also distanced itself by refusing to buy a batch of Russian helicopters"
POLICY_IBID = "The regional water authority put €19 million into upgrading upper-basin wastewater plants between 2015 and 2020"


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)


def _text(inline) -> str:
    """The text an inline token renders to (softbreaks as spaces), markup dropped."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def _flat(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    """(register, claim ids by name, conflict link id); built once, read by every test."""
    tmp_path = tmp_path_factory.mktemp("register")
    (tmp_path / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    with Store(tmp_path / "register.db") as store:
        import_paths(store, [corpus, EXAMPLES, tmp_path / "hostile.md"])
        ids = {}
        with store.action("add claims", "tester") as action:
            ids["peru_werra"] = add_claim(action, "werra-faure-2021", PERU_WERRA, entities=[("Peru", "place")], confidence=3)
            ids["peru_ifri"] = add_claim(action, "ifri-pyatakov-2020", PERU_IFRI, entities=[("Peru", "place")], confidence=4)
            ids["ven_werra"] = add_claim(action, "werra-faure-2021", VENEZUELA_WERRA, entities=[("Venezuela", "place")])
            ids["ven_ifri"] = add_claim(action, "ifri-pyatakov-2020", VENEZUELA_IFRI, entities=[("Venezuela", "place")])
            ids["mexico"] = add_claim(action, "werra-faure-2021", MEXICO_WERRA, entities=[("Mexico", "place")], confidence=2)
            ids["policy"] = add_claim(action, "policy-brief-2024", POLICY_IBID)
            ids["hostile"] = add_claim(action, "hostile", HOSTILE_QUOTE, note=HOSTILE_NOTE, entities=[("A|B <i>x</i>", "organization")])
            ids["broken"] = add_claim(action, "hostile", BROKEN_QUOTE)
            conflict = add_link(action, ids["peru_werra"], ids["peru_ifri"], "conflict",
                                differences=[{"claim": "nearly 100", "source": "more than 100", "kind": "number"}])
            add_link(action, ids["ven_werra"], ids["ven_ifri"], "duplicate")
        with store.action("resolve", "tester") as action:
            resolve_conflict(action, conflict["id"], ids["peru_ifri"], "IFRI counts civil | *and* military")
        register = build_register(store)
    return register, ids, conflict["id"]


@pytest.fixture(scope="module")
def tokens(built):
    register, _ids, _conflict = built
    return _md().parse(render_markdown(register))


def _section(tokens, title: str) -> list:
    """The tokens from the level-2 heading `title` up to the next level-2 heading."""
    start = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2" and tokens[i + 1].content == title)
    end = next((i for i in range(start + 1, len(tokens)) if tokens[i].type == "heading_open" and tokens[i].tag == "h2"), len(tokens))
    return tokens[start:end]


def _table(tokens) -> list[list[str]]:
    """Rows of cell texts of the first table in tokens (header row first)."""
    rows, row = [], None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(_text(token))
        elif token.type == "tr_close":
            rows.append(row)
            row = None
        elif token.type == "table_close":
            break
    return rows


def _claim_blocks(tokens) -> dict[int, list]:
    """claim id -> the tokens under its "Claim N" heading."""
    blocks, current = {}, None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            match = re.fullmatch(r"Claim (\d+)", tokens[i + 1].content)
            current = int(match.group(1)) if match else None
            if current is not None:
                blocks[current] = []
        elif current is not None:
            blocks[current].append(token)
    return blocks


def _footnotes(tokens) -> dict[str, str]:
    """footnote label -> its definition's rendered text."""
    notes, label, parts = {}, None, []
    for token in tokens:
        if token.type == "footnote_open":
            label, parts = token.meta["label"], []
        elif token.type == "inline" and label is not None:
            parts.append(_text(token))
        elif token.type == "footnote_close":
            notes[label] = " ".join(parts)
            label = None
    return notes


def test_escape_markdown_escapes_every_ascii_punctuation_and_flattens_lines():
    punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    assert escape_markdown(punctuation) == "".join("\\" + c for c in punctuation)
    assert escape_markdown("a\nb\r\nc") == "a b c"
    assert escape_markdown(None) == ""
    for hostile in (HOSTILE_QUOTE, HOSTILE_NOTE, BROKEN_QUOTE, "# h", "> q", "1. x", "- y", "    code", "&amp; &#60;", "a  \\\nb"):
        blocks = _md().parse(escape_markdown(hostile))
        assert [t.type for t in blocks] == ["paragraph_open", "inline", "paragraph_close"], hostile
        assert _text(blocks[1]) == _flat(hostile).strip()
        assert {c.type for c in blocks[1].children} == {"text"}


def test_title_and_summary_table(built, tokens):
    register, _ids, _conflict = built
    assert tokens[0].tag == "h1" and tokens[1].content == "Claim register"
    assert _text(tokens[4]).startswith(f"Generated at {register.generated}. Filters: none")
    rows = _table(_section(tokens, "Summary"))
    assert rows[0] == ["Measure", "Count"]
    assert all(len(row) == 2 for row in rows)
    counts = dict(rows[1:])
    assert counts["Claims"] == "8"
    assert counts["Claims disputed"] == "1"  # the conflict's losing claim
    assert counts["Claims unreviewed"] == "7"
    assert all(f"Claims {status}" in counts for status in STATUSES)
    assert counts["Reports"] == str(len(register.reports)) == "6"
    assert counts["Entities"] == "4"
    assert counts["Conflicts open"] == "0" and counts["Conflicts resolved"] == "1"


def test_filters_are_named(built):
    register, _ids, _conflict = built
    filtered = dataclasses.replace(register, filters=Filters(statuses=("verified",), min_confidence=3).describe())
    first = _md().parse(render_markdown(filtered))[4]
    assert _text(first).endswith("Filters: statuses: verified; min_confidence: 3.")


def test_every_blockquote_is_exactly_its_quote(built, tokens):
    register, ids, _conflict = built
    blocks = _claim_blocks(tokens)
    assert set(blocks) == {claim["id"] for claim in register.claims}
    for claim in register.claims:
        block = blocks[claim["id"]]
        opened = [i for i, t in enumerate(block) if t.type == "blockquote_open"]
        assert len(opened) == 1
        inner = block[opened[0] + 1 : block.index(next(t for t in block if t.type == "blockquote_close"))]
        assert [t.type for t in inner] == ["paragraph_open", "inline", "paragraph_close"]
        assert _text(inner[1]) == _flat(claim["quote"])


def test_hostile_quote_and_note_stay_text(built, tokens):
    register, ids, _conflict = built
    hostile = next(c for c in register.claims if c["id"] == ids["hostile"])
    assert hostile["quote"] == HOSTILE_QUOTE
    blocks = _claim_blocks(tokens)
    block = blocks[ids["hostile"]]
    quote = block[[t.type for t in block].index("blockquote_open") + 2]
    assert _text(quote) == HOSTILE_QUOTE and {c.type for c in quote.children} == {"text"}
    for claim_id in (ids["hostile"], ids["broken"]):
        block = blocks[claim_id]
        # (a generated footnote reference may follow "Citations:"; nothing else but strong labels)
        kinds = {c.type for t in block if t.type == "inline" for c in t.children}
        assert kinds <= {"text", "strong_open", "strong_close", "footnote_ref"}
        assert not {t.type for t in block} & {"html_block", "heading_open", "ordered_list_open", "code_block", "fence", "hr"}
        # only the generated field list: no list or quote started by the source text
        assert sum(t.type == "blockquote_open" for t in block) == 1
    note = next(_text(t) for t in blocks[ids["hostile"]] if t.type == "inline" and t.content.startswith("**Note:**"))
    assert note == "Note: " + HOSTILE_NOTE
    assert not {t.type for t in tokens} & {"html_block"}
    assert not any(c.type == "html_inline" for t in tokens if t.type == "inline" for c in t.children)
    # source links never become links: every link target is a generated anchor
    targets = [c.attrs["href"] for t in tokens if t.type == "inline" for c in t.children if c.type == "link_open"]
    assert targets and all(re.fullmatch(r"#(claim|conflict)-\d+", href) for href in targets)


def test_citations_carry_the_full_resolved_reference(built, tokens):
    register, ids, _conflict = built
    mexico = next(c for c in register.claims if c["id"] == ids["mexico"])
    assert mexico["citations"] == [9]
    notes = _footnotes(tokens)
    block = _claim_blocks(tokens)[ids["mexico"]]
    refs = [c.meta["label"] for t in block if t.type == "inline" for c in t.children if c.type == "footnote_ref"]
    assert len(refs) == 1 and refs[0] in notes
    werra_note_9 = notes[refs[0]]
    assert "note 9" in werra_note_9 and "Op. cit. → note 1" in werra_note_9
    assert "Piatakov" in werra_note_9
    assert "Russia and Latin America in the 21st century: a difficult rapprochement" in werra_note_9
    assert "2020" in werra_note_9 and "in corpus: ifri-pyatakov-2020" in werra_note_9
    # an Ibid. keeps its own page and names the root work in the corpus
    policy = next(c for c in register.claims if c["id"] == ids["policy"])
    assert policy["citations"]
    label = next(c.meta["label"] for t in _claim_blocks(tokens)[ids["policy"]] if t.type == "inline"
                 for c in t.children if c.type == "footnote_ref")
    assert "Ibid. → note 2" in notes[label] and "in corpus: harbour-institute-2022" in notes[label]
    # every citation of every claim has a definition, with a per-report+note label
    cited = [c.meta["label"] for t in tokens if t.type == "inline" for c in t.children if c.type == "footnote_ref"]
    assert len(cited) == sum(len(c["citations"]) for c in register.claims)
    assert set(cited) <= set(notes)
    assert all(re.fullmatch(r"r\d+-\w+", label) for label in cited)


def test_clusters_group_their_appearances(built, tokens):
    _register, ids, _conflict = built
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    cluster = headings.index(("h3", f"Cluster {min(ids['ven_werra'], ids['ven_ifri'])}"))
    assert {headings[cluster + 1], headings[cluster + 2]} == {("h4", f"Claim {ids['ven_werra']}"), ("h4", f"Claim {ids['ven_ifri']}")}
    assert ("h3", f"Claim {ids['peru_werra']}") in headings  # unclustered: its own group
    block = _claim_blocks(tokens)[ids["ven_werra"]]
    assert any(t.type == "inline" and t.content.startswith(f"Duplicate of [claim {ids['ven_ifri']}]") for t in block)


def test_conflicts_section_lists_values_and_resolution(built, tokens):
    _register, ids, conflict_id = built
    section = _section(tokens, "Conflicts")
    assert any(t.type == "heading_open" and section[i + 1].content == f"Conflict {conflict_id}" for i, t in enumerate(section))
    texts = [_text(t) for t in section if t.type == "inline"]
    assert any(PERU_WERRA in text for text in texts) and any(PERU_IFRI in text for text in texts)
    resolved = next(text for text in texts if text.startswith("Resolved:"))
    assert f"kept claim {ids['peru_ifri']}" in resolved
    assert "note: IFRI counts civil | *and* military" in resolved and "by tester" in resolved
    rows = _table(section)
    assert rows[0] == ["Kind", f"Claim {ids['peru_werra']} says", f"Claim {ids['peru_ifri']} says"]
    assert rows[1] == ["number", "nearly 100", "more than 100"]


def test_entity_index_and_bibliography(built, tokens):
    _register, ids, _conflict = built
    section = _section(tokens, "Entities")
    rows = _table(section)
    assert rows[0] == ["Entity", "Type", "Aliases", "Claims"]
    by_name = {row[0]: row for row in rows[1:]}
    assert all(len(row) == 4 for row in rows)
    assert by_name["A|B <i>x</i>"][1] == "organization"  # the | stayed inside its cell
    assert by_name["Peru"][3] == ", ".join(str(i) for i in sorted((ids["peru_werra"], ids["peru_ifri"])))
    hrefs = [c.attrs["href"] for t in section if t.type == "inline" for c in t.children if c.type == "link_open"]
    assert f"#claim-{ids['peru_werra']}" in hrefs
    section = _section(tokens, "Bibliography")
    # the list items only: the footnote definitions follow it in the token stream
    items = section[next(i for i, t in enumerate(section) if t.type == "bullet_list_open"):]
    items = items[: next(i for i, t in enumerate(items) if t.type == "bullet_list_close")]
    bibliography = [_text(t) for t in items if t.type == "inline"]
    assert any("Piatakov" in entry and "in corpus: ifri-pyatakov-2020" in entry for entry in bibliography)
    assert any("Salmon, Silt and Subsidies" in entry for entry in bibliography)
    piatakov = [entry for entry in bibliography if "21st century: a difficult rapprochement" in entry]
    assert len(piatakov) == 1  # op. cit. notes fold into their root's one entry


def test_writers_are_registered_and_write_files(built, tmp_path):
    register, _ids, _conflict = built
    assert EXPORTERS["markdown"] is write_markdown and EXPORTERS["html"] is write_html
    write_markdown(register, tmp_path / "register.md")
    write_html(register, tmp_path / "register.html")
    assert (tmp_path / "register.md").read_text(encoding="utf-8") == render_markdown(register)
    assert (tmp_path / "register.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*.part"))


def test_html_is_a_standalone_page_without_source_html(built):
    register, ids, conflict_id = built
    page = render_html(register)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page and "<title>Claim register</title>" in page
    assert re.search(r"<style>.*blockquote.*</style>", page, re.S)
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<b>" not in lowered
    assert not re.search(r"<[^>]*onerror", lowered)  # "onerror=" appears only as escaped text
    assert 'href="http' not in lowered and 'src="' not in lowered and "<link" not in lowered and "@import" not in lowered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not run
    assert "[link](http://x)" in page and "`code`" in page
    assert f'id="claim-{ids["hostile"]}"' in page and f'href="#claim-{ids["hostile"]}"' in page
    assert f'id="conflict-{conflict_id}"' in page
    assert '<li class="duplicate">' in page and '<li class="resolved">' in page
    assert 'class="footnotes"' in page


def test_a_note_of_several_lines_keeps_its_lines_and_stays_in_its_item():
    note = "Checked with # the author\n- 1. second line\r\n\n\n> a third, after a blank line\n    code?\n* last\n"
    lines = ["Checked with # the author", "- 1. second line", "> a third, after a blank line", "code?", "* last"]
    tokens = _md().parse(f"- **Note:** {escape_markdown_lines(note)}\n- **Reviewer:** ana\n")
    assert [t.type for t in tokens].count("list_item_open") == 2  # the note never ends its item
    assert not {t.type for t in tokens} & {"heading_open", "blockquote_open", "code_block", "ordered_list_open", "hr", "html_block"}
    assert sum(t.type == "bullet_list_open" for t in tokens) == 1
    first_item = tokens[: [t.type for t in tokens].index("list_item_close")]
    paragraphs = [t for t in first_item if t.type == "inline"]
    assert len(paragraphs) == 2  # the blank line stays a paragraph break
    rendered = []
    for inline in paragraphs:
        parts = [""]
        for child in inline.children:
            if child.type == "hardbreak":
                parts.append("")
            else:
                assert child.type in ("text", "strong_open", "strong_close"), child.type
                parts[-1] += child.content
        rendered.append(parts)
    assert rendered == [["Note: " + lines[0], lines[1]], lines[2:]]
    assert escape_markdown_lines("one line") == escape_markdown("one line")
    assert escape_markdown_lines("") == escape_markdown_lines(None) == ""
