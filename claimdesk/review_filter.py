"""What the review desk shows: one filter over every list (report, entity,
status, confidence, reviewer, free text), and how long a list may be."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from claimdesk.store.claims import STATUSES, parse_confidence
from claimdesk.store.db import FOLD_FUNCTION
from claimdesk.store.entities import require_entity
from claimdesk.store.reports import require_report

# A queue shows the best items first; past this many an editor filters instead.
QUEUE_LIMIT = 500
FILTER_KEYS = ("report", "entity", "status", "confidence", "reviewer", "text")
"""text:… is free text, as a bare word is; the key lets a phrase hold a colon (text:"Ifri: more")."""


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
    texts: tuple[str, ...] = ()
    """Free text: a claim passes when each of them is in its quote, its note, the
    name or an alias of one of its entities, or its report's title (case-insensitive)."""

    @property
    def empty(self) -> bool:
        return not (self.reports or self.entities or self.statuses or self.min_confidence or self.reviewers or self.texts)

    def describe(self) -> str:
        parts = [f"report:{r}" for r in self.reports] + [f"entity:{shlex.quote(e)}" for e in self.entity_names]
        parts += [f"status:{s}" for s in self.statuses] + [f"reviewer:{shlex.quote(r)}" for r in self.reviewers]
        if self.min_confidence:
            parts.append(f"confidence:{self.min_confidence}")
        parts += [shlex.quote(t) if ":" not in t else f"text:{shlex.quote(t)}" for t in self.texts]
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
        for text in self.texts:
            where.append(_text_condition(alias))
            params += [text.casefold()] * 5
        return (" AND ".join(where) or "1"), params

    def passing_claims(self, db) -> set[int] | None:
        """The ids of the claims that pass, or None when every claim does."""
        if self.empty:
            return None
        condition, params = self.claim_condition()
        return {row[0] for row in db.execute(f"SELECT c.id FROM claims c WHERE c.removed = 0 AND {condition}", params)}


def _text_condition(alias: str) -> str:
    """One free-text term (five parameters, casefolded) in any of the claim's texts."""
    fold = FOLD_FUNCTION
    return (
        f"(instr({fold}({alias}.quote), ?) OR instr({fold}({alias}.note), ?)"
        f" OR EXISTS (SELECT 1 FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id"
        f" WHERE ce.claim_id = {alias}.id AND instr({fold}(e.name), ?))"
        f" OR EXISTS (SELECT 1 FROM claim_entities ce JOIN entity_aliases ea ON ea.entity_id = ce.entity_id"
        f" WHERE ce.claim_id = {alias}.id AND instr({fold}(ea.alias), ?))"
        f" OR EXISTS (SELECT 1 FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision"
        f" WHERE r.id = {alias}.report_id AND instr({fold}(v.title), ?)))"
    )


def parse_filter(db, text: str) -> ReviewFilter:
    """"report:werra-faure-2021 entity:Peru status:unreviewed confidence:3 reviewer:ana helicopters"
    (quote values with spaces); every value is checked against the store; a word
    without a key is free text."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise ReviewError(f"cannot read the filter: {exc}") from None
    values: dict[str, list] = {key: [] for key in FILTER_KEYS}
    for word in words:
        key, sep, value = word.partition(":")
        key = key.strip().lower()
        if not sep:
            if word.strip():
                values["text"].append(word.strip())
            continue
        if key not in FILTER_KEYS or not value.strip():
            raise ReviewError(f"cannot read {word!r}: write key:value with a key among {', '.join(FILTER_KEYS)} "
                              f"(free text: a word alone, or text:\"…\" when it holds a colon)")
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
        texts=tuple(values["text"]),
    )
