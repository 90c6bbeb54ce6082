"""Page maps: where a source marks its printed pages, offsets map to page labels."""

from __future__ import annotations

from claimdesk.sources.blocks import NOTE, PAGE, PARAGRAPH, Block, MarkerTable, lay_out
from claimdesk.sources.parsing import page_map
from claimdesk.sources.model import page_at


def _pages(blocks, markers=None):
    markers = markers or MarkerTable()
    layout = lay_out(blocks, markers)
    return layout, [page.to_json() for page in page_map(layout.page_starts, len(layout.text))]


def test_page_blocks_start_pages_at_the_next_paragraph():
    layout, pages = _pages([
        Block(PAGE, label="1"),
        Block(PARAGRAPH, "First page text."),
        Block(PAGE, label="2"),
        Block(PARAGRAPH, "Second page text."),
    ])
    assert layout.text == "First page text.\n\nSecond page text."
    assert pages == [{"label": "1", "start": 0, "end": 18}, {"label": "2", "start": 18, "end": 35}]
    assert layout.text[pages[1]["start"]:].startswith("Second")


def test_a_sentence_cut_by_a_page_break_is_joined_and_the_page_starts_at_the_join():
    layout, pages = _pages([
        Block(PARAGRAPH, "The harbour authority said that the new quay would open in the spring of the following"),
        Block(NOTE, "A note at the foot of page 4.", label=1),
        Block(PAGE, label="5"),
        Block(PARAGRAPH, "year, after the dredging."),
    ])
    assert "following year, after the dredging." in layout.text
    start = pages[0]["start"]
    assert pages[0]["label"] == "5" and layout.text[start:].startswith("year,")


def test_an_inline_page_start_keeps_its_exact_offset_and_leaves_no_trace():
    markers = MarkerTable()
    text = f"He walked to the mill {markers.add_page('12')}and back again{markers.add(1)}."
    layout, pages = _pages([Block(PARAGRAPH, text), Block(NOTE, "A note.", label=1)], markers)
    assert layout.text == "He walked to the mill and back again."
    assert pages == [{"label": "12", "start": 22, "end": len(layout.text)}]  # at "and"
    assert layout.markers == [(1, len("He walked to the mill and back again"))]


def test_page_at_finds_the_page_of_an_offset():
    pages = [{"label": "1", "start": 0, "end": 10}, {"label": "2", "start": 10, "end": 30}]
    assert page_at(pages, 0) == "1"
    assert page_at(pages, 9) == "1"
    assert page_at(pages, 10) == "2"
    assert page_at(pages, 29) == "2"
    assert page_at([], 5) is None
    assert page_at([{"label": "7", "start": 5, "end": 9}], 2) is None


def test_claims_and_show_carry_the_page(store, tmp_path):
    from claimdesk.library import import_paths
    from claimdesk.store.claims import add_claim, claim_document
    from claimdesk.store.reports import report_document

    path = tmp_path / "paged.txt"
    path.write_text("Harbour Annual Report\n\nThe quay opened in 2019 after two years of work.\f"
                    "Traffic rose by 12% in the first full year of operation.\n")
    import_paths(store, [path])
    document = report_document(store, "paged")
    assert [page["label"] for page in document["pages"]] == ["1", "2"]
    with store.action("claim") as action:
        claim_id = add_claim(action, "paged", "Traffic rose by 12%")
    assert claim_document(store.db, claim_id)["page"] == "2"


def test_many_joined_paragraphs_read_as_one_sentence():
    # Paragraphs that each go on in lower case are one sentence cut many times.
    blocks = [Block(PARAGRAPH, "The river rose")] + [Block(PARAGRAPH, f"and rose {n}") for n in range(500)]
    blocks.append(Block(PARAGRAPH, "until it stopped."))
    layout, _ = _pages(blocks)
    assert layout.text == "The river rose " + " ".join(f"and rose {n}" for n in range(500)) + " until it stopped."
