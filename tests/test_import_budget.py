"""The import budget: a parse past its time or memory limit is stopped in one line, and
nothing is saved (issue 11). The limits here are set far below what any parse needs,
so that the stop is certain on any machine: no assertion depends on how fast it is."""

from __future__ import annotations

import pytest

from claimdesk.library import import_paths
from claimdesk.sources.budget import MEMORY_VARIABLE, SECONDS_VARIABLE, BudgetLimits, budget_limits
from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import parse_report
from claimdesk.isolated_parse import ParseWorker, parse_isolated
from claimdesk.store.db import Store

MB = 1024 * 1024


def assert_stopped(code: int, err: str, *words: str) -> None:
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith("claimdesk: error: "), err
    assert "import stopped after" in err and "nothing was saved" in err and "internal error" not in err, err
    for word in words:
        assert word in err, err


def reports_in(path) -> list[str]:
    with Store(path) as store:
        return [row[0] for row in store.db.execute("SELECT id FROM reports")]


@pytest.fixture
def ifri_file(corpus):
    return corpus / "ifri-pyatakov-2020.txt"


def test_a_parse_past_its_time_limit_is_stopped_and_nothing_is_saved(tmp_path, corpus, ifri_file, run_cli):
    path = str(tmp_path / "s.db")
    assert run_cli("--db", path, "import", str(corpus / "werra-faure-2021.md"))[0] == 0
    code, out, err = run_cli("--db", path, "import", "--time-limit", "0.001", str(ifri_file))
    assert_stopped(code, err, str(ifri_file), "limit 0.001 s", "--time-limit")
    assert out == ""
    assert reports_in(path) == ["werra-faure-2021"]


def test_a_parse_past_its_memory_limit_is_stopped_and_nothing_is_saved(tmp_path, ifri_file, run_cli):
    path = str(tmp_path / "s.db")
    code, _, err = run_cli("--db", path, "import", "--memory-limit", "20", str(ifri_file))  # less than an interpreter
    assert_stopped(code, err, "limit 20 MB of memory", "--memory-limit")
    assert reports_in(path) == []


def test_memory_that_runs_out_in_the_middle_of_a_parse_is_one_clear_line(tmp_path, run_cli):
    """1 MB of "[^" read as Org takes about 380 MB: at 100 MB the parse fails half-way, and the
    reply must still be written (the failed parse's frames held the memory the reply needed)."""
    hostile = tmp_path / "brackets.org"
    hostile.write_text("#+TITLE: Brackets\n\nPort fees rose.\n\n" + "[^" * 500_000 + "\n")
    path = str(tmp_path / "s.db")
    code, _, err = run_cli("--db", path, "import", "--memory-limit", "100", str(hostile))
    assert_stopped(code, err, "limit 100 MB of memory")
    assert "crashed" not in err and "ended" not in err
    assert reports_in(path) == []


def test_the_environment_sets_the_limits_for_the_terminal_ui_too(tmp_path, ifri_file, monkeypatch, store):
    """The terminal UI imports through import_paths, as the command line does: the same budget."""
    monkeypatch.setenv(SECONDS_VARIABLE, "0.001")
    with pytest.raises(SourceError, match=r"import stopped after .*\(limit 0\.001 s"):
        import_paths(store, [ifri_file])
    monkeypatch.setenv(SECONDS_VARIABLE, "60")
    monkeypatch.setenv(MEMORY_VARIABLE, "20")
    with pytest.raises(SourceError, match="limit 20 MB of memory"):
        import_paths(store, [ifri_file])
    assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 0


def test_a_file_inside_a_folder_that_is_stopped_is_skipped_and_listed(tmp_path, ifri_file, store, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "big.txt").write_bytes(ifri_file.read_bytes())
    monkeypatch.setenv(SECONDS_VARIABLE, "0.001")
    result = import_paths(store, [folder])
    assert result.imported == [] and len(result.skipped) == 1 and "import stopped after" in result.skipped[0]


def test_after_a_stopped_parse_the_next_file_imports(tmp_path, ifri_file, run_cli):
    path = str(tmp_path / "s.db")
    assert run_cli("--db", path, "import", "--time-limit", "0.001", str(ifri_file))[0] == 1
    code, out, err = run_cli("--db", path, "import", str(ifri_file))
    assert code == 0, err
    assert reports_in(path) == ["ifri-pyatakov-2020"]


def test_the_report_parsed_in_the_parsing_process_is_the_one_parsed_here(corpus):
    for name, fmt in (("ifri-pyatakov-2020.txt", "txt"), ("werra-faure-2021.md", "md")):
        data = (corpus / name).read_bytes()
        assert parse_isolated(data, fmt, BudgetLimits().for_size(len(data))) == parse_report(data, fmt)


def test_a_user_facing_error_from_the_parser_comes_back_as_it_is(tmp_path, run_cli):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    code, _, err = run_cli("--db", str(tmp_path / "s.db"), "import", str(binary))
    assert code == 1 and err.startswith(f"claimdesk: error: {binary}: this looks like a binary file"), err
    assert len(err.strip().splitlines()) == 1


def test_any_other_error_from_the_parser_keeps_its_type():
    worker = ParseWorker()
    try:
        with pytest.raises(KeyError) as raised:
            worker.parse(b"Some text.", "no-such-format", BudgetLimits().for_size(10))
        assert "in the parsing process" in "".join(raised.value.__notes__)
        assert worker.parse(b"Title\n\nSome text.\n", "txt", BudgetLimits().for_size(10)).text  # still serving
    finally:
        worker.close()


def test_the_default_budget_grows_with_the_file():
    budget = BudgetLimits().for_size(10 * MB)
    assert (budget.seconds, budget.memory_mb) == (80, 1024 + 640)
    assert (BudgetLimits().for_size(0).seconds, BudgetLimits().for_size(0).memory_mb) == (30, 1024)
    given = budget_limits(seconds=2.5, memory_mb=300).for_size(10 * MB)
    assert (given.seconds, given.memory_mb) == (2.5, 300)


@pytest.mark.parametrize("variable, raw", [(SECONDS_VARIABLE, "abc"), (SECONDS_VARIABLE, "0"), (SECONDS_VARIABLE, "nan"),
                                           (SECONDS_VARIABLE, "inf"), (MEMORY_VARIABLE, "1.5"), (MEMORY_VARIABLE, "-3")])
def test_a_bad_limit_in_the_environment_is_one_clear_error(monkeypatch, variable, raw):
    monkeypatch.setenv(variable, raw)
    with pytest.raises(SourceError, match=f"\\${variable} must be"):
        budget_limits()


@pytest.mark.parametrize("option, value", [("--time-limit", "0"), ("--time-limit", "soon"), ("--memory-limit", "0")])
def test_a_bad_limit_option_is_wrong_usage(tmp_path, ifri_file, run_cli, option, value):
    code, _, err = run_cli("--db", str(tmp_path / "s.db"), "import", option, value, str(ifri_file))
    assert code == 2 and err.startswith("claimdesk: error: ") and len(err.strip().splitlines()) == 1, err


def test_a_mostly_binary_markdown_file_is_refused_in_one_line_and_nothing_is_saved(tmp_path, run_cli):
    import random

    generator = random.Random(3)
    path = tmp_path / "notes.md"
    path.write_bytes(b"# Notes\n\nSome words.\n" * 4000 + bytes(generator.choice(b"\x00\x01\xff") for _ in range(300_000)))
    store = tmp_path / "s.db"
    code, _, err = run_cli("--db", str(store), "import", str(path))
    assert code == 1 and err.startswith(f"claimdesk: error: {path}: this looks like a binary file"), err
    assert len(err.strip().splitlines()) == 1 and "of its characters are control characters" in err
    assert not store.exists() or reports_in(store) == []
