"""claimdesk: annotate, cross-link and export the claims in footnoted reports."""

__version__ = "0.1.0"
