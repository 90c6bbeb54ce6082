"""ClaimReview, Web Annotation and CSL-JSON exports, field by field, on the real corpus."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from claimdesk.exports import EXPORTERS
from claimdesk.exports.annotations import import_annotations, write_annotations
from claimdesk.exports.claimreview import shorten, write_claimreview
from claimdesk.exports.csl import csl_name, page_of, write_csl
from claimdesk.exports.register import build_register
from claimdesk.library import import_paths
from claimdesk.store.claims import add_claim, list_claims, set_claim
from claimdesk.store.db import Store
from claimdesk.store.links import add_link

# By module path: the package's own `from __future__ import annotations` binds the
# name `annotations` in claimdesk.exports, so `from claimdesk.exports import annotations` gets that.
annotations_module = importlib.import_module("claimdesk.exports.annotations")
claimreview_module = importlib.import_module("claimdesk.exports.claimreview")
csl_module = importlib.import_module("claimdesk.exports.csl")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WERRA_80 = "Venezuela accounted for 80% of Russian arms and military equipment exports to Latin America"
IFRI_80 = "Venezuela accounted for 80% of all the Russian weapons and military equipment sold to LAC"
NITRATE = "Between 2012 and 2021, the share of monitoring stations in the Aldra basin with good nitrate status rose from 41% to 58%."
EELS = "Commercial eel landings at Aldra ports fell by 23% between 2010 and 2020, from 118 tonnes to 91 tonnes."
WEIRS = "Only 9 of the basin's 47 weirs have a functioning fish pass"
SALMON = "Anglers' returns recorded 38 fish in 2021, against an average of 160 a year in the 1990s."
COMPARED = ("report", "start", "end", "quote", "entities", "confidence", "status", "note", "citations")


def new_store(path: Path, corpus: Path) -> Store:
    store = Store(path)
    import_paths(store, [corpus, EXAMPLES])
    return store


@pytest.fixture
def filled(tmp_path, corpus):
    """Corpus + examples, with claims of every status and a confirmed duplicate pair."""
    store = new_store(tmp_path / "a.db", corpus)
    with store.action("add claims", "tester") as action:
        ids = {
            "werra": add_claim(action, "werra-faure-2021", WERRA_80, entities=[("Venezuela", "place")], confidence=4, status="verified",
                               note="Matches SIPRI's transfer database."),
            "ifri": add_claim(action, "ifri-pyatakov-2020", IFRI_80, entities=[("Venezuela", "place"), ("Russia", "place")]),
            "nitrate": add_claim(action, "harbour-institute-2022", NITRATE, entities=[("Aldra Basin Commission", "organization")],
                                 confidence=5, status="false", note="The commission's table says 38% to 51%."),
            "eels": add_claim(action, "harbour-institute-2022", EELS, confidence=2, status="disputed"),
            "weirs": add_claim(action, "harbour-institute-2022", WEIRS, status="unverifiable"),
            "salmon": add_claim(action, "harbour-institute-2022", SALMON, confidence=3),  # unreviewed
        }
        add_link(action, ids["werra"], ids["ifri"], "duplicate")
        set_claim(action, ids["weirs"], citations=[5, 6])  # a manual citation, not the automatic one
    yield store, ids
    store.close()


def export(writer, store, path, **options):
    writer(build_register(store), path, **options)
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_three_formats_are_registered():
    assert EXPORTERS["claimreview"] is write_claimreview
    assert EXPORTERS["annotations"] is write_annotations
    assert EXPORTERS["csl"] is write_csl


# ClaimReview -------------------------------------------------------------------

def test_claimreview_one_review_per_reviewed_claim_or_cluster(filled, tmp_path):
    store, ids = filled
    document = export(write_claimreview, store, tmp_path / "reviews.json", publisher={"name": "Aldra Checks", "url": "https://checks.example/register"})
    assert document["@context"] == "https://schema.org"
    reviews = {review["@id"]: review for review in document["@graph"]}
    # The duplicate pair is one review on the verified claim; the unreviewed claim is left out.
    expected = {f"urn:claimdesk:review:{ids[k]}" for k in ("werra", "nitrate", "eels", "weirs")}
    assert set(reviews) == expected
    for review in reviews.values():
        assert review["@type"] == "ClaimReview"
        assert len(review["claimReviewed"]) <= 75
        assert review["author"] == {"@type": "Organization", "name": "Aldra Checks", "url": "https://checks.example/register"}
        assert len(review["datePublished"]) == 10 and review["datePublished"][4] == "-"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 5 and rating["worstRating"] == 1
    ratings = {k: reviews[f"urn:claimdesk:review:{ids[k]}"]["reviewRating"] for k in ("werra", "nitrate", "eels", "weirs")}
    assert {k: (r["ratingValue"], r["alternateName"]) for k, r in ratings.items()} == {
        "werra": (5, "True"), "nitrate": (1, "False"), "eels": (2, "Disputed"), "weirs": (3, "Unverifiable")}
    assert ratings["nitrate"]["ratingExplanation"] == "The commission's table says 38% to 51%."

    werra = reviews[f"urn:claimdesk:review:{ids['werra']}"]
    assert werra["url"] == f"https://checks.example/register#claim-{ids['werra']}"
    assert werra["claimReviewed"].endswith("…") and len(werra["claimReviewed"]) <= 75
    assert WERRA_80.startswith(werra["claimReviewed"][:-1])
    item = werra["itemReviewed"]
    assert item["@type"] == "Claim" and item["text"] == WERRA_80
    assert item["@id"] == f"urn:claimdesk:claim:{min(ids['werra'], ids['ifri'])}"
    assert item["author"] == [{"@type": "Person", "name": "Anaïs Fauré"}] and item["datePublished"] == "2021-07"
    assert [a["identifier"] for a in item["appearance"]] == ["ifri-pyatakov-2020", "werra-faure-2021"]
    assert item["firstAppearance"]["identifier"] == "ifri-pyatakov-2020"
    assert item["firstAppearance"]["datePublished"] == "2020-07"
    assert item["firstAppearance"]["name"].startswith("Russia and Latin America")
    assert item["firstAppearance"]["author"] == [{"@type": "Person", "name": "Andrey Pyatakov"}]
    # A claim whose quote is short enough is published whole.
    weirs = reviews[f"urn:claimdesk:review:{ids['weirs']}"]
    assert weirs["claimReviewed"] == WEIRS and len(weirs["itemReviewed"]["appearance"]) == 1


def test_claimreview_publisher_from_the_environment(filled, tmp_path, monkeypatch):
    store, ids = filled
    monkeypatch.delenv("CLAIMDESK_PUBLISHER_NAME", raising=False)
    monkeypatch.delenv("CLAIMDESK_PUBLISHER_URL", raising=False)
    review = export(write_claimreview, store, tmp_path / "a.json")["@graph"][0]
    assert review["author"] == {"@type": "Organization", "name": "claimdesk"} and "url" not in review
    monkeypatch.setenv("CLAIMDESK_PUBLISHER_NAME", "Basin Watch")
    monkeypatch.setenv("CLAIMDESK_PUBLISHER_URL", "https://basin.example/")
    review = export(write_claimreview, store, tmp_path / "b.json")["@graph"][0]
    assert review["author"]["name"] == "Basin Watch" and review["url"].startswith("https://basin.example/#claim-")


def test_claimreview_representative_is_the_most_confident_reviewed_member(filled, tmp_path):
    store, ids = filled
    with store.action("rate", "tester") as action:
        set_claim(action, ids["ifri"], status="disputed", confidence=5)
    reviews = export(write_claimreview, store, tmp_path / "r.json")["@graph"]
    cluster = [r for r in reviews if len(r["itemReviewed"]["appearance"]) == 2]
    assert len(cluster) == 1 and cluster[0]["@id"] == f"urn:claimdesk:review:{ids['ifri']}"
    assert cluster[0]["itemReviewed"]["text"] == IFRI_80 and cluster[0]["reviewRating"]["ratingValue"] == 2


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("short claim") == "short claim"
    cut = shorten("word " * 30)
    assert len(cut) <= 75 and cut.endswith("word…")
    assert len(shorten("x" * 200)) == 75


# Web Annotation ---------------------------------------------------------------

def test_annotations_fields_and_selectors(filled, tmp_path):
    store, ids = filled
    document = export(write_annotations, store, tmp_path / "anno.jsonld")
    assert document["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert {"claimdesk": "urn:claimdesk:vocab#"} in document["@context"]
    assert document["type"] == "AnnotationCollection" and document["label"] and document["id"].startswith("urn:")
    items = document["first"]["items"]
    assert document["first"]["type"] == "AnnotationPage" and document["total"] == len(items) == len(ids)
    texts = {r: store.db.execute("SELECT v.text FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision "
                                 "WHERE r.id = ?", [r]).fetchone()[0] for r in ("werra-faure-2021", "ifri-pyatakov-2020", "harbour-institute-2022")}
    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] == "assessing" and item["creator"] == {"type": "Person", "name": "tester"}
        assert item["created"] and item["modified"]
        report = item["target"]["source"].removeprefix("urn:claimdesk:report:")
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        text = texts[report]
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])
        assert len(item["target"]["claimdesk:sha256"]) == 64 and item["target"]["claimdesk:revision"] == 1
    werra = next(i for i in items if i["id"] == f"urn:claimdesk:claim:{ids['werra']}")
    purposes = [b["purpose"] for b in werra["body"]]
    assert purposes == ["assessing", "commenting", "tagging", "linking"]
    assessing, commenting, tagging, linking = werra["body"]
    assert assessing["value"] == "verified" and assessing["claimdesk:confidence"] == 4 and assessing["claimdesk:confidenceLabel"] == "solid"
    assert commenting["value"] == "Matches SIPRI's transfer database."
    assert tagging == {"type": "TextualBody", "purpose": "tagging", "value": "Venezuela", "claimdesk:entityType": "place"}
    assert linking["claimdesk:footnote"] == 4 and "Tirado" in linking["value"]
    salmon = next(i for i in items if i["id"] == f"urn:claimdesk:claim:{ids['salmon']}")
    assert [b["purpose"] for b in salmon["body"]] == ["assessing"] and "claimdesk:confidence" in salmon["body"][0]


def _compared(store):
    return [{key: claim[key] for key in COMPARED} for claim in list_claims(store.db)]


def test_annotations_round_trip_and_second_import_is_a_no_op(filled, tmp_path, corpus):
    store, _ids = filled
    path = tmp_path / "anno.jsonld"
    export(write_annotations, store, path)
    with new_store(tmp_path / "b.db", corpus) as other:
        assert import_annotations(other, path, "importer") == {"created": 6, "unchanged": 0}
        assert _compared(other) == _compared(store)
        changes = other.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0]
        assert import_annotations(other, path, "importer") == {"created": 0, "unchanged": 6}
        assert other.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == changes
        assert _compared(other) == _compared(store)


def test_import_finds_a_quote_whose_position_is_stale(filled, tmp_path, corpus):
    store, ids = filled
    path = tmp_path / "anno.jsonld"
    document = export(write_annotations, store, path)
    for item in document["first"]["items"]:
        item["target"]["selector"][1]["start"] += 7  # as if the report had gained a few characters
    path.write_text(json.dumps(document), encoding="utf-8")
    with new_store(tmp_path / "b.db", corpus) as other:
        assert import_annotations(other, path, "importer")["created"] == 6
        assert _compared(other) == _compared(store)


def _bad_files(document: dict) -> dict[str, str]:
    unknown = json.loads(json.dumps(document))
    unknown["first"]["items"][-1]["target"]["source"] = "urn:claimdesk:report:no-such-report"
    missing = json.loads(json.dumps(document))
    missing["first"]["items"][-1]["target"]["selector"][0]["exact"] = "a sentence the report never contains"
    return {
        "invalid JSON": '{"type": "AnnotationCollection", ',
        "not annotations": json.dumps({"type": "Person", "name": "x"}),
        "unknown report": json.dumps(unknown),
        "quote not found": json.dumps(missing),
    }


def test_a_bad_annotation_file_raises_and_changes_nothing(filled, tmp_path, corpus):
    store, _ids = filled
    document = export(write_annotations, store, tmp_path / "anno.jsonld")
    with new_store(tmp_path / "b.db", corpus) as other:
        before = other.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0]
        for name, text in _bad_files(document).items():
            path = tmp_path / f"{name.replace(' ', '-')}.jsonld"
            path.write_text(text, encoding="utf-8")
            with pytest.raises(ValueError) as caught:
                import_annotations(other, path, "importer")
            message = str(caught.value)
            assert "\n" not in message and str(path) in message, name
            assert other.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0, name
            assert other.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == before, name
        assert "no-such-report" in str(pytest.raises(ValueError, import_annotations, other, tmp_path / "unknown-report.jsonld", "x").value)
        assert "quote not found" in str(pytest.raises(ValueError, import_annotations, other, tmp_path / "quote-not-found.jsonld", "x").value)


# CSL-JSON ----------------------------------------------------------------------

def test_csl_references_and_reports(filled, tmp_path):
    store, _ids = filled
    items = export(write_csl, store, tmp_path / "refs.json")
    by_id = {item["id"]: item for item in items}
    assert len(by_id) == len(items)  # ids are unique
    register = build_register(store)
    for report in register.reports:  # every corpus report is an item of its own
        item = by_id[report["id"]]
        assert item["type"] == "report" and item["title"] == report["title"]
    assert by_id["ifri-pyatakov-2020"]["author"] == [{"family": "Pyatakov", "given": "Andrey"}]
    assert by_id["ifri-pyatakov-2020"]["issued"] == {"date-parts": [[2020, 7]]}
    assert by_id["harbour-institute-2022"]["issued"] == {"date-parts": [[2022, 3, 15]]}

    piatakov = by_id["werra-faure-2021-note-1"]
    assert piatakov["author"] == [{"family": "Piatakov", "given": "Andrei"}] and piatakov["issued"] == {"date-parts": [[2020]]}
    assert piatakov["title"] == "Russia and Latin America in the 21st century: a difficult rapprochement"
    assert piatakov["note"] == "cited in werra-faure-2021 note 1"  # its Ibid. and op. cit. notes add no items
    assert not any(i["id"].startswith("werra-faure-2021-note-") and i["id"].endswith(("-2", "-3", "-5")) for i in items)
    assert by_id["ifri-pyatakov-2020-note-3"]["author"] == [{"family": "Sizonenko", "given": "A. I."}]
    assert by_id["ifri-pyatakov-2020-note-3"]["type"] == "book" and by_id["ifri-pyatakov-2020-note-3"]["publisher"] == "Nauka"

    journal = by_id["coastal-review-2023-note-6"]
    assert journal["type"] == "article-journal" and journal["container-title"] == "Journal of Shellfish Science"
    assert journal["author"][0] == {"family": "Le Guénec", "given": "N."} and journal["page"] == "301-318"
    assert by_id["coastal-review-2023-note-2"]["author"] == [{"literal": "Aldra Regional Water Authority"}]
    assert by_id["ifri-pyatakov-2020-note-23"]["type"] == "article-newspaper"
    url_only = by_id["werra-faure-2021-note-12"]
    assert url_only["type"] == "webpage" and url_only["URL"].startswith("https://www.zona-militar.com/") and "title" not in url_only

    # The same work cited by two reports (one misspells an author) is one item, with both notes.
    evensen = by_id["coastal-review-2023-note-1"]
    assert evensen["page"] == "6" and evensen["type"] == "report"
    assert evensen["note"] == "cited in coastal-review-2023 note 1; cited in policy-brief-2024 note 2"
    assert "policy-brief-2024-note-2" not in by_id
    # Every root reference of every report is cited by some item, claimed or not.
    cited = {part.strip() for item in items for part in item["note"].split(";") if part.strip().startswith("cited in")}
    for report_id, notes in register.footnotes.items():
        for note in notes:
            if note["kind"] in ("reference", "url"):
                assert f"cited in {report_id} note {note['number']}" in cited


def test_csl_names_and_pages():
    assert csl_name("A. I. Sizonenko") == {"family": "Sizonenko", "given": "A. I."}
    assert csl_name("Andrei Piatakov") == {"family": "Piatakov", "given": "Andrei"}
    assert csl_name("Evensen, Marit") == {"family": "Evensen", "given": "Marit"}
    assert csl_name("Ludwig van Beethoven") == {"family": "van Beethoven", "given": "Ludwig"}
    assert csl_name("Regional Fisheries Directorate") == {"literal": "Regional Fisheries Directorate"}
    assert page_of("pp. 18-38") == "18-38" and page_of("p. 6") == "6" and page_of("table 2") is None and page_of(None) is None


# Atomic writing ---------------------------------------------------------------

@pytest.mark.parametrize("writer", [write_claimreview, write_annotations, write_csl])
def test_writing_into_a_missing_folder_fails_and_leaves_no_file(filled, tmp_path, writer):
    store, _ids = filled
    target = tmp_path / "missing" / "out.json"
    with pytest.raises(FileNotFoundError):
        writer(build_register(store), target)
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("module, writer", [(claimreview_module, "write_claimreview"), (annotations_module, "write_annotations"), (csl_module, "write_csl")])
def test_each_writer_goes_through_write_text_atomic(filled, tmp_path, monkeypatch, module, writer):
    store, _ids = filled
    target = tmp_path / "out.json"
    target.write_text("previous export", encoding="utf-8")
    calls = []

    def failing(path, text):
        calls.append(path)
        raise OSError("disk full")

    monkeypatch.setattr(module, "write_text_atomic", failing)
    with pytest.raises(OSError):
        getattr(module, writer)(build_register(store), target)
    assert calls == [target] and target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []
