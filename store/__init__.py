"""The SQLite store: schema and migrations, reports and their revisions, the change log."""
