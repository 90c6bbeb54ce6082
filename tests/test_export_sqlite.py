"""The SQLite register: normalised, searchable, faithful to the store, served by Datasette."""

from __future__ import annotations

import json
import sqlite3

import pytest

from claimdesk.exporting import ExportError, export_register
from claimdesk.exports.register import Filters
from claimdesk.library import import_paths
from claimdesk.store.claims import add_claim, list_claims
from claimdesk.store.db import Store
from claimdesk.store.links import add_link

HOSTILE = "Fees | rose *5%* <script>alert(1)</script> [link](http://x) & `code`."


@pytest.fixture
def store(tmp_path, corpus):
    hostile = tmp_path / "hostile.html"
    # HTML keeps Markdown characters literally, and &lt;script&gt; becomes the text "<script>".
    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    hostile.write_text(f"<h1>Hostile</h1><p>{escaped}</p>", encoding="utf-8")
    with Store(tmp_path / "s.db") as opened:
        import_paths(opened, [corpus, hostile])
        with opened.action("seed", "tester") as action:
            a = add_claim(action, "werra-faure-2021", "Venezuela accounted for 80% of Russian arms and military equipment exports to Latin America",
                          entities=[("Venezuela", "place")], confidence=4, status="verified", note="matches Ifri")
            b = add_claim(action, "ifri-pyatakov-2020", "Venezuela accounted for 80% of all the Russian weapons and military equipment sold to LAC",
                          entities=[("Venezuela", "place")], confidence=5, status="verified")
            add_claim(action, "hostile", HOSTILE, note="[^1] **bold** <b>x</b>")
            c = add_claim(action, "werra-faure-2021", "the Peruvian military apparatus would count nearly 100 units", confidence=2, status="disputed")
            d = add_claim(action, "ifri-pyatakov-2020", "the Andean country possesses more than 100 civil and military helicopters")
            add_link(action, a, b, "duplicate")
            add_link(action, c, d, "conflict")
        yield opened


def test_sqlite_register_matches_the_store(store, tmp_path):
    target = tmp_path / "out" / "register.db"
    target.parent.mkdir()
    result = export_register(store, {"sqlite": target})
    assert result["claims"] == 5
    conn = sqlite3.connect(target)
    conn.row_factory = sqlite3.Row
    rows = {row["id"]: dict(row) for row in conn.execute("SELECT * FROM claims")}
    for claim in list_claims(store.db):
        row = rows[claim["id"]]
        assert (row["report_id"], row["start"], row["end"], row["quote"], row["status"], row["confidence"], row["note"]) == (
            claim["report"], claim["start"], claim["end"], claim["quote"], claim["status"], claim["confidence"], claim["note"])
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {tuple(r)[2] for r in conn.execute("PRAGMA foreign_key_list(claims)")}
    assert "reports" in fks
    hits = conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'Venezuela'").fetchall()
    assert len(hits) == 2
    view = conn.execute("SELECT * FROM claim_register WHERE claim = ?", [1]).fetchone()
    assert view["entities"] == "Venezuela" and view["status"] == "verified"
    assert conn.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1
    assert conn.execute("SELECT state FROM conflicts").fetchone()[0] == "open"
    werra_note = conn.execute("SELECT * FROM footnotes WHERE id = 'werra-faure-2021#3'").fetchone()
    assert werra_note["kind"] == "ibid" and werra_note["resolves_to"] == "1" and werra_note["cites_report"] == "ifri-pyatakov-2020"
    assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] > 0
    metadata = json.loads((tmp_path / "out" / "register.db.metadata.json").read_text())
    assert metadata["databases"]["register"]["tables"]["claims"]["title"] == "Claims"


def test_filters(store, tmp_path):
    export_register(store, {"sqlite": tmp_path / "f.db"}, Filters(statuses=("verified",), min_confidence=5))
    conn = sqlite3.connect(tmp_path / "f.db")
    assert [r[0] for r in conn.execute("SELECT report_id FROM claims")] == ["ifri-pyatakov-2020"]
    export_register(store, {"sqlite": tmp_path / "g.db"}, Filters(entities=("venezuela",), reports=("werra-faure-2021",)))
    assert sqlite3.connect(tmp_path / "g.db").execute("SELECT count(*) FROM claims").fetchone()[0] == 1


def test_a_failed_export_leaves_no_file(store, tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        export_register(store, {"sqlite": tmp_path / "missing-folder" / "x.db"})
    assert not (tmp_path / "missing-folder").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


async def test_datasette_serves_and_queries_the_register(store, tmp_path):
    from datasette.app import Datasette

    target = tmp_path / "register.db"
    export_register(store, {"sqlite": target})
    metadata = json.loads((tmp_path / "register.db.metadata.json").read_text())
    datasette = Datasette([str(target)], metadata=metadata)
    response = await datasette.client.get("/register/claim_register.json?_shape=array&status=verified")
    assert response.status_code == 200
    claims = response.json()
    assert {row["report"] for row in claims} == {
        "From the 2000s to the present: towards an intensification of the Russian presence in the Latin American military-industrial market",
        "Russia and Latin America in the 21st Century: A Difficult Rapprochement",
    }
    search = await datasette.client.get("/register/claims.json?_search=Venezuela&_shape=array")
    assert len(search.json()) == 2
    page = await datasette.client.get("/register/claims")
    assert page.status_code == 200 and "Claims" in page.text
