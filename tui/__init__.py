"""The Textual terminal UI: the only part of claimdesk that knows Textual."""
