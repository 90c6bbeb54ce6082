"""The bundled example reports and the store the demo opens them in."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from claimdesk.sources.importer import FORMATS
from claimdesk.store.claims import add_claim
from claimdesk.store.db import Store

# Claims a fact-checker might have marked in the first example report, so that
# the demo opens with something to read in the reader and to decide in the
# review desk (the other two reports repeat, cite and contradict them).
DEMO_CLAIMS = [
    ("harbour-institute-2022", "Between 2012 and 2021, the share of monitoring stations in the Aldra basin with good nitrate status rose from 41% to 58%.",
     [("Aldra Basin Commission", "organization")]),
    ("harbour-institute-2022", "Commercial eel landings at Aldra ports fell by 23% between 2010 and 2020", []),
    ("harbour-institute-2022", "Only 9 of the basin's 47 weirs have a functioning fish pass", []),
]


def example_paths() -> list[Path]:
    """The example reports shipped inside the package (claimdesk.examples)."""
    folder = resources.files("claimdesk.examples")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if Path(str(entry)).suffix in FORMATS and entry.name != "README.md")


def demo_store_path() -> Path:
    """A store of its own for the demo, so that it never mixes with real work."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "claimdesk"
    base.mkdir(parents=True, exist_ok=True)
    return base / "demo.db"


def seed_claims(store: Store) -> int:
    """The demo's first claims, once: a store that has claims is left as it is."""
    if store.db.execute("SELECT count(*) FROM claims").fetchone()[0]:
        return 0
    with store.action("demo claims", "demo") as action:
        for report, quote, entities in DEMO_CLAIMS:
            add_claim(action, report, quote, entities=entities)
    return len(DEMO_CLAIMS)
