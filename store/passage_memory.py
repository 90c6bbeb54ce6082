"""An in-memory inverted index of the passages, for long-lived processes.

FTS5's BM25 must score every passage that shares a query term; over a million
sentences on one subject that is most of them, about a second a query. A
process that runs many queries (the terminal UI, a benchmark) loads the
passages' tokens once instead — a few seconds for a million sentences, a few
hundred MB — and then finds candidates by counting shared rare tokens in C
(Counter.update), before rapidfuzz re-scores the best of them.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field

# Posting lists longer than this share of the corpus are too common to help.
_COMMON_SHARE = 0.2
# How many postings one query may walk: the rarest terms first, until this.
_POSTING_BUDGET = 200_000
_SUBSET_BUDGET = 20_000


@dataclass
class PassageMemory:
    """Passage ids, reports, norms and postings, as of one state of the store."""

    generation: tuple
    ids: array = field(default_factory=lambda: array("q"))
    reports: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    postings: dict[str, array] = field(default_factory=dict)
    by_rarest: dict[str, array] = field(default_factory=dict)
    """Each passage filed under its rarest token. token_set_ratio gives 100 to a
    passage all of whose tokens are in the query, however few they are; such a
    passage's rarest token is in the query, so it is found under it."""

    @classmethod
    def load(cls, db) -> "PassageMemory":
        memory = cls(generation(db))
        building: dict[str, list[int]] = {}
        report_names: dict[str, str] = {}
        for index, (passage_id, report_id, norm) in enumerate(db.execute("SELECT id, report_id, norm FROM passages ORDER BY id")):
            memory.ids.append(passage_id)
            memory.reports.append(report_names.setdefault(report_id, report_id))
            memory.norms.append(norm)
            for token in set(norm.split()):
                bucket = building.get(token)
                if bucket is None:
                    building[token] = [index]
                else:
                    bucket.append(index)
        memory.postings = {token: array("i", bucket) for token, bucket in building.items()}
        sizes = {token: len(bucket) for token, bucket in building.items()}
        rarest: dict[str, list[int]] = {}
        for index, norm in enumerate(memory.norms):
            tokens = norm.split()
            if tokens:
                rarest.setdefault(min(tokens, key=sizes.__getitem__), []).append(index)
        memory.by_rarest = {token: array("i", bucket) for token, bucket in rarest.items()}
        return memory

    def candidates(self, query_norm: str, limit: int) -> list[int]:
        """Indexes of the passages sharing most of the query's rarer tokens."""
        total = max(1, len(self.norms))
        terms = [t for t in dict.fromkeys(query_norm.split()) if t in self.postings]
        if not terms:
            return []
        terms.sort(key=lambda t: len(self.postings[t]))
        chosen, walked = [], 0
        for term in terms:
            size = len(self.postings[term])
            if chosen and (walked + size > _POSTING_BUDGET or size > total * _COMMON_SHARE):
                break
            chosen.append(term)
            walked += size
        counts: Counter = Counter()
        for term in chosen:
            counts.update(self.postings[term])
        found = [index for index, _count in counts.most_common(limit)]
        wanted = set(terms)
        seen = set(found)
        for term in terms:
            for index in self.by_rarest.get(term, ())[:_SUBSET_BUDGET]:
                if index not in seen and wanted.issuperset(self.norms[index].split()):
                    seen.add(index)
                    found.append(index)
        return found


def generation(db) -> tuple:
    """Changes whenever passages change: an import deletes a report's old
    passages only while it adds new ones, with higher ids (a rowid lookup)."""
    return tuple(db.execute("SELECT coalesce(max(id), 0) FROM passages").fetchone())
