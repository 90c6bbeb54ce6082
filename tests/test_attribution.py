"""Sources named in words ("According to Fiscal Watch, …") make a report
dependent, as a footnote does; a mere mention does not."""

from __future__ import annotations

import pytest

from claimdesk.checking import check_claim
from claimdesk.claims.attribution import named_reports, report_names
from claimdesk.library import import_paths
from claimdesk.review import cluster_views
from claimdesk.sources.sentences import split_sentences
from claimdesk.store.claims import add_claim
from claimdesk.store.links import add_link

NAMES = [
    report_names("fiscal-watch-2023", "Fiscal Watch: The State of the Public Finances", ["Lena Brandt"]),
    report_names("harbour-institute-2022", "Salmon, Silt and Subsidies: Water Quality and Fisheries", ["Marit Evensen"]),
    report_names("ifri-pyatakov-2020", "Russia and Latin America in the 21st Century: A Difficult Rapprochement", ["Andrey Pyatakov"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Fiscal Watch, public debt reached 98.4% of GDP in 2022.", {"fiscal-watch-2023"}),
        ("According to the Harbour Institute's 2022 study of the basin, the share climbed from 41% to 58%.", {"harbour-institute-2022"}),
        ("As A. Piatakov notes, Peru has more than 100 helicopters.", {"ifri-pyatakov-2020"}),  # transliterated
        ("Brandt (2023) puts the deficit at €12.3 billion.", {"fiscal-watch-2023"}),
        ("Fiscal Watch was founded in 2011 and publishes every March.", set()),  # named, but not as a source
        ("According to various estimates, the Andean country possesses more than 100 helicopters.", set()),
        ("According to Reuters, Rosneft has invested around $9 billion.", set()),
    ],
)
def test_named_sources(text, expected):
    assert named_reports(text, NAMES) == expected


def test_a_report_never_names_itself():
    assert named_reports("According to Fiscal Watch, debt rose.", NAMES, own_report="fiscal-watch-2023") == set()


def test_no_sentence_of_the_real_corpus_invents_a_source(ifri, werra):
    """Both reports say "according to" often (Reuters, estimates, an ambassador);
    none of those sentences names the other report of the corpus."""
    names = [report_names("ifri-pyatakov-2020", ifri.title, ifri.authors), report_names("werra-faure-2021", werra.title, werra.authors)]
    cued = 0
    for report_id, parsed in (("ifri-pyatakov-2020", ifri), ("werra-faure-2021", werra)):
        for start, end in split_sentences(parsed.text):
            sentence = parsed.text[start:end]
            if "according to" in sentence.lower():
                cued += 1
                assert named_reports(sentence, names, own_report=report_id) == set(), sentence
    assert cued >= 5


def test_a_report_repeating_another_in_words_is_not_independent(tmp_path, store):
    (tmp_path / "fiscal-watch-2023.md").write_text(
        "---\ntitle: 'Fiscal Watch: The State of the Public Finances'\nauthor: Lena Brandt\ndate: 2023-03-02\n---\n\n"
        "Public debt reached 98.4% of GDP in 2022, its highest level since records began.\n"
    )
    (tmp_path / "notes-2024.txt").write_text("Notes on the budget\n\nAccording to Fiscal Watch, public debt reached 98.4% of GDP in 2022.\n")
    import_paths(store, [tmp_path])
    with store.action("seed", "editor") as action:
        first = add_claim(action, "fiscal-watch-2023", "Public debt reached 98.4% of GDP in 2022")
        second = add_claim(action, "notes-2024", "According to Fiscal Watch, public debt reached 98.4% of GDP in 2022.")
    assert check_claim(store, first)["independent_reports"] == 1
    with store.action("link", "editor") as action:
        add_link(action, first, second, "duplicate")
    (view,) = cluster_views(store.db)
    assert view["independent_reports"] == 1
    assert view["tree"] == [{"report": "fiscal-watch-2023", "children": [{"report": "notes-2024", "children": []}]}]
