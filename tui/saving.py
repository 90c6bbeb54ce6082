"""One way for every screen to save a change: one action, said to be saved only once it is."""

from __future__ import annotations

from typing import Callable

from textual.dom import DOMNode

from claimdesk.store.db import Action


def save(node: DOMNode, description: str, change: Callable[[Action], object]) -> bool:
    """Run change as one recorded action; a refused change is one line, nothing half-saved."""
    try:
        with node.app.store.action(description, node.app.reviewer) as action:
            change(action)
    except (ValueError, LookupError) as exc:
        node.app.notify(str(exc), severity="error", markup=False)
        return False
    node.app.notify(f"Saved: {description}", markup=False, timeout=3)
    return True
