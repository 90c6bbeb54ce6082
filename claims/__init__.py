"""Claims and matching: anchoring, normalisation, facts, similarity, checks."""
