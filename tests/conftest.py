"""Shared fixtures: the real corpus, the bundled examples, a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimdesk.sources.importer import parse_report
from claimdesk.store.db import Store

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_dir() -> Path:
    """The real reports: $CLAIMDESK_CORPUS, else ../shared/corpus beside the repository."""
    folder = Path(os.environ.get("CLAIMDESK_CORPUS") or REPO.parent / "shared" / "corpus")
    if not (folder / "ifri-pyatakov-2020.txt").is_file():
        raise RuntimeError(f"the corpus is missing: expected {folder}/ifri-pyatakov-2020.txt (set CLAIMDESK_CORPUS)")
    return folder


@pytest.fixture
def parse_fixture():
    """Import one of tests/fixtures by its path there ("html/pep-page.html"), as the importer reads its kind."""
    def parse(name: str):
        path = FIXTURES / name
        return parse_report(path.read_bytes(), path.suffix.lstrip("."))
    return parse


@pytest.fixture(scope="session")
def corpus() -> Path:
    return corpus_dir()


@pytest.fixture(scope="session")
def ifri(corpus):
    return parse_report((corpus / "ifri-pyatakov-2020.txt").read_bytes(), "txt")


@pytest.fixture(scope="session")
def werra(corpus):
    return parse_report((corpus / "werra-faure-2021.md").read_bytes(), "md")


@pytest.fixture
def run_cli(capsys):
    """Run the command line in this process: (exit code, stdout, stderr)."""
    from claimdesk.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        captured = capsys.readouterr()
        return exited.value.code, captured.out, captured.err

    return run


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def corpus_db(tmp_path, corpus) -> str:
    """The path of a store holding the real corpus, closed: for a test that opens it itself (the TUI)."""
    from claimdesk.library import import_paths

    path = tmp_path / "corpus.db"
    with Store(path) as opened:
        import_paths(opened, [corpus])
    return str(path)


@pytest.fixture
def corpus_store(store, corpus):
    """A fresh store holding the real corpus."""
    from claimdesk.library import import_paths

    import_paths(store, [corpus])
    return store


# CI runs the property tests with a fixed seed (HYPOTHESIS_PROFILE=ci, set by .ci/run), so a
# submission is judged on the same examples every time; a developer's plain `pytest` still
# explores new ones. A failure found that way is kept as a named example test.
from hypothesis import settings as _hypothesis_settings

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("HYPOTHESIS_PROFILE"):
    _hypothesis_settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture
def older_store():
    """make(path, steps): a store file as a claimdesk that knew only the first `steps` migrations wrote it:
    an open sqlite_utils.Database, foreign keys on, for a test to fill and close."""
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

    from claimdesk.store.migrations import MIGRATIONS

    def make(path: Path, steps: int) -> sqlite_utils.Database:
        older = Migrations("claimdesk")
        for migration in MIGRATIONS._migrations[:steps]:
            older(name=migration.name)(migration.fn)
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA foreign_keys = ON")
        older.apply(db)
        return db

    return make
