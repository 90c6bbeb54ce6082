"""The entity registry: people, organisations, places and events, with aliases.

Names are matched case-insensitively; an alias points at its entity; a merged
entity points at the one it was merged into, so that old names still resolve.
Suggestions are fuzzy and tolerant of transliteration ("Piatakov" finds
"Pyatakov"; "Soviet Union" finds "USSR" once it is an alias).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from claimdesk.sources.inert import inert_for_terminal
from claimdesk.sources.report_matching import normalise_name
from claimdesk.store.db import Action, now
from claimdesk.store.errors import NotFoundError

ENTITY_TYPES = ("person", "organization", "place", "event", "other")
SUGGEST_MIN_SCORE = 80.0


class EntityError(ValueError):
    pass


_TYPE_SPELLINGS = {**{t: t for t in ENTITY_TYPES}, "org": "organization", "organisation": "organization", "location": "place"}


def parse_entity_argument(raw: str) -> tuple[str, str | None]:
    """"Name" or "Name:type" as typed; a colon before anything but a type is part of the name."""
    name, colon, kind = raw.rpartition(":")
    if colon and kind.strip().lower() in _TYPE_SPELLINGS:
        chosen = name.strip(), _TYPE_SPELLINGS[kind.strip().lower()]
    else:
        chosen = raw.strip(), None
    if not chosen[0]:
        raise EntityError(f"invalid entity {raw!r}: the name is empty")
    return chosen


def _live(db, entity_id: int) -> dict:
    """Follow merges to the entity that stands today."""
    seen = set()
    while True:
        row = db.execute("SELECT id, name, type, merged_into FROM entities WHERE id = ?", [entity_id]).fetchone()
        if row[3] is None or row[0] in seen:
            return {"id": row[0], "name": row[1], "type": row[2]}
        seen.add(row[0])
        entity_id = row[3]


def find_entity(db, name: str) -> dict | None:
    """The live entity called name, or having it as an alias, or merged from it."""
    name = inert_for_terminal(name)  # as names are stored: "Peru\u200b" is Peru
    row = db.execute("SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY merged_into IS NOT NULL, id LIMIT 1", [name.strip()]).fetchone()
    if row is None:
        row = db.execute("SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE", [name.strip()]).fetchone()
    return _live(db, row[0]) if row else None


def require_entity(db, name: str) -> dict:
    entity = find_entity(db, name)
    if entity is None:
        raise NotFoundError(f"no entity {name!r} (see `claimdesk entities`)")
    return entity


def ensure_entity(action: Action, name: str, kind: str | None) -> tuple[dict, bool]:
    """The entity of that name or alias, created if there is none: (entity, created)."""
    name = _clean_name(action, "entity name", name)
    existing = find_entity(action.db, name)
    if existing is not None:
        return existing, False
    row = action.insert("entities", {"name": name.strip(), "type": kind or "other", "created": now()})
    return {"id": row["id"], "name": row["name"], "type": row["type"]}, True


def suggest_entities(db, name: str, limit: int = 5, exclude: int | None = None) -> list[dict]:
    """Registered entities that are probably the one meant by name."""
    choices: dict[str, int] = {}
    for entity_id, entity_name in db.execute("SELECT id, name FROM entities WHERE merged_into IS NULL").fetchall():
        choices[entity_name] = entity_id
    for alias, entity_id in db.execute("SELECT alias, entity_id FROM entity_aliases").fetchall():
        choices.setdefault(alias, entity_id)
    if not choices:
        return []
    wanted = _matchable(name)
    keys = list(choices)
    scored = process.extract(wanted, [_matchable(k) for k in keys], scorer=_name_score, limit=limit * 3, score_cutoff=SUGGEST_MIN_SCORE)
    suggestions, seen = [], set()
    for _, score, index in scored:
        entity = _live(db, choices[keys[index]])
        if entity["id"] in seen or entity["id"] == exclude:
            continue
        seen.add(entity["id"])
        suggestions.append({**entity, "matched": keys[index], "score": round(score, 1)})
    return suggestions[:limit]


# A typo is one edit: a letter wrong, missing, added, or two letters swapped
# ("Peur" for "Peru"; optimal string alignment counts the swap as one, where
# Levenshtein counts two). Short names are where the fuzzy scores above miss
# a typo ("Perv" and "Peru" score 75), so this check is on names of any length.
NEAR_DUPLICATE_EDITS = 1


def entities_one_edit_away(db, name: str) -> list[dict]:
    """Live entities whose name or an alias is one typo away from name (case
    aside), name's own entity left out: what a person should be asked about
    before name becomes a new entity. {id, name, type, matched, score}."""
    name = inert_for_terminal(name).strip()
    if not name:
        return []
    itself = find_entity(db, name)
    labels = [*db.execute("SELECT id, name FROM entities WHERE merged_into IS NULL").fetchall(),
              *db.execute("SELECT entity_id, alias FROM entity_aliases").fetchall()]
    wanted = name.casefold()
    found: dict[int, dict] = {}
    for entity_id, label in labels:
        if OSA.distance(wanted, label.casefold(), score_cutoff=NEAR_DUPLICATE_EDITS) == NEAR_DUPLICATE_EDITS:
            entity = _live(db, entity_id)
            if itself is None or entity["id"] != itself["id"]:
                score = round(fuzz.ratio(wanted, label.casefold()), 1)
                found.setdefault(entity["id"], {**entity, "matched": label, "score": score})
    return sorted(found.values(), key=lambda e: e["name"].casefold())


def similar_entities(db, name: str, limit: int = 5) -> list[dict]:
    """The registered entities name probably means, its own entity left out: one
    typo away first, then fuzzy and transliteration-tolerant look-alikes."""
    own = find_entity(db, name)
    similar, seen = [], set()
    for entity in [*entities_one_edit_away(db, name), *suggest_entities(db, name, limit=limit)]:
        if entity["id"] in seen or (own is not None and entity["id"] == own["id"]) or entity["name"].lower() == name.strip().lower():
            continue
        seen.add(entity["id"])
        similar.append(entity)
    return similar[:limit]


def complete_entity(typed: str, names: list[str]) -> list[str]:
    """What Tab may complete typed to, best first, from the registry's names and
    aliases: names that begin with it, then names with a word that begins with
    it; after "Name:", the entity types ("Peru:pl" -> "Peru:place")."""
    name, colon, kind = typed.rpartition(":")
    if colon and name.strip():
        wanted = kind.strip().lower()
        return [f"{name}:{t}" for t in ENTITY_TYPES if t.startswith(wanted) and t != wanted]
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    unique = list(dict.fromkeys(names))
    starts = [n for n in unique if n.casefold().startswith(wanted) and n.casefold() != wanted]
    words = [n for n in unique if n not in starts and n.casefold() != wanted
             and any(word.startswith(wanted) for word in re.findall(r"\w+", n.casefold())[1:])]
    return starts + words


# A word shared by more names than this ("institute", "ministry") says nothing
# about two of them being one; such blocks are skipped.
_LOOKALIKE_BLOCK_LIMIT = 50


def lookalike_entities(db, min_score: float = SUGGEST_MIN_SCORE, limit: int = 100) -> list[dict]:
    """Pairs of entities whose names or aliases are probably one ("Piatakov" and
    "Pyatakov"), best first: {"a", "b", "score"} with the entities' names.

    Blocked on each word's transliteration-canonical form and its first four
    letters, so a registry of thousands is scored in the pairs that could
    match, not all against all.
    """
    labels = db.execute(
        """SELECT id, name FROM entities WHERE merged_into IS NULL
           UNION ALL SELECT a.entity_id, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.merged_into IS NULL"""
    ).fetchall()
    names = dict(db.execute("SELECT id, name FROM entities WHERE merged_into IS NULL").fetchall())
    matchable = [_matchable(label) for _, label in labels]
    blocks: dict[str, list[int]] = {}
    for index, words in enumerate(matchable):
        for word in set(words.split()):
            if len(word) >= 4:
                blocks.setdefault(word, []).append(index)
                blocks.setdefault(word[:4] + "…", []).append(index)
    best: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        if not 2 <= len(members) <= _LOOKALIKE_BLOCK_LIMIT:
            continue
        for position, x in enumerate(members):
            for y in members[position + 1:]:
                a, b = labels[x][0], labels[y][0]
                if a == b:
                    continue
                score = _name_score(matchable[x], matchable[y])
                key = (min(a, b), max(a, b))
                if score >= min_score and score > best.get(key, 0):
                    best[key] = score
    pairs = [{"a": names[a], "b": names[b], "score": round(score, 1)} for (a, b), score in best.items()]
    return sorted(pairs, key=lambda p: (-p["score"], p["a"].lower(), p["b"].lower()))[:limit]


def _matchable(name: str) -> str:
    return " ".join(normalise_name(word) for word in re.findall(r"\w+", name.lower()))


def _name_score(a: str, b: str, **_kwargs) -> float:
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b), fuzz.partial_ratio(a, b) if min(len(a), len(b)) >= 5 else 0)


def mentioned_entities(db, text: str) -> list[dict]:
    """Registered entities whose name or an alias appears in text as whole words."""
    found: dict[int, dict] = {}
    names = db.execute("SELECT id, name FROM entities WHERE merged_into IS NULL").fetchall()
    aliases = db.execute("SELECT entity_id, alias FROM entity_aliases").fetchall()
    for entity_id, label in [*names, *aliases]:
        if re.search(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text, re.IGNORECASE):
            entity = _live(db, entity_id)
            found.setdefault(entity["id"], entity)
    return list(found.values())


def _clean_name(action: Action, what: str, name: str) -> str:
    """A name as it may be stored (sources.inert, with a warning); never empty."""
    cleaned = action.clean(what, name).strip()
    if not cleaned:
        raise EntityError(f"invalid {what} {inert_for_terminal(name)!r}: nothing is left of it but control or invisible characters")
    return cleaned


def add_alias(action: Action, name: str, alias: str) -> dict:
    alias = _clean_name(action, "alias", alias)
    entity = require_entity(action.db, name)
    holder = find_entity(action.db, alias)
    if holder is not None and holder["id"] != entity["id"]:
        raise EntityError(f"{alias!r} already names the entity {holder['name']!r}; merge them instead")
    if holder is None:
        action.insert("entity_aliases", {"alias": alias.strip(), "entity_id": entity["id"]})
    return entity


def rename_entity(action: Action, name: str, new_name: str) -> dict:
    new_name = _clean_name(action, "entity name", new_name)
    entity = require_entity(action.db, name)
    holder = find_entity(action.db, new_name)
    if holder is not None and holder["id"] != entity["id"]:
        raise EntityError(f"{new_name!r} already names the entity {holder['name']!r}; merge them instead")
    if new_name.strip().lower() != entity["name"].lower():
        action.delete("entity_aliases", {"alias": new_name.strip()})
        action.insert("entity_aliases", {"alias": entity["name"], "entity_id": entity["id"]})
    action.update("entities", {"id": entity["id"]}, {"name": new_name.strip()})
    return {**entity, "name": new_name.strip()}


def set_entity_type(action: Action, name: str, kind: str) -> dict:
    if kind not in ENTITY_TYPES:
        raise EntityError(f"unknown entity type {kind!r} (one of: {', '.join(ENTITY_TYPES)})")
    entity = require_entity(action.db, name)
    action.update("entities", {"id": entity["id"]}, {"type": kind})
    return {**entity, "type": kind}


def merge_entities(action: Action, source_name: str, target_name: str) -> dict:
    """Fold source into target: its claims, its aliases and its name move over."""
    db = action.db
    source, target = require_entity(db, source_name), require_entity(db, target_name)
    if source["id"] == target["id"]:
        raise EntityError(f"{source_name!r} and {target_name!r} are already the same entity")
    for (claim_id,) in db.execute("SELECT claim_id FROM claim_entities WHERE entity_id = ?", [source["id"]]).fetchall():
        action.delete("claim_entities", {"claim_id": claim_id, "entity_id": source["id"]})
        if not action.row("claim_entities", {"claim_id": claim_id, "entity_id": target["id"]}):
            action.insert("claim_entities", {"claim_id": claim_id, "entity_id": target["id"]})
    for (alias,) in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", [source["id"]]).fetchall():
        action.update("entity_aliases", {"alias": alias}, {"entity_id": target["id"]})
    action.update("entities", {"id": source["id"]}, {"merged_into": target["id"]})
    if not action.row("entity_aliases", {"alias": source["name"]}):
        action.insert("entity_aliases", {"alias": source["name"], "entity_id": target["id"]})
    return target


def list_entities(db) -> list[dict]:
    rows = db.execute(
        """SELECT e.id, e.name, e.type,
                  (SELECT count(*) FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id
                   WHERE ce.entity_id = e.id AND c.removed = 0) AS claims
           FROM entities e WHERE e.merged_into IS NULL ORDER BY e.name COLLATE NOCASE"""
    ).fetchall()
    aliases: dict[int, list[str]] = {}
    for entity_id, alias in db.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY alias").fetchall():
        aliases.setdefault(entity_id, []).append(alias)
    return [{"id": r[0], "name": r[1], "type": r[2], "claims": r[3], "aliases": aliases.get(r[0], [])} for r in rows]


def registry_aliases(db) -> dict[str, str]:
    """alias -> canonical name, for normalising text before matching."""
    rows = db.execute("SELECT a.alias, a.entity_id FROM entity_aliases a").fetchall()
    return {alias: _live(db, entity_id)["name"] for alias, entity_id in rows}
