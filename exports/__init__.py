"""The claim register's export formats: one registry of format name -> writer.

Every writer takes the Register (exports.register) and a target path, and
writes the file atomically (exports.atomic). Nothing here imports Textual.
"""

# No `from __future__ import annotations` here: it would bind the name
# "annotations" in this package and hide the annotations format module.
import importlib
from typing import Callable

Writer = Callable[..., None]
EXPORTERS: dict[str, Writer] = {}
"""format name -> writer(register, path); filled by register_format below."""


def register_format(name: str) -> Callable[[Writer], Writer]:
    def decorate(writer: Writer) -> Writer:
        EXPORTERS[name] = writer
        return writer

    return decorate


def load_formats() -> dict[str, Writer]:
    """Import every format module so that each registers itself."""
    for module in ("sqlite", "markdown", "html", "claimreview", "annotations", "csl"):
        importlib.import_module(f"claimdesk.exports.{module}")
    return EXPORTERS
