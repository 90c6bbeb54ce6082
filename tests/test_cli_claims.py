"""The claim, entity, link and conflict commands of the contract, through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import pytest

WERRA_PERU = "A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 units"
IFRI_PERU = "the Andean country possesses more than 100 civil and military helicopters"


def run(db, *args):
    process = subprocess.run(
        [sys.executable, "-m", "claimdesk", "--db", db, *args],
        capture_output=True, text=True, timeout=120, cwd=tempfile.gettempdir(),
        env={**os.environ, "CLAIMDESK_REVIEWER": "maria"},
    )
    return process.returncode, process.stdout, process.stderr


def ok_json(db, *args):
    code, out, err = run(db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus):
    path = str(tmp_path_factory.mktemp("cli") / "claims.db")
    code, _, err = run(path, "import", str(corpus))
    assert code == 0, err
    return path


def test_claim_add_set_claims_rm_undo(db):
    claim = ok_json(db, "claim", "add", "werra-faure-2021", "--quote", WERRA_PERU, "--entity", "Peru:place", "--confidence", "3")
    assert claim["report"] == "werra-faure-2021" and claim["quote"] == WERRA_PERU
    assert claim["entities"] == [{"name": "Peru", "type": "place"}] and claim["confidence"] == 3
    assert claim["status"] == "unreviewed" and claim["reviewer"] == "maria"
    changed = ok_json(db, "claim", "set", str(claim["id"]), "--status", "disputed", "--note", "Ifri says more than 100", "--confidence", "solid")
    assert (changed["status"], changed["note"], changed["confidence"]) == ("disputed", "Ifri says more than 100", 4)
    listed = ok_json(db, "claims", "--report", "werra-faure-2021")
    assert claim["id"] in [c["id"] for c in listed]
    code, _, _ = run(db, "claim", "rm", str(claim["id"]))
    assert code == 0 and claim["id"] not in [c["id"] for c in ok_json(db, "claims")]
    ok_json(db, "undo")
    assert claim["id"] in [c["id"] for c in ok_json(db, "claims")]


@pytest.mark.parametrize(
    "args, message",
    [
        (["claim", "add", "werra-faure-2021", "--quote", "words that are nowhere"], "not in the report"),
        (["claim", "add", "nope", "--quote", "x"], "no report 'nope'"),
        (["claim", "add", "werra-faure-2021", "--quote", WERRA_PERU, "--confidence", "9"], "confidence must be 1-5"),
        (["claim", "set", "999999", "--status", "verified"], "no claim 999999"),
        (["claim", "check", "999999"], "no claim 999999"),
        (["conflict", "resolve", "999999", "--keep", "1", "--note", "x"], "no link 999999"),
    ],
)
def test_bad_claim_input_is_one_line_exit_1_and_changes_nothing(db, args, message):
    before = ok_json(db, "claims")
    code, out, err = run(db, *args)
    assert code == 1 and out == "" and err.startswith("claimdesk: error:") and err.count("\n") == 1
    assert message in err
    assert ok_json(db, "claims") == before


def test_unknown_status_is_wrong_usage(db):
    code, _, err = run(db, "claim", "add", "werra-faure-2021", "--quote", WERRA_PERU, "--status", "maybe")
    assert code == 2 and err.startswith("claimdesk: error:")


def test_similar_json(db):
    results = ok_json(db, "similar", "Venezuela accounted for 80% of Russian arms exports", "--limit", "3", "--exclude-report", "werra-faure-2021")
    assert len(results) == 3 and {"report", "start", "end", "text", "score"} == set(results[0])
    assert results[0]["report"] == "ifri-pyatakov-2020" and "80%" in results[0]["text"]


def test_check_link_conflict_resolve(db):
    werra = ok_json(db, "claim", "add", "werra-faure-2021", "--quote", WERRA_PERU)
    ifri = ok_json(db, "claim", "add", "ifri-pyatakov-2020", "--quote", IFRI_PERU)
    check = ok_json(db, "claim", "check", str(werra["id"]))
    assert {"claim", "matches", "citation_check", "quote_check"} <= set(check)
    assert any(m["relation"] == "conflict" and "more than 100" in m["text"] for m in check["matches"])
    link = ok_json(db, "link", "add", str(werra["id"]), str(ifri["id"]), "--kind", "conflict")
    assert link["state"] == "confirmed" and sorted(link["claims"]) == sorted([werra["id"], ifri["id"]])
    conflicts = ok_json(db, "conflicts")
    (conflict,) = [c for c in conflicts if c["id"] == link["id"]]
    assert conflict["state"] == "open"
    code, _, err = run(db, "conflict", "resolve", str(link["id"]), "--keep", str(ifri["id"]), "--note", "Ifri cites TASS")
    assert code == 0, err
    (conflict,) = [c for c in ok_json(db, "conflicts") if c["id"] == link["id"]]
    assert conflict["state"] == "resolved" and conflict["kept"] == ifri["id"] and conflict["note"] == "Ifri cites TASS"
    assert ok_json(db, "claim", "show", str(werra["id"]))["status"] == "disputed"
    links = ok_json(db, "links")
    assert any(l["id"] == link["id"] for l in links)


def test_entities_commands(db):
    code, out, _ = run(db, "entity", "add", "Andrey Pyatakov", "--type", "person")
    assert code == 0
    suggestions = ok_json(db, "entity", "suggest", "Piatakov")
    assert suggestions[0]["name"] == "Andrey Pyatakov"
    assert run(db, "entity", "alias", "Andrey Pyatakov", "Piatakov")[0] == 0
    entities = ok_json(db, "entities")
    (entity,) = [e for e in entities if e["name"] == "Andrey Pyatakov"]
    assert "Piatakov" in entity["aliases"]
