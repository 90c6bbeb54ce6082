"""Only the terminal UI knows Textual; the core imports without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_core_packages_do_not_import_textual():
    code = (
        "import sys\n"
        "import claimdesk.cli, claimdesk.library, claimdesk.exports\n"
        "import claimdesk.sources.importer, claimdesk.store.reports\n"
        "import claimdesk.checking, claimdesk.review, claimdesk.review_filter, claimdesk.suggestions\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd="/")


def _package_view(root: Path) -> Path:
    """The installed layout (claimdesk/sources, claimdesk/store, ...) as symlinks.

    import-linter reads packages from the file system; an editable install maps
    the top-level folders into claimdesk.* with an import hook it cannot see.
    """
    package = root / "claimdesk"
    package.mkdir()
    for item in (REPO / "claimdesk").iterdir():
        (package / item.name).symlink_to(item)
    for folder in ("sources", "store", "claims", "exports", "tui", "examples"):
        (package / folder).symlink_to(REPO / folder)
    return root


def test_import_linter_contract_holds(tmp_path):
    view = _package_view(tmp_path)
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(view), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_no_bare_imports_of_top_level_folders():
    offenders = []
    for path in REPO.rglob("*.py"):
        if ".git" in path.parts or "venv" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            for folder in ("tui", "store", "sources", "claims", "exports"):
                if stripped.startswith((f"import {folder}", f"from {folder} ", f"from {folder}.")):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {stripped}")
    assert offenders == []
