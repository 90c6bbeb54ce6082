"""The claim register's export formats (SQLite, Markdown, ClaimReview, Web Annotations, CSL-JSON)."""
