"""The command line, exactly as shared/cli-contract.md says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import pytest
from click.testing import CliRunner

from claimdesk.cli import cli, main


def run(args, env=None):
    """Run the real entry point in a subprocess: exit code, stdout, stderr.

    From a scratch folder: `python -m` puts the working folder on sys.path, and
    the repository's own folders must never shadow the installed package.
    """
    process = subprocess.run(
        [sys.executable, "-m", "claimdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "CLAIMDESK_REVIEWER": "tester", **(env or {})},
        timeout=120,
        cwd=tempfile.gettempdir(),
    )
    return process.returncode, process.stdout, process.stderr


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def test_import_json_shape(db, corpus):
    code, out, err = run(["--db", db, "import", str(corpus / "ifri-pyatakov-2020.txt"), str(corpus / "werra-faure-2021.md"), "--json"])
    assert code == 0, err
    items = json.loads(out)
    assert [i["id"] for i in items] == ["ifri-pyatakov-2020", "werra-faure-2021"]
    for item in items:
        assert {"id", "path", "title", "footnotes", "markers", "warnings"} <= set(item)
    assert items[0]["footnotes"] == 63 and items[0]["markers"] == 63
    assert items[1]["footnotes"] == 26 and items[1]["markers"] == 22


def test_reports_and_show_json(db, corpus):
    run(["--db", db, "import", str(corpus), "--json"])
    code, out, _ = run(["--db", db, "reports", "--json"])
    reports = {r["id"]: r for r in json.loads(out)}
    assert code == 0
    assert reports["ifri-pyatakov-2020"] == {
        "id": "ifri-pyatakov-2020",
        "title": "Russia and Latin America in the 21st Century: A Difficult Rapprochement",
        "authors": ["Andrey Pyatakov"],
        "date": "2020-07",
        "footnotes": 63,
        "claims": 0,
    }
    code, out, _ = run(["--db", db, "show", "werra-faure-2021", "--json"])
    document = json.loads(out)
    assert code == 0
    assert {"id", "title", "authors", "date", "format", "text", "sections", "footnotes", "orphan_footnotes", "warnings"} <= set(document)
    assert document["orphan_footnotes"] == [1, 2, 6, 7]
    note3 = document["footnotes"][2]
    assert note3["number"] == 3 and note3["kind"] == "ibid" and note3["resolves_to"] == 1
    assert note3["cites_report"] == "ifri-pyatakov-2020"
    assert note3["reference"]["authors"] == ["Andrei Piatakov"]
    for section in document["sections"]:
        assert {"title", "start", "end"} <= set(section)
    text = document["text"]
    for footnote in document["footnotes"]:
        assert set(footnote) >= {"number", "text", "marker_offsets", "kind", "resolves_to", "reference", "cites_report"}
        for offset in footnote["marker_offsets"]:
            assert 0 <= offset <= len(text)


def test_id_override_and_revision(db, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# Draft\n\nThe tax rose by 2%.\n", encoding="utf-8")
    code, out, _ = run(["--db", db, "import", str(path), "--id", "tax-2024", "--json"])
    assert code == 0 and json.loads(out)[0]["id"] == "tax-2024"
    path.write_text("# Draft\n\nThe tax rose by 3%.\n", encoding="utf-8")
    code, out, _ = run(["--db", db, "import", str(path), "--id", "tax-2024", "--json"])
    assert json.loads(out)[0]["status"] == "revised"


def test_db_from_environment(tmp_path, corpus):
    db = tmp_path / "env.db"
    code, _, _ = run(["import", str(corpus / "werra-faure-2021.md")], env={"CLAIMDESK_DB": str(db)})
    assert code == 0 and db.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["show", "no-such-report"], "no report 'no-such-report'"),
        (["import", "/no/such/file.txt"], "no such file or directory"),
        (["import", "{fixture}/../fixtures/../conftest.py"], "unsupported file type"),
    ],
)
def test_user_errors_are_one_line_and_exit_1(db, args, message):
    fixture_dir = os.path.join(os.path.dirname(__file__), "fixtures")
    args = [a.replace("{fixture}", fixture_dir) for a in args]
    code, out, err = run(["--db", db, *args])
    assert code == 1
    assert out == ""
    assert err.startswith("claimdesk: error:") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["frobnicate"], ["import"], ["show"], ["reports", "--bogus"]])
def test_wrong_usage_exits_2_with_one_line(db, args):
    code, _, err = run(["--db", db, *args])
    assert code == 2
    assert err.startswith("claimdesk: error:") and err.count("\n") == 1


def test_id_with_several_files_is_an_error(db, corpus):
    code, _, err = run(["--db", db, "import", str(corpus), "--id", "x"])
    assert code == 1 and "exactly one file" in err


def test_invalid_id(db, corpus):
    code, _, err = run(["--db", db, "import", str(corpus / "werra-faure-2021.md"), "--id", "Bad Id!"])
    assert code == 1 and "invalid report id" in err


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help or command.short_help, f"{name} has no help text"


def test_demo_imports_the_bundled_examples(tmp_path):
    code, out, err = run(["demo"], env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)})
    assert code == 0, err
    assert "harbour-institute-2022" in out and "coastal-review-2023" in out and "policy-brief-2024" in out
    assert (tmp_path / "claimdesk" / "demo.db").exists()
    assert "3 example claims marked" in out
    code, out, err = run(["demo"], env={"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)})
    assert code == 0 and "example claims" not in out  # a second run keeps the store as it is
    from claimdesk.suggestions import passage_suggestions
    from claimdesk.store.db import Store

    with Store(tmp_path / "claimdesk" / "demo.db") as store:
        found = {(s.other_report, s.relation) for s in passage_suggestions(store)}
    # The review desk opens on work to do: the nitrate claim repeated, the eel figure contradicted.
    assert ("coastal-review-2023", "duplicate") in found and ("coastal-review-2023", "conflict") in found


def test_main_never_shows_a_traceback_for_internal_errors(monkeypatch, capsys):
    import claimdesk.cli as module

    def explode(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(module, "list_reports", explode)
    monkeypatch.delenv("CLAIMDESK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", ":memory:", "reports"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("claimdesk: error: internal error") and "Traceback" not in err
