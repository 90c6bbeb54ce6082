"""The one error type that reading a report raises for bad input."""


class SourceError(ValueError):
    """Input that cannot be imported; the message is shown to the user as is."""
