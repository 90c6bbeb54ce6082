"""What the review desk shows: one filter over every list (report, entity,
status, confidence, reviewer), and how long a list may be."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from claimdesk.store.claims import STATUSES, parse_confidence
from claimdesk.store.entities import require_entity
from claimdesk.store.reports import require_report

# A queue shows the best items first; past this many an editor filters instead.
QUEUE_LIMIT = 500
FILTER_KEYS = ("report", "entity", "status", "confidence", "reviewer")


class ReviewError(ValueError):
    pass


@dataclass(frozen=True)
class ReviewFilter:
    """Which claims the desk shows; a pair shows when either of its claims passes."""

    reports: tuple[str, ...] = ()
    entities: tuple[int, ...] = ()
    """Entity ids (names and aliases are resolved when the filter is parsed)."""
    entity_names: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    min_confidence: int | None = None
    reviewers: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.reports or self.entities or self.statuses or self.min_confidence or self.reviewers)

    def describe(self) -> str:
        parts = [f"report:{r}" for r in self.reports] + [f"entity:{shlex.quote(e)}" for e in self.entity_names]
        parts += [f"status:{s}" for s in self.statuses] + [f"reviewer:{shlex.quote(r)}" for r in self.reviewers]
        if self.min_confidence:
            parts.append(f"confidence:{self.min_confidence}")
        return " ".join(parts)

    def claim_condition(self, alias: str = "c") -> tuple[str, list]:
        """An SQL condition on a claims row named alias."""
        where, params = [], []
        for column, values in (("report_id", self.reports), ("status", self.statuses), ("reviewer", self.reviewers)):
            if values:
                where.append(f"{alias}.{column} IN ({','.join('?' for _ in values)})")
                params += list(values)
        if self.min_confidence:
            where.append(f"{alias}.confidence >= ?")
            params.append(self.min_confidence)
        if self.entities:
            where.append(
                f"EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = {alias}.id "
                f"AND ce.entity_id IN ({','.join('?' for _ in self.entities)}))"
            )
            params += list(self.entities)
        return (" AND ".join(where) or "1"), params

    def passing_claims(self, db) -> set[int] | None:
        """The ids of the claims that pass, or None when every claim does."""
        if self.empty:
            return None
        condition, params = self.claim_condition()
        return {row[0] for row in db.execute(f"SELECT c.id FROM claims c WHERE c.removed = 0 AND {condition}", params)}


def parse_filter(db, text: str) -> ReviewFilter:
    """"report:werra-faure-2021 entity:Peru status:unreviewed confidence:3 reviewer:ana"
    (quote values with spaces); every value is checked against the store."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise ReviewError(f"cannot read the filter: {exc}") from None
    values: dict[str, list] = {key: [] for key in FILTER_KEYS}
    for word in words:
        key, sep, value = word.partition(":")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS or not value.strip():
            raise ReviewError(f"cannot read {word!r}: write key:value with a key among {', '.join(FILTER_KEYS)}")
        values[key].append(value.strip())
    for report in values["report"]:
        require_report(db, report)
    for status in values["status"]:
        if status not in STATUSES:
            raise ReviewError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    entities = [require_entity(db, name) for name in values["entity"]]
    confidence = None
    if values["confidence"]:
        confidence = parse_confidence(values["confidence"][-1])
    return ReviewFilter(
        reports=tuple(values["report"]),
        entities=tuple(e["id"] for e in entities),
        entity_names=tuple(e["name"] for e in entities),
        statuses=tuple(values["status"]),
        min_confidence=confidence,
        reviewers=tuple(values["reviewer"]),
    )
