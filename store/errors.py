"""Errors the store raises; the command line shows their message as is."""


class StoreError(RuntimeError):
    """The store cannot be used (unreadable, not a claimdesk store, too new)."""


class NotFoundError(LookupError):
    """An id that names nothing in the store (a report, a claim)."""


def no_such_report(report_id: str) -> NotFoundError:
    return NotFoundError(f"no report {report_id!r} in the store (see `claimdesk reports`)")
