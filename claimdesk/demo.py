"""The bundled example reports and the store the demo opens them in."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from claimdesk.sources.importer import FORMATS


def example_paths() -> list[Path]:
    """The example reports shipped inside the package (claimdesk.examples)."""
    folder = resources.files("claimdesk.examples")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if Path(str(entry)).suffix in FORMATS and entry.name != "README.md")


def demo_store_path() -> Path:
    """A store of its own for the demo, so that it never mixes with real work."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "claimdesk"
    base.mkdir(parents=True, exist_ok=True)
    return base / "demo.db"
