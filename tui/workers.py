"""One way to show a background job's failure (Worker.StateChanged does not bubble,
so each screen that starts workers forwards its events here)."""

from __future__ import annotations

from textual.worker import Worker, WorkerState

from claimdesk.sources.inert import inert_for_terminal


def show_worker_failure(event: Worker.StateChanged) -> bool:
    """Notify the failure as one line; True if the worker failed."""
    if event.state != WorkerState.ERROR:
        return False
    error = event.worker.error
    message = inert_for_terminal(str(error).splitlines()[0] if str(error) else type(error).__name__)
    event.worker.node.app.notify(f"{event.worker.name or 'Background work'} failed: {message}", severity="error", markup=False, timeout=10)
    return True
