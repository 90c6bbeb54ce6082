"""The review desk's engine (claimdesk.review) on the real corpus: queues,
promotion of passages, conflicts with their support, clusters, filters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdesk.checking import check_claim, suggest_links
from claimdesk.claims.worddiff import word_differences
from claimdesk.review import (
    citation_tree,
    claims_for_desk,
    cluster_views,
    conflict_queue,
    entity_lookalikes,
    version_support,
)
from claimdesk.review_filter import ReviewError, parse_filter
from claimdesk.suggestions import confirm_suggestion, passage_suggestions, reject_suggestion, suggested_links
from claimdesk.store.claims import add_claim, claim_document
from claimdesk.store.errors import NotFoundError
from claimdesk.store.links import add_link, list_links, resolve_conflict
from claimdesk.store.undo import undo_last

WERRA_PERU = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units"
IFRI_PERU = "the Andean country possesses more than 100 civil and military helicopters"
WERRA_80 = "between 2010 and 2016, Venezuela accounted for 80% of Russian arms"
IFRI_80 = "Between 2010 and 2016, Venezuela accounted for 80% of all the Russian weapons"


def add(store, report, quote, **kwargs):
    with store.action("add", "annotator") as action:
        return add_claim(action, report, quote, **kwargs)


def test_a_passage_of_another_report_is_proposed_and_confirming_makes_it_a_claim(corpus_store):
    werra = add(corpus_store, "werra-faure-2021", WERRA_PERU)
    (peru,) = [s for s in passage_suggestions(corpus_store) if s.claim == werra and "more than 100" in s.other_text]
    assert peru.other_claim is None and peru.other_report == "ifri-pyatakov-2020" and peru.relation == "conflict"
    assert {"claim": "nearly 100", "source": "more than 100"} in peru.differences
    with corpus_store.action("confirm", "editor") as action:
        promoted = confirm_suggestion(action, peru)
    claim = claim_document(corpus_store.db, promoted)
    assert claim["report"] == "ifri-pyatakov-2020" and "more than 100" in claim["quote"]
    assert claim["citations"] == [31]  # the footnote after the Ifri sentence, attached as for any claim
    (link,) = list_links(corpus_store.db, claim=werra)
    assert (link["kind"], link["state"], link["decided_by"]) == ("conflict", "confirmed", "editor")
    # Now the pair is accounted for: neither side proposes it again.
    assert not [s for s in passage_suggestions(corpus_store) if {s.claim, s.other_claim} == {werra, promoted}]


def test_a_rejected_passage_is_not_proposed_again_until_the_rejection_is_undone(corpus_store):
    werra = add(corpus_store, "werra-faure-2021", WERRA_PERU)
    peru = next(s for s in passage_suggestions(corpus_store) if s.claim == werra and "more than 100" in s.other_text)
    with corpus_store.action("reject", "editor") as action:
        reject_suggestion(action, peru)
    assert not [s for s in passage_suggestions(corpus_store) if s.key == peru.key]
    undo_last(corpus_store, "editor")
    assert [s for s in passage_suggestions(corpus_store) if s.key == peru.key]


def test_a_passage_inside_an_existing_claim_is_proposed_as_that_claim(corpus_store):
    werra = add(corpus_store, "werra-faure-2021", WERRA_PERU)
    ifri = add(corpus_store, "ifri-pyatakov-2020", IFRI_PERU)
    (pair,) = [s for s in passage_suggestions(corpus_store) if s.claim == werra and s.other_report == "ifri-pyatakov-2020"]
    assert pair.other_claim == ifri and pair.other_text == IFRI_PERU
    with corpus_store.action("reject", "editor") as action:
        reject_suggestion(action, pair)
    (link,) = list_links(corpus_store.db, claim=werra)
    assert link["state"] == "rejected"  # a claim pair's rejection is a rejected link
    assert not [s for s in passage_suggestions(corpus_store) if s.claim == werra and s.other_claim == ifri]


def test_stored_suggestions_best_first_and_filtered(corpus_store):
    a = add(corpus_store, "werra-faure-2021", WERRA_80)
    b = add(corpus_store, "ifri-pyatakov-2020", IFRI_80)
    suggest_links(corpus_store, "matcher")
    queue, total = suggested_links(corpus_store.db)
    assert total == 1 and (queue[0].claim, queue[0].other_claim) == (a, b) and queue[0].score >= 90
    flt = parse_filter(corpus_store.db, "status:verified")
    assert suggested_links(corpus_store.db, flt) == ([], 0)
    add(corpus_store, "werra-faure-2021", WERRA_PERU, status="verified")
    # A filter most claims pass (read through the score index) and a narrow one
    # (read from the claims that pass) find the same suggestion.
    for text in ("status:unreviewed", "report:ifri-pyatakov-2020"):
        found, total = suggested_links(corpus_store.db, parse_filter(corpus_store.db, text))
        assert total == 1 and [(s.claim, s.other_claim) for s in found] == [(a, b)], text
    assert suggested_links(corpus_store.db, parse_filter(corpus_store.db, "status:verified")) == ([], 0)
    with corpus_store.action("confirm", "editor") as action:
        confirm_suggestion(action, queue[0])
    assert suggested_links(corpus_store.db) == ([], 0)
    assert list_links(corpus_store.db)[0]["state"] == "confirmed"


def test_a_suggestion_inside_one_cluster_is_left_out(corpus_store):
    a = add(corpus_store, "werra-faure-2021", WERRA_80)
    b = add(corpus_store, "ifri-pyatakov-2020", IFRI_80)
    c = add(corpus_store, "ifri-pyatakov-2020", "Venezuela accounted for 80% of all the Russian weapons and military equipment sold")
    with corpus_store.action("links", "editor") as action:
        add_link(action, a, b, "duplicate")
        add_link(action, b, c, "duplicate")
        add_link(action, a, c, "duplicate", state="suggested", scorer="test", score=99)
    assert suggested_links(corpus_store.db) == ([], 0)


def test_conflict_queue_and_the_support_behind_each_version(corpus_store):
    werra = add(corpus_store, "werra-faure-2021", WERRA_PERU)
    ifri = add(corpus_store, "ifri-pyatakov-2020", IFRI_PERU)
    suggest_links(corpus_store, "matcher")
    (conflict,), total = conflict_queue(corpus_store.db)
    assert total == 1
    assert [side["claim"] for side in conflict["sides"]] == [werra, ifri] and conflict["state"] == "open"
    support = version_support(corpus_store, ifri, check_claim(corpus_store, ifri))
    assert support["independent_reports"] == 1 and support["stating_reports"] == ["ifri-pyatakov-2020"]
    assert support["report"]["date"] == "2020-07"
    # Filtered out by report: neither claim is in the examples.
    assert conflict_queue(corpus_store.db, parse_filter(corpus_store.db, "status:false")) == ([], 0)
    assert conflict_queue(corpus_store.db, parse_filter(corpus_store.db, "reviewer:matcher"))[1] == 0
    with corpus_store.action("resolve", "editor") as action:
        resolve_conflict(action, conflict["id"], ifri, "Ifri cites a source")
    (resolved,), _ = conflict_queue(corpus_store.db, parse_filter(corpus_store.db, "reviewer:editor"))
    assert resolved["state"] == "resolved" and resolved["kept"] == ifri


def test_werra_repeating_ifri_is_one_source_and_the_cluster_starts_with_ifri(corpus_store):
    a = add(corpus_store, "werra-faure-2021", WERRA_80)
    b = add(corpus_store, "ifri-pyatakov-2020", IFRI_80)
    suggest_links(corpus_store, "matcher")
    with corpus_store.action("confirm", "editor") as action:
        confirm_suggestion(action, suggested_links(corpus_store.db)[0][0])
    (view,) = cluster_views(corpus_store.db)
    assert [x["report"] for x in view["appearances"]] == ["ifri-pyatakov-2020", "werra-faure-2021"]
    assert view["appearances"][0]["first"] and not view["appearances"][1]["first"]
    assert view["claims"] == [b, a]
    # Werra cites Ifri: one independent source, Werra drawn under Ifri.
    assert view["independent_reports"] == 1
    assert view["tree"] == [{"report": "ifri-pyatakov-2020", "children": [{"report": "werra-faure-2021", "children": []}]}]


def test_citation_tree_hangs_each_report_under_the_nearest_it_cites():
    graph = {"b": {"a"}, "c": {"a", "b"}, "d": {"x"}, "x": {"a"}}
    tree = citation_tree(["a", "b", "c", "d", "e"], graph)
    assert tree == [
        {"report": "a", "children": [
            {"report": "b", "children": [{"report": "c", "children": []}]},
            {"report": "d", "children": []},  # through x, which is not in the cluster
        ]},
        {"report": "e", "children": []},
    ]


def test_citation_tree_survives_a_citation_cycle():
    tree = citation_tree(["a", "b"], {"a": {"b"}, "b": {"a"}})
    assert tree and tree[0]["report"] == "a"


def test_filters_are_checked_against_the_store(corpus_store):
    werra = add(corpus_store, "werra-faure-2021", WERRA_PERU, entities=[("Peru", "place")], confidence=4)
    add(corpus_store, "ifri-pyatakov-2020", IFRI_PERU, confidence=2)
    db = corpus_store.db
    flt = parse_filter(db, "report:werra-faure-2021 entity:peru confidence:3 reviewer:annotator status:unreviewed")
    assert [c["id"] for c in claims_for_desk(db, flt)[0]] == [werra]
    assert parse_filter(db, flt.describe()) == flt  # what the desk shows reads back the same
    assert claims_for_desk(db, parse_filter(db, "confidence:5"))[1] == 0
    with pytest.raises(NotFoundError):
        parse_filter(db, "report:nope")
    with pytest.raises(ReviewError, match="key:value"):
        parse_filter(db, "colour:red")
    with pytest.raises(ReviewError, match="unknown status"):
        parse_filter(db, "status:maybe")
    with pytest.raises(ReviewError, match="cannot read"):
        parse_filter(db, 'entity:"unclosed')


def test_entity_lookalikes_find_transliterations(corpus_store):
    add(corpus_store, "werra-faure-2021", WERRA_PERU, entities=[("Piatakov", "person"), ("Peru", "place")])
    add(corpus_store, "ifri-pyatakov-2020", IFRI_PERU, entities=[("Pyatakov", "person")])
    pairs = entity_lookalikes(corpus_store.db)
    assert [{p["a"], p["b"]} for p in pairs] == [{"Piatakov", "Pyatakov"}]


def test_word_differences_on_the_corpus_pair():
    spans = word_differences(WERRA_80, IFRI_80)
    assert [WERRA_80[s:e] for s, e in spans.left] == ["arms"]
    assert [IFRI_80[s:e] for s, e in spans.right] == ["all the", "weapons"]
    assert word_differences("Peru’s army, 100 units.", "peru's Army 100 units").identical


words = st.lists(st.sampled_from(["Peru", "peru", "100", "units,", "nearly", "more", "than", "[bold]", "«", "—", "é"]), max_size=12)


@given(words, words)
def test_word_difference_spans_are_whole_words_in_order(left_words, right_words):
    left, right = " ".join(left_words), "  ".join(right_words)
    spans = word_differences(left, right)
    for text, found in ((left, spans.left), (right, spans.right)):
        previous_end = -1
        for start, end in found:
            assert previous_end < start < end <= len(text)
            assert text[start:end] == text[start:end].strip() and text[start:end]
            assert start == 0 or text[start - 1].isspace()
            assert end == len(text) or text[end].isspace()
            previous_end = end
    assert word_differences(left, left).identical


def test_review_command_says_what_waits_without_a_terminal(tmp_path, corpus):
    """`claimdesk review` in a pipe: what waits for review, as text or JSON."""
    import json
    import os
    import subprocess
    import sys

    db = str(tmp_path / "cli.db")

    def run(*args):
        process = subprocess.run([sys.executable, "-m", "claimdesk", "--db", db, *args], capture_output=True, text=True,
                                 timeout=120, env={**os.environ, "CLAIMDESK_REVIEWER": "ana"})
        assert process.returncode == 0, process.stderr
        return process.stdout

    run("import", str(corpus))
    run("claim", "add", "werra-faure-2021", "--quote", WERRA_PERU, "--entity", "Piatakov:person")
    run("claim", "add", "ifri-pyatakov-2020", "--quote", IFRI_PERU, "--entity", "Pyatakov:person")
    run("suggest")
    waiting = json.loads(run("review", "--json"))
    assert waiting == {"suggestions": 0, "open_conflicts": 1, "resolved_conflicts": 0, "clusters": 0,
                       "entity_lookalikes": [["Piatakov", "Pyatakov"]]}
    assert "1 open conflict(s)" in run("review")


def test_a_claims_history_says_what_each_change_did(corpus_store):
    from claimdesk.store.claims import set_claim
    from claimdesk.store.undo import claim_history
    from claimdesk.textviews import describe_change

    claim = add(corpus_store, "werra-faure-2021", WERRA_PERU)
    with corpus_store.action("tag and rate", "editor") as action:
        set_claim(action, claim, confidence=4, add_entities=[("Peru", "place")])
    described = [(change["reviewer"], describe_change(change)) for change in claim_history(corpus_store.db, claim)]
    assert described[0] == ("annotator", "created")
    assert ("editor", "confidence: None → 4") in described
    assert ("editor", "tagged Peru") in described


def test_entity_lookalikes_by_typo_alias_and_not_by_a_shared_common_word(store):
    from claimdesk.store.entities import add_alias, ensure_entity

    with store.action("seed", "editor") as action:
        for name in ("Tomasz Kowalczyk", "T. Kowalcyk", "Harbour Institute", "Coastal Institute", "Andrés Quiñones"):
            ensure_entity(action, name, "person")
        ensure_entity(action, "Tidewater Policy Forum", "organization")
        ensure_entity(action, "Tidewater Forum", "organization")
        add_alias(action, "Andrés Quiñones", "A. Quinones")
        ensure_entity(action, "Andres Quinones", "person")
    pairs = {frozenset((p["a"], p["b"])) for p in entity_lookalikes(store.db)}
    assert frozenset(("Tomasz Kowalczyk", "T. Kowalcyk")) in pairs  # a typo in the surname
    assert frozenset(("Andrés Quiñones", "Andres Quinones")) in pairs  # accents
    assert frozenset(("Tidewater Policy Forum", "Tidewater Forum")) in pairs
    assert frozenset(("Harbour Institute", "Coastal Institute")) not in pairs  # "institute" alone proves nothing
