"""The bundled example reports, shipped as package data for `claimdesk demo`."""
