"""The bundled examples import cleanly and cite one another."""

from __future__ import annotations

from pathlib import Path

from claimdesk.demo import example_paths
from claimdesk.library import import_paths
from claimdesk.store.reports import list_reports, report_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_examples_are_bundled_with_the_package():
    assert sorted(p.name for p in example_paths()) == ["coastal-review-2023.html", "harbour-institute-2022.md", "policy-brief-2024.txt"]


def test_examples_import_with_metadata_and_no_warnings(store):
    import_paths(store, [EXAMPLES])
    reports = {r["id"]: r for r in list_reports(store.db)}
    assert set(reports) == {"coastal-review-2023", "harbour-institute-2022", "policy-brief-2024"}
    assert reports["coastal-review-2023"]["title"] == "Estuaries Under Pressure: Eels, Oysters and Nutrients on the Aldra Coast"
    assert reports["coastal-review-2023"]["authors"] == ["Hélène Marchetti", "Rhys Aldous-Penn"]
    assert reports["harbour-institute-2022"]["date"] == "2022-03-15"
    assert reports["policy-brief-2024"]["authors"] == ["Zoë Halvorsen", "Andrés Quiñones"]
    assert all(r["warnings"] == 0 for r in reports.values())


def test_examples_cite_one_another(store):
    import_paths(store, [EXAMPLES])
    coastal = {n["number"]: n for n in report_document(store, "coastal-review-2023")["footnotes"]}
    brief = {n["number"]: n for n in report_document(store, "policy-brief-2024")["footnotes"]}
    assert coastal[1]["cites_report"] == "harbour-institute-2022"
    assert coastal[4]["kind"] == "op_cit" and coastal[4]["resolves_to"] == 1
    assert coastal[4]["cites_report"] == "harbour-institute-2022"
    assert brief[1]["cites_report"] == "coastal-review-2023"
    assert brief[2]["cites_report"] == "harbour-institute-2022"  # "T. Kovalchyk" is Kowalczyk
    assert brief[5]["kind"] == "ibid" and brief[5]["resolves_to"] == 2


def test_examples_share_a_duplicate_and_a_conflict(store):
    import_paths(store, [EXAMPLES])
    texts = {r["id"]: report_document(store, r["id"])["text"] for r in list_reports(store.db)}
    assert "rose from 41% to 58%" in texts["harbour-institute-2022"]
    assert "from 41% in 2012 to 58% in 2021" in texts["coastal-review-2023"]
    assert "fell by 23% between 2010 and 2020" in texts["harbour-institute-2022"]
    assert "fell by nearly a third (32%) between 2010 and 2020" in texts["coastal-review-2023"]
