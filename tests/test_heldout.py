"""The held-out evaluations: documents of origins the readers were not written against.

Eight sets, each a folder of documents with their expectations (the format is documented
at the top of bench/heldout_score.py); the scoring logic is that bench script, loaded here
by path so that it stays the one place it is written. For each set two promises are held:
no figure of any document is lost on import, and the pooled score does not fall below the
bar measured when the set was written.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCORER_PATH = REPO / "bench" / "heldout_score.py"


@dataclass(frozen=True)
class HeldOutSet:
    folder: str
    documents: int
    """How many documents the set holds: a document dropped by accident must not pass silently."""
    bar: float
    """Share of its checks that pass, measured with the readers of the day (bench/heldout_score.py
    --dir tests/FOLDER), rounded down to the nearest 5%. Raise it when the readers improve;
    never set it above what the code reaches."""


# Each set was written by someone who never ran the readers on it, then scored once before
# anyone looked (that first score is the honest measure, kept in the README's "Speed and
# quality"); after that its misses were read and whole classes of failure fixed, so the bars
# below guard those fixes, not the readers' reach on documents nobody has seen yet.
HELD_OUT_SETS = [
    HeldOutSet("heldout", 16, 0.95),
    HeldOutSet("heldout_blind", 12, 0.95),
    HeldOutSet("heldout_blind3", 10, 0.95),  # first score 82.8%
    HeldOutSet("heldout_blind4", 12, 0.95),  # first score 73.7%
    HeldOutSet("heldout_blind5", 12, 0.90),  # first score 59.6%
    HeldOutSet("heldout_blind6", 12, 0.90),  # first score 72.9%
    HeldOutSet("heldout_blind7", 12, 0.90),  # first score 64.7%
    HeldOutSet("heldout_blind8", 12, 0.95),  # first score 64.9%
    HeldOutSet("heldout_blind9", 12, 0.95),  # first score 79.8%
    HeldOutSet("heldout_blind10", 12, 0.95),  # first score 86.3%
    HeldOutSet("heldout_blind11", 12, 0.95),  # first score 86.8%
    HeldOutSet("heldout_blind12", 12, 0.95),  # first score 94.0%
    HeldOutSet("heldout_blind13", 12, 0.95),  # first score 84.8%
    HeldOutSet("heldout_blind14", 13, 0.95),  # first score 93.5%
    HeldOutSet("heldout_blind15", 12, 0.95),  # first score 94.5%
    HeldOutSet("heldout_blind16", 12, 0.95),  # first score 91.9%
    HeldOutSet("heldout_blind17", 13, 0.95),  # first score 95.4%
    HeldOutSet("heldout_blind18", 12, 0.95),  # first score 89.3%
    HeldOutSet("heldout_blind19", 2, 0.90),  # first score 92.9% (its author stopped after 2 of 13)
    HeldOutSet("heldout_blind20", 3, 0.90),  # first score 92.2% (its author stopped after 3 of 13)
    HeldOutSet("heldout_blind21", 12, 0.95),  # first score 91.1%
    HeldOutSet("heldout_blind22", 12, 0.95),  # first score 94.2%
    HeldOutSet("heldout_blind23", 12, 0.95),  # first score 96.5%
    HeldOutSet("heldout_blind24", 12, 0.90),  # first score 93.5% of the first 11; the 12th, scored alone on arrival, 83.6%
    HeldOutSet("heldout_blind25", 12, 0.90),  # first score 90.8%
    HeldOutSet("heldout_blind26", 12, 0.90),  # first score 93.1%
    HeldOutSet("heldout_blind27", 12, 0.90),  # first score 90.1%
    HeldOutSet("heldout_blind28", 12, 0.90),  # first score 90.2%
    HeldOutSet("heldout_blind29", 12, 0.93),  # first score 86.7%
    HeldOutSet("heldout_blind30", 8, 0.90),  # first score 82.7% (eight documents: two helpers of three delivered)
    HeldOutSet("heldout_blind31", 12, 0.95),  # first score 92.3%
    HeldOutSet("heldout_blind32", 12, 0.95),  # first score 86.3%
    HeldOutSet("heldout_blind33", 12, 0.95),  # first score 90.4% (only the kinds issue 10 names: no pdftotext paper)
    HeldOutSet("heldout_blind34", 12, 0.95),  # first score 90.4% (the kinds issue 10 names)
    HeldOutSet("heldout_blind35", 10, 0.90),  # first scores 76.4% (helper C: books, case law, Markdown, docs), 93.0% (A: newsrooms)
    HeldOutSet("heldout_blind36", 15, 0.85),  # first scores 87.4% (A), 71.5% (B), 82.8% (C): books and case law, at 4df62d5
    HeldOutSet("heldout_blind37", 15, 0.85),  # first scores 82.0% (A), 84.5% (B), 84.9% (C; 81.5% before the scorer read line-end hyphens), at c0df4c8
]
EXPECTATION_KEYS = {"kind_of_document", "title", "authors", "date", "footnotes", "notes", "pages", "page_labels",
                    "must_have", "must_not", "removed_kinds", "encoding"}


def _load_scorer():
    spec = importlib.util.spec_from_file_location("heldout_score", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


@pytest.fixture(scope="module", params=HELD_OUT_SETS, ids=lambda held_out: held_out.folder)
def held_out(request) -> HeldOutSet:
    return request.param


@pytest.fixture(scope="module")
def results(held_out, tmp_path_factory):
    store = tmp_path_factory.mktemp(held_out.folder) / "held_out.db"
    return scorer.score_all(db=str(store), folder=REPO / "tests" / held_out.folder)


def test_every_document_has_well_formed_expectations(held_out):
    cases = scorer.load_cases(REPO / "tests" / held_out.folder)
    assert len(cases) == held_out.documents
    for case in cases:
        assert set(case.expect) <= EXPECTATION_KEYS, f"{case.name}: unknown keys {set(case.expect) - EXPECTATION_KEYS}"
        assert case.expect.get("must_have"), f"{case.name}: no must_have"
        assert case.expect.get("kind_of_document"), f"{case.name}: no description of its origin"
        for note in case.expect.get("notes", []):
            # a note known only by its mark ("*", a CJEU judgment's language note) gives its label instead
            assert isinstance(note.get("number"), int) or isinstance(note.get("label"), str), f"{case.name}: note without a number"
            after = note.get("marker_after", "")
            assert isinstance(after, str) or (isinstance(after, list) and all(isinstance(a, str) for a in after)), \
                f"{case.name}: marker_after takes a string, or a list of them for a note called more than once"


def test_each_set_is_scored_from_its_own_folder(held_out, results):
    scored = {r.case.source.parent.resolve() for r in results}
    assert scored == {(REPO / "tests" / held_out.folder).resolve()}


def test_every_held_out_document_imports(results):
    failed = {r.case.source.name: r.error for r in results if r.error}
    assert not failed, failed


def test_no_figure_of_any_held_out_document_is_lost(results):
    lost = {r.case.source.name: [(f, ctx) for f, _, ctx in r.fidelity.lost_figures] for r in results}
    lost = {name: figs for name, figs in lost.items() if figs}
    assert not lost, json.dumps(lost, ensure_ascii=False, indent=1)


def test_held_out_score_is_at_least_the_bar(held_out, results):
    passed, total, share = scorer.totals(results)
    failing = [f"{r.case.source.name}: {c.name}" for r in results for c in r.checks if not c.passed]
    assert share >= held_out.bar, f"{passed}/{total} = {share:.1%} < {held_out.bar:.0%}\n" + "\n".join(failing)


# -- the scorer itself, on invented reports ------------------------------------------

def test_checks_tell_a_faithful_import_from_a_careless_one():
    expect = {"title": "A Report", "authors": ["Ann Lee"], "date": "2020-07", "footnotes": 2,
              "notes": [{"number": 2, "contains": "Ibid.", "resolves_to": 1, "marker_after": "rose 5%."}],
              "must_have": ["Costs rose 5%."], "must_not": ["Accept cookies"], "removed_kinds": ["cookie"]}
    text = "A Report\n\nCosts rose 5%. More."
    good = {"title": "A REPORT", "authors": ["ann lee"], "date": "2020-07", "text": text,
            "footnotes": [{"number": 1, "text": "Source.", "marker_offsets": []},
                          {"number": 2, "text": "Ibid., p. 2.", "marker_offsets": [text.index(" More")], "resolves_to": 1}],
            "removed": [{"kind": "cookie", "text": "Accept cookies"}]}
    assert all(c.passed for c in scorer.run_checks(good, expect))
    careless_text = text.replace("5%.", "5%.2") + " Accept cookies"  # marker left in the figure
    careless = dict(good, date="2020", text=careless_text, removed=[],
                    footnotes=[good["footnotes"][0], dict(good["footnotes"][1], marker_offsets=[])])
    failed = {c.name for c in scorer.run_checks(careless, expect) if not c.passed}
    assert failed == {"date", "note 2 marker_after", "must_have 'Costs rose 5%.'",
                      "must_not 'Accept cookies'", "removed_kind cookie"}
    assert len(scorer.run_checks({}, expect)) == len(scorer.run_checks(good, expect))


def test_fidelity_finds_a_figure_split_and_a_word_dropped():
    source = "<html><head><title>x</title></head><body><p>A combined value of $62.2 billion.<sup>2</sup> Gone.</p></body></html>"
    parser = scorer._VisibleText()
    parser.feed(source)
    visible = "".join(parser.parts)
    report = {"text": "A combined value of $62.2 billion.", "footnotes": [{"number": 2, "text": "n", "marker_offsets": [33]}]}
    found = scorer.fidelity(visible, report)
    assert [w for w, _ in found.lost_words] == ["gone"] and not found.lost_figures
    split = scorer.fidelity(visible, dict(report, text="A combined value of $62. 2 billion."))
    assert [f for f, _, _ in split.lost_figures] == ["62.2"]


def test_fidelity_finds_a_provisions_paragraph_taken_for_a_note_call():
    # "Article 9(2)" read as "Article 9" and note 2's marker: a figure changed, not a marker.
    report = {"text": "Under Article 9 of the Directive.", "footnotes": [{"number": 2, "text": "n", "marker_offsets": [15]}]}
    found = scorer.fidelity("Under Article 9(2) of the Directive.", report)
    assert [f for f, _, _ in found.lost_figures] == ["9(2)"]


def test_a_phrase_in_an_unspaced_script_is_found_before_the_next_sentence():
    # Chinese runs sentences together: the next character glues to nothing, while a Latin
    # marker or letter left after the phrase still does.
    text = "老周记得最忙的年份是 1990 年代末。那时巷子两边都是宿舍。Costs rose 5%.2 More."
    assert scorer.contains_phrase(text, "老周记得最忙的年份是 1990 年代末。")
    assert not scorer.contains_phrase(text, "Costs rose 5%.")
    assert not scorer.contains_phrase("Die Tarife stiegen.", "Tarif")
