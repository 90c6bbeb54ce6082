"""One way for every screen to save a change: one action, said to be saved only once it is."""

from __future__ import annotations

from typing import Callable

from textual.dom import DOMNode

from claimdesk.sources.inert import inert_for_terminal
from claimdesk.store.db import Action
from claimdesk.store.errors import StoreError


def save(node: DOMNode, description: str, change: Callable[[Action], object], done: str | Callable[[], str] | None = None,
         refused: Callable[[Exception], bool] | None = None) -> bool:
    """Run change as one recorded action; a refused change is one line, nothing half-saved.

    A read-only store, a full disk or an I/O error (StoreError) is refused the
    same way; what the action cleaned from its input is said with the "Saved"
    (or with done, the line to show instead once the action is committed; a
    function when the line names what the action made, a new claim's id).
    refused, if given, may say a refusal its own way (a stale claim reloaded):
    it returns True when it has.
    """
    try:
        with node.app.store.action(description, node.app.reviewer) as action:
            change(action)
    except (ValueError, LookupError, StoreError) as exc:
        if refused is not None and refused(exc):
            return False
        node.app.notify(inert_for_terminal(exc), severity="error", markup=False)
        return False
    line = done() if callable(done) else done
    node.app.notify(inert_for_terminal(line or f"Saved: {description}"), markup=False, timeout=3)
    for warning in action.warnings:
        node.app.notify(warning, severity="warning", markup=False, timeout=8)
    return True
