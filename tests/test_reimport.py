"""Re-importing a revised report: what happens to its claims, in the store, the
exports, the command line and the terminal UI.

The fixtures are one report and four revisions of it (tests/fixtures/reanchoring):
words changed, figures changed, a sentence deleted, a paragraph moved.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from claimdesk.exports.register import build_register
from claimdesk.library import import_paths, reanchoring_summary
from claimdesk.store.claims import add_claim, claim_document, set_claim
from claimdesk.store.db import Store
from claimdesk.store.undo import claim_history

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reanchoring"
claimreview_module = importlib.import_module("claimdesk.exports.claimreview")

# The claims made on andes.md: name -> (quote, status).
CLAIMS = {
    "sold": ("Russia sold 10 helicopters to Peru in 2019", "verified"),
    "units": ("would count nearly 100 units by 2030", "disputed"),
    "cost": ("The programme cost $19.1 billion over ten years.", "verified"),
    "share": ("Venezuela accounted for 80% of Russian arms sales to the region between 2001 and 2013.", "verified"),
    "ten": ("10 helicopters", "verified"),
    "slow": ("Deliveries were slow.", "unverifiable"),
}

# For each revision: the claims that need re-review (with the figures that changed)
# and the claims orphaned; every other claim is found exactly and keeps its verdict.
EXPECTED = {
    "words": {"review": {"units": []}, "orphaned": set()},
    "figures": {"review": {"units": [("100", "120")], "cost": [("19.1", "17.1")]}, "orphaned": set()},
    "deleted": {"review": {}, "orphaned": {"sold", "ten"}},
    "moved": {"review": {}, "orphaned": set()},
}


def seeded(tmp_path: Path) -> tuple[Store, Path, dict[str, int]]:
    report = tmp_path / "andes.md"
    shutil.copy(FIXTURES / "andes.md", report)
    store = Store(tmp_path / "store.db")
    import_paths(store, [report])
    ids = {}
    with store.action("seed", "ana") as action:
        for name, (quote, status) in CLAIMS.items():
            ids[name] = add_claim(action, "andes", quote, status=status, note=f"checked {name}")
    return store, report, ids


def revise(store: Store, report: Path, variant: str) -> dict:
    shutil.copy(FIXTURES / f"andes-{variant}.md", report)
    (item,) = import_paths(store, [report], reviewer="importer").imported
    assert item.outcome.status == "revised"
    return item.to_json()


@pytest.mark.parametrize("variant", sorted(EXPECTED))
def test_each_kind_of_revision(tmp_path, variant):
    store, report, ids = seeded(tmp_path)
    before = {name: claim_document(store.db, claim_id) for name, claim_id in ids.items()}
    document = revise(store, report, variant)
    text = store.db.execute("SELECT text FROM revisions WHERE report_id = 'andes' AND number = 2").fetchone()[0]
    expected = EXPECTED[variant]
    for name, claim_id in ids.items():
        claim = claim_document(store.db, claim_id)
        old_quote, old_status = CLAIMS[name]
        if name in expected["orphaned"]:
            # Kept where it was, with its words and verdict: never moved onto other text.
            assert (claim["anchor"], claim["status"], claim["quote"]) == ("orphaned", old_status, old_quote)
            assert (claim["start"], claim["revision"]) == (before[name]["start"], 1)
        elif name in expected["review"]:
            assert claim["status"] == "needs-review" and claim["anchor"] == "moved"
            assert text[claim["start"]:claim["end"]] == claim["quote"] != old_quote
            record = claim["anchor_record"]
            assert [(d["old"], d["new"]) for d in record["figures"]] == expected["review"][name]
            assert record["reviewed"] == {"status": old_status, "quote": old_quote, "confidence": None,
                                          "note": f"checked {name}", "revision": 1}
            assert claim["note"] == f"checked {name}"
        else:
            assert claim["status"] == old_status and claim["quote"] == old_quote
            assert text[claim["start"]:claim["end"]] == old_quote
            assert claim["anchor_record"]["exact"] is True and claim["revision"] == 2
    summary = document["reanchoring"]
    assert summary["needs_review"] == len(expected["review"]) and summary["orphaned"] == len(expected["orphaned"])
    assert summary["exact"] == len(CLAIMS) - len(expected["review"]) - len(expected["orphaned"])
    assert len(summary["claims"]) == len(CLAIMS)


def test_the_deleted_sentences_words_elsewhere_do_not_get_its_claim(tmp_path):
    """'10 helicopters' is also in the Brazil sentence; the claim must not move there."""
    store, report, ids = seeded(tmp_path)
    revise(store, report, "deleted")
    claim = claim_document(store.db, ids["ten"])
    assert claim["anchor"] == "orphaned"
    assert any("context does not agree" in reason for reason in claim["anchor_record"]["refused"])


def test_history_keeps_the_verdict_and_a_second_revision_keeps_what_was_reviewed(tmp_path):
    store, report, ids = seeded(tmp_path)
    revise(store, report, "words")
    history = claim_history(store.db, ids["units"])
    change = history[-1]
    assert change["action"] == "import" and change["reviewer"] == "importer"
    assert change["before"]["status"] == "disputed" and change["after"]["status"] == "needs-review"
    assert change["before"]["quote"] == CLAIMS["units"][0]
    # A third revision changes the figure too: the record still names what a person reviewed.
    report.write_text((FIXTURES / "andes-words.md").read_text(encoding="utf-8").replace("close to 100", "close to 120"), encoding="utf-8")
    import_paths(store, [report])
    claim = claim_document(store.db, ids["units"])
    assert claim["status"] == "needs-review" and claim["revision"] == 3
    assert claim["anchor_record"]["reviewed"]["status"] == "disputed"
    assert claim["anchor_record"]["reviewed"]["quote"] == CLAIMS["units"][0]
    assert claim["anchor_record"]["quote_before"] == "would count close to 100 units by 2030"
    assert [(d["old"], d["new"]) for d in claim["anchor_record"]["figures"]] == [("100", "120")]
    # Reviewed again: the verdict is a person's again.
    with store.action("review", "ana") as action:
        set_claim(action, ids["units"], status="verified")
    assert claim_document(store.db, ids["units"])["status"] == "verified"


def test_an_editor_holding_the_old_version_must_reload(tmp_path):
    store, report, ids = seeded(tmp_path)
    version = claim_document(store.db, ids["units"])["version"]
    revise(store, report, "figures")
    with pytest.raises(ValueError, match="reload it"):
        with store.action("set", "bob") as action:
            set_claim(action, ids["units"], status="verified", expect_version=version)
    # A claim found exactly is not disturbed.
    exact_version = claim_document(store.db, ids["share"])["version"]
    with store.action("set", "bob") as action:
        set_claim(action, ids["share"], note="fine", expect_version=exact_version)


def test_exports_never_publish_a_verdict_on_words_nobody_reviewed(tmp_path):
    store, report, ids = seeded(tmp_path)
    revise(store, report, "figures")
    register = build_register(store)
    reviews = claimreview_module.claim_reviews(register, {"name": "Desk"})["@graph"]
    reviewed_quotes = json.dumps(reviews, ensure_ascii=False)
    assert reviews and all(review["reviewRating"]["alternateName"] != "needs-review" for review in reviews)
    assert "17.1 billion" not in reviewed_quotes and "nearly 120" not in reviewed_quotes
    assert "Venezuela accounted for 80%" in reviewed_quotes  # found exactly: still published
    from claimdesk.exports.markdown import write_markdown

    write_markdown(register, tmp_path / "register.md")
    markdown = (tmp_path / "register.md").read_text(encoding="utf-8")
    assert "| Claims needs-review | 2 |" in markdown and markdown.count("**Status:** needs\\-review") == 2


def test_import_text_output_and_json(tmp_path):
    db = str(tmp_path / "cli.db")
    report = tmp_path / "andes.md"
    shutil.copy(FIXTURES / "andes.md", report)
    assert run(["--db", db, "import", str(report)])[0] == 0
    for name, (quote, status) in CLAIMS.items():
        code, _out, err = run(["--db", db, "claim", "add", "andes", "--quote", quote, "--status", status])
        assert code == 0, err
    shutil.copy(FIXTURES / "andes-figures.md", report)
    code, out, err = run(["--db", db, "import", str(report)])
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("andes: revised (revision 2)")
    assert lines[1] == "  claims: 4 re-anchored exactly, 2 moved by fuzzy match (needs re-review), 0 orphaned"
    assert any(line.startswith("    #2 needs re-review (fuzzy") and "was disputed" in line and "figures 100 → 120" in line for line in lines)
    assert any(line.startswith("    #3 needs re-review") and "figures 19.1 → 17.1" in line for line in lines)
    shutil.copy(FIXTURES / "andes-deleted.md", report)
    code, out, _err = run(["--db", db, "import", str(report), "--json"])
    (item,) = json.loads(out)
    assert {"id", "path", "title", "footnotes", "markers", "warnings"} <= set(item)  # the contract's keys stay
    reanchoring = item["reanchoring"]
    assert (reanchoring["orphaned"], len(reanchoring["claims"])) == (2, 6)
    orphans = [c for c in reanchoring["claims"] if c["anchor"] == "orphaned"]
    assert {c["quote"] for c in orphans} == {CLAIMS["sold"][0], CLAIMS["ten"][0]}
    code, out, _err = run(["--db", db, "claims", "--json"])
    claims = {c["id"]: c for c in json.loads(out)}
    # Claim 2 went back from "nearly 120" to "nearly 100" (the deleted revision is made
    # from the first one): still waiting for review, still naming what was reviewed.
    assert claims[2]["status"] == "needs-review" and claims[2]["quote"] == CLAIMS["units"][0]
    assert claims[2]["anchor_record"]["reviewed"]["status"] == "disputed"
    code, out, _err = run(["--db", db, "claims", "--report", "andes"])
    assert "needs-review" in out
    # needs-review is a status like the others: a person can set it, and filter on it.
    code, _out, err = run(["--db", db, "claim", "set", "1", "--status", "needs-review"])
    assert code == 0, err


def test_a_real_report_revised(tmp_path, corpus):
    """The Ifri report, its claims, and an edited copy of it re-imported."""
    report = tmp_path / "ifri.txt"
    original = (corpus / "ifri-pyatakov-2020.txt").read_text(encoding="utf-8")
    report.write_text(original, encoding="utf-8")
    store = Store(tmp_path / "ifri.db")
    import_paths(store, [report])
    text = store.db.execute("SELECT text FROM revisions WHERE report_id = 'ifri' AND number = 1").fetchone()[0]
    sentences = [text[s:e] for s, e in store.db.execute('SELECT start, "end" FROM sentences ORDER BY ordinal').fetchall()]
    long_ones = [s for s in sentences if 80 < len(s) < 300 and text.count(s) == 1 and "\n" not in s and s in original]
    with_figure = next(s for s in long_ones if any(w.isdigit() and len(w) == 4 for w in s.split()))
    year = next(w for w in with_figure.split() if w.isdigit() and len(w) == 4)
    reworded = next(s for s in long_ones if " the " in s and s != with_figure)
    deleted = next(s for s in long_ones if s not in (with_figure, reworded) and not any(c.isdigit() for c in s))
    kept = [s for s in long_ones if s not in (with_figure, reworded, deleted)][5:10]
    ids = {}
    with store.action("seed", "ana") as action:
        for name, quote in [("figure", with_figure), ("reworded", reworded), ("deleted", deleted)] + [(f"kept{i}", s) for i, s in enumerate(kept)]:
            ids[name] = add_claim(action, "ifri", quote, status="verified")
    edited = (
        "A new preface, added in the revision, that says nothing the claims rest on.\n\n"
        + original.replace(with_figure, with_figure.replace(year, str(int(year) + 1), 1))
        .replace(reworded, reworded.replace(" the ", " this ", 1))
        .replace(deleted, "")
    )
    report.write_text(edited, encoding="utf-8")
    (item,) = import_paths(store, [report]).imported
    claims = {name: claim_document(store.db, claim_id) for name, claim_id in ids.items()}
    new_text = store.db.execute("SELECT text FROM revisions WHERE report_id = 'ifri' AND number = 2").fetchone()[0]
    assert claims["figure"]["status"] == "needs-review"
    assert {"old": year, "new": str(int(year) + 1)} in [{k: d[k] for k in ("old", "new")} for d in claims["figure"]["anchor_record"]["figures"]]
    assert claims["reworded"]["status"] == "needs-review" and " this " in claims["reworded"]["quote"]
    assert claims["reworded"]["anchor_record"]["figures"] == []
    assert claims["deleted"]["anchor"] == "orphaned" and claims["deleted"]["status"] == "verified"
    for i in range(len(kept)):
        claim = claims[f"kept{i}"]
        assert claim["status"] == "verified" and new_text[claim["start"]:claim["end"]] == kept[i]
    summary = reanchoring_summary(item.to_json()["reanchoring"])
    assert summary.startswith(f"claims: {len(kept)} re-anchored exactly") and summary.endswith("1 orphaned")


def test_migration_keeps_every_claim_and_what_points_at_it(tmp_path, older_store):
    """A store made before needs-review (schema 0005) is rebuilt without losing a row."""
    path = tmp_path / "filled.db"
    db = older_store(path, 5)
    db.execute("INSERT INTO reports VALUES ('r', 1, 'now', 'now')")
    for claim_id in (1, 2):
        db.execute(
            "INSERT INTO claims (id, report_id, revision, start, \"end\", quote, reviewer, created, updated, status) "
            "VALUES (?, 'r', 1, 0, 4, 'text', 'ana', 'now', 'now', 'disputed')", [claim_id])
    db.execute("INSERT INTO claim_citations VALUES (1, '3', 'auto')")
    db.execute("INSERT INTO links (claim_a, claim_b, kind, state, scorer, created_by, created) VALUES (1, 2, 'conflict', 'suggested', 's', 'ana', 'now')")
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:
        rows = store.db.execute("SELECT id, status, anchor_record FROM claims ORDER BY id").fetchall()
        assert rows == [(1, "disputed", None), (2, "disputed", None)]
        assert store.db.execute("SELECT count(*) FROM claim_citations").fetchone()[0] == 1
        assert store.db.execute("SELECT count(*) FROM links").fetchone()[0] == 1
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.db.execute("SELECT name FROM sqlite_master WHERE name = 'claims_report'").fetchone()
        store.db.execute("UPDATE claims SET status = 'needs-review' WHERE id = 1")
        with pytest.raises(Exception, match="FOREIGN KEY"):
            store.db.execute("DELETE FROM claims WHERE id = 2")


async def test_the_reader_shows_a_claim_that_needs_review_beside_its_old_verdict(tmp_path):
    from claimdesk.tui.app import ClaimdeskApp
    from claimdesk.tui.widgets.report_view import ReportView

    store, report, ids = seeded(tmp_path)
    revise(store, report, "figures")
    claim = claim_document(store.db, ids["units"])
    store.close()
    app = ClaimdeskApp(str(tmp_path / "store.db"), "tester", report="andes")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ReportView)
        view.cursor = claim["start"] + 1
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "nearly 120 units" in rows
        panel = str(app.screen.query_one("#panel-claim").render())
        assert "needs-review" in panel and "Was disputed" in panel
        assert CLAIMS["units"][0] in panel and "100 → 120" in panel


def run(args: list[str]) -> tuple[int, str, str]:
    """The real entry point in a subprocess (from a scratch folder, so the repository never shadows the package)."""
    process = subprocess.run(
        [sys.executable, "-m", "claimdesk", *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, "CLAIMDESK_REVIEWER": "tester"}, cwd=tempfile.gettempdir(),
    )
    return process.returncode, process.stdout, process.stderr
