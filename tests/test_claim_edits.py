"""The store functions both shells call to put a claim right: redo, clearing a
confidence, attaching and detaching notes, removing a tag, one-typo entity names,
completion, a claim on the same words; and the command line that calls them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import pytest

from claimdesk.store.claims import ClaimError, add_claim, claim_document, claim_on_span, entity_suggestions_for, remove_claim, set_claim
from claimdesk.store.entities import complete_entity, ensure_entity, entities_one_edit_away, similar_entities
from claimdesk.store.undo import UndoError, redo_last, undo_last



def run(db, *args):
    process = subprocess.run([sys.executable, "-m", "claimdesk", "--db", db, *args], capture_output=True, text=True, timeout=120,
                             cwd=tempfile.gettempdir(), env={**os.environ, "CLAIMDESK_REVIEWER": "maria"})
    return process.returncode, process.stdout, process.stderr


def ok_json(db, *args):
    code, out, err = run(db, *args, "--json")
    assert code == 0, err
    return json.loads(out)

REPORT = "werra-faure-2021"
PERU = "the Peruvian military apparatus would count nearly 100 units"


def new_claim(store, quote=PERU, reviewer="tester", **kwargs) -> int:
    with store.action("add claim", reviewer) as action:
        return add_claim(action, REPORT, quote, **kwargs)


def change(store, claim_id, reviewer="tester", **kwargs) -> None:
    with store.action("set claim", reviewer) as action:
        set_claim(action, claim_id, **kwargs)


def doc(store, claim_id):
    return claim_document(store.db, claim_id, include_removed=True)


def test_redo_puts_back_what_undo_took_in_reverse_order(corpus_store):
    claim_id = new_claim(corpus_store)
    change(corpus_store, claim_id, status="verified")
    change(corpus_store, claim_id, confidence=4)
    undo_last(corpus_store, "tester")
    undo_last(corpus_store, "tester")
    assert (doc(corpus_store, claim_id)["status"], doc(corpus_store, claim_id)["confidence"]) == ("unreviewed", None)
    assert redo_last(corpus_store, "tester")["action"] == "set claim"
    assert (doc(corpus_store, claim_id)["status"], doc(corpus_store, claim_id)["confidence"]) == ("verified", None)
    redo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["confidence"] == 4
    with pytest.raises(UndoError, match="nothing to redo"):
        redo_last(corpus_store, "tester")
    # A redo is undone like any change, and redone again.
    undo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["confidence"] is None
    redo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["confidence"] == 4


def test_a_new_change_ends_what_can_be_redone(corpus_store):
    claim_id = new_claim(corpus_store)
    change(corpus_store, claim_id, status="verified")
    undo_last(corpus_store, "tester")
    change(corpus_store, claim_id, note="a new thought")
    with pytest.raises(UndoError, match="nothing to redo"):
        redo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["status"] == "unreviewed"


def test_redo_of_a_removal_and_of_another_reviewer(corpus_store):
    claim_id = new_claim(corpus_store)
    with corpus_store.action("remove claim", "tester") as action:
        remove_claim(action, claim_id)
    undo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["removed"] is False
    with pytest.raises(UndoError):
        redo_last(corpus_store, "someone-else")  # only one's own undos
    other = new_claim(corpus_store, "Venezuela accounted for 80% of Russian arms", reviewer="someone-else")
    change(corpus_store, other, note="meanwhile", reviewer="someone-else")  # another's work ends no redo of mine
    redo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["removed"] is True


def test_redo_refuses_to_overwrite_a_later_change(corpus_store):
    claim_id = new_claim(corpus_store)
    change(corpus_store, claim_id, status="verified")
    undo_last(corpus_store, "tester")
    change(corpus_store, claim_id, status="false", reviewer="colleague")
    with pytest.raises(UndoError, match="redo refused"):
        redo_last(corpus_store, "tester")
    assert doc(corpus_store, claim_id)["status"] == "false"


def test_remove_claim_checks_the_version(corpus_store):
    claim_id = new_claim(corpus_store)
    change(corpus_store, claim_id, status="verified", reviewer="colleague")
    with pytest.raises(ClaimError, match="reload it"):
        with corpus_store.action("remove claim", "tester") as action:
            remove_claim(action, claim_id, expect_version=1)
    assert doc(corpus_store, claim_id)["removed"] is False


def test_clear_confidence(corpus_store):
    claim_id = new_claim(corpus_store, confidence=3)
    change(corpus_store, claim_id, clear_confidence=True)
    assert doc(corpus_store, claim_id)["confidence"] is None
    with pytest.raises(ClaimError, match="not both"):
        change(corpus_store, claim_id, clear_confidence=True, confidence=2)


def test_attach_and_detach_notes(corpus_store):
    claim_id = new_claim(corpus_store)
    change(corpus_store, claim_id, attach=[9, 8])
    assert doc(corpus_store, claim_id)["citations"] == [8, 9]
    change(corpus_store, claim_id, detach=[9])
    assert doc(corpus_store, claim_id)["citations"] == [8]
    with pytest.raises(ClaimError, match="has no footnote 99"):
        change(corpus_store, claim_id, attach=[99])
    with pytest.raises(ClaimError, match="does not cite footnote 9"):
        change(corpus_store, claim_id, detach=[9])
    assert doc(corpus_store, claim_id)["citations"] == [8]  # a refused change leaves it as it was


def test_removing_a_tag_the_claim_does_not_carry_is_refused(corpus_store):
    claim_id = new_claim(corpus_store, entities=[("Peru", "place")])
    with corpus_store.action("add entity", "tester") as action:
        ensure_entity(action, "Chile", "place")
    with pytest.raises(ClaimError, match="not tagged with 'Chile'"):
        change(corpus_store, claim_id, remove_entities=["Chile"])
    change(corpus_store, claim_id, remove_entities=["peru"])
    assert doc(corpus_store, claim_id)["entities"] == []


def test_claim_on_span(corpus_store):
    claim_id = new_claim(corpus_store)
    claim = doc(corpus_store, claim_id)
    assert claim_on_span(corpus_store.db, REPORT, claim["start"], claim["end"]) == claim_id
    assert claim_on_span(corpus_store.db, REPORT, claim["start"], claim["end"] - 1) is None
    with corpus_store.action("remove claim", "tester") as action:
        remove_claim(action, claim_id)
    assert claim_on_span(corpus_store.db, REPORT, claim["start"], claim["end"]) is None


def test_entities_one_edit_away(corpus_store):
    with corpus_store.action("entities", "tester") as action:
        for name, kind in (("Peru", "place"), ("Andrey Pyatakov", "person"), ("USSR", "place")):
            ensure_entity(action, name, kind)
    db = corpus_store.db
    assert [e["name"] for e in entities_one_edit_away(db, "Peur")] == ["Peru"]  # a swap is one edit
    assert [e["name"] for e in entities_one_edit_away(db, "perv")] == ["Peru"]
    assert [e["name"] for e in entities_one_edit_away(db, "Andrey Pyatakova")] == ["Andrey Pyatakov"]
    assert entities_one_edit_away(db, "Peru") == []  # itself
    assert entities_one_edit_away(db, "Pero Pyatakov") == []
    assert entities_one_edit_away(db, "Brazil") == []
    # The fuzzy look-alikes miss short typos; the suggestions the CLI prints include them now.
    assert "Peru" in [e["name"] for e in similar_entities(db, "Perv")]
    assert entity_suggestions_for(db, [("Perv", None)])[0]["suggestion"] == "Peru"


def test_complete_entity():
    names = ["Andrey Pyatakov", "Andorra", "Peru", "Piatakov", "Peru"]
    assert complete_entity("and", names) == ["Andrey Pyatakov", "Andorra"]
    assert complete_entity("pyat", names) == ["Andrey Pyatakov"]
    assert complete_entity("Peru", names) == []  # complete already
    assert complete_entity("", names) == []
    assert complete_entity("Peru:pl", names) == ["Peru:place"]
    assert complete_entity("Peru:", names) == [f"Peru:{t}" for t in ("person", "organization", "place", "event", "other")]


def test_command_line_redo_attach_detach_clear(tmp_path, corpus):
    db = str(tmp_path / "cli.db")
    assert run(db, "import", str(corpus))[0] == 0
    claim = ok_json(db, "claim", "add", REPORT, "--quote", PERU, "--confidence", "3")
    claim_id = str(claim["id"])
    assert ok_json(db, "claim", "set", claim_id, "--attach", "8", "--attach", "9")["citations"] == [8, 9]
    assert ok_json(db, "claim", "set", claim_id, "--detach", "9", "--clear-confidence")["citations"] == [8]
    assert ok_json(db, "claim", "show", claim_id)["confidence"] is None
    code, _, err = run(db, "claim", "set", claim_id, "--attach", "99")
    assert code == 1 and err.startswith("claimdesk: error:") and "no footnote 99" in err
    assert ok_json(db, "undo")["undone"]
    assert ok_json(db, "claim", "show", claim_id)["confidence"] == 3
    redone = ok_json(db, "redo")
    assert redone["action"] == "set claim" and ok_json(db, "claim", "show", claim_id)["confidence"] is None
    code, _, err = run(db, "redo")
    assert code == 1 and "nothing to redo" in err
    code, out, _ = run(db, "claim", "set", claim_id, "--entity", "Peru:place")
    code, out, _ = run(db, "claim", "set", claim_id, "--entity", "Perv")
    assert code == 0 and "'Perv' resembles 'Peru'" in out
