"""What the corpus says about a claim: similar passages, matches, citation and
quotation checks, corroboration, and link suggestions across all claims.

The command line and the terminal UI both call these functions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict
from typing import Callable

from rapidfuzz import fuzz

from claimdesk.claims.attribution import CorpusNames, report_names
from claimdesk.claims.facts import extract_facts
from claimdesk.claims.normalise import BUILTIN_ALIASES
from claimdesk.claims.similarity import (
    DUPLICATE_THRESHOLD,
    FACT_MATCH_FLOOR,
    SCORER,
    SUGGEST_THRESHOLD,
    judge,
    score,
)
from claimdesk.store.claims import claim_document
from claimdesk.store.db import Store
from claimdesk.store.entities import registry_aliases
from claimdesk.store.links import add_link
from claimdesk.store.passage_memory import PassageMemory
from claimdesk.store.passage_memory import generation as memory_generation
from claimdesk.store.reports import list_reports
from claimdesk.store.passages import Passage, candidates, common_tokens, neighbours, norm_tokens

CANDIDATES_PER_QUERY = 200
# A window (the sentence with its neighbour) replaces the sentence only when it
# scores clearly better: a claim often paraphrases two sentences at once.
WINDOW_GAIN = 5.0


def _aliases(db) -> dict[str, str]:
    return {**BUILTIN_ALIASES, **registry_aliases(db)}


# Passages kept in memory per store file, for processes that query many times.
_MEMORY: dict[str, PassageMemory] = {}
MEMORY_CANDIDATES = 2000


def passage_memory(store: Store) -> PassageMemory:
    """The store's passages in memory, loaded once and again after any import."""
    current = _MEMORY.get(store.path)
    if current is None or current.generation != memory_generation(store.db):
        current = _MEMORY[store.path] = PassageMemory.load(store.db)
    return current


def similar(
    store: Store, text: str, *, report: str | None = None, exclude_report: str | None = None, limit: int = 10, use_memory: bool = False
) -> list[dict]:
    """Sentences across the corpus most like text, best first, score 0-100.

    use_memory: find candidates in the in-memory index (store.passage_memory),
    for a process that asks many questions; otherwise FTS5 in the store.
    """
    db = store.db
    aliases = _aliases(db)
    query = norm_tokens(text, aliases)
    custom = len(aliases) > len(BUILTIN_ALIASES)
    if use_memory:
        found = _memory_candidates(store, query, report, exclude_report)
    else:
        found = candidates(db, query, limit=max(CANDIDATES_PER_QUERY, limit * 20), report=report, exclude_report=exclude_report)
    scored = []
    for rank, passage in enumerate(found):
        passage_norm = norm_tokens(passage.text, aliases) if custom else passage.norm
        scored.append((score(query, passage_norm), -rank, passage))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [
        {"report": p.report_id, "start": p.start, "end": p.end, "text": p.text, "score": round(s, 1)}
        for s, _, p in scored[:limit]
    ]


def _memory_candidates(store: Store, query: str, report: str | None, exclude_report: str | None) -> list[Passage]:
    memory = passage_memory(store)
    indexes = memory.candidates(query, MEMORY_CANDIDATES)
    indexes = [i for i in indexes if (report is None or memory.reports[i] == report) and memory.reports[i] != exclude_report]
    # Score in memory first; fetch only the passages that can make the list.
    ranked = sorted(indexes, key=lambda i: score(query, memory.norms[i]), reverse=True)[:CANDIDATES_PER_QUERY]
    ids = [memory.ids[i] for i in ranked]
    if not ids:
        return []
    rows = store.db.execute(
        f'SELECT id, report_id, ordinal, start, "end", text, norm FROM passages WHERE id IN ({",".join("?" for _ in ids)})', ids
    ).fetchall()
    by_id = {row[0]: Passage(*row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _windows(db, passage: Passage) -> list[tuple[int, int, str, list[Passage]]]:
    """The sentence, and the sentence with each neighbour: a claim often
    paraphrases two sentences at once ("…has been Peru. … more than 100 …")."""
    before, after = neighbours(db, passage)
    variants = [(passage.start, passage.end, passage.text, [passage])]
    # A heading (no closing punctuation) is not half of a paraphrased pair.
    if before is not None and _ends_a_sentence(before.text):
        variants.append((before.start, passage.end, before.text + " " + passage.text, [before, passage]))
    if after is not None and _ends_a_sentence(passage.text):
        variants.append((passage.start, after.end, passage.text + " " + after.text, [passage, after]))
    return variants


_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")


def _ends_a_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _judged_window(db, text: str, query: str, passage: Passage, aliases: dict, custom: bool, claim_facts, common):
    """The best variant: a judged match beats none, then the higher score; a
    two-sentence window must earn its place by WINDOW_GAIN points."""
    norm = (lambda p: norm_tokens(p.text, aliases)) if custom else (lambda p: p.norm)
    best = None
    for start, end, window_text, parts in _windows(db, passage):
        similarity = score(query, " ".join(norm(p) for p in parts))
        if len(parts) > 1:
            similarity -= WINDOW_GAIN
        verdict = judge(text, window_text, similarity, claim_facts=claim_facts, common=common)
        rank = (verdict.relation is not None, similarity)
        if best is None or rank > best[0]:
            best = (rank, similarity + (WINDOW_GAIN if len(parts) > 1 else 0), start, end, window_text, verdict)
    return best[1:]


def passage_matches(store: Store, text: str, *, report=None, exclude_report=None, limit: int = 10) -> list[dict]:
    db = store.db
    aliases = _aliases(db)
    custom = len(aliases) > len(BUILTIN_ALIASES)
    query = norm_tokens(text, aliases)
    claim_facts = extract_facts(text)
    common = common_tokens(db)
    matches = []
    for passage in candidates(db, query, limit=CANDIDATES_PER_QUERY, report=report, exclude_report=exclude_report):
        similarity, start, end, window_text, verdict = _judged_window(db, text, query, passage, aliases, custom, claim_facts, common)
        if verdict.relation is None:
            continue
        matches.append(
            {
                "report": passage.report_id,
                "start": start,
                "end": end,
                "text": window_text,
                "score": round(similarity, 1),
                "relation": verdict.relation,
                "differences": [{"claim": d.claim, "source": d.source} for d in verdict.differences],
            }
        )
    matches.sort(key=lambda m: m["score"], reverse=True)
    kept: list[dict] = []
    for match in matches:  # overlapping windows of one report: keep the best
        if not any(k["report"] == match["report"] and k["start"] < match["end"] and match["start"] < k["end"] for k in kept):
            kept.append(match)
    return kept[:limit]


_QUOTED = re.compile(r"[“\"«]\s*([^”\"»]{8,}?)\s*(?:[”\"»]|$)")


def quotations(text: str) -> list[str]:
    """Text the claim puts in quotation marks (an unclosed quote runs to the end)."""
    found = []
    for match in _QUOTED.finditer(text):
        quoted = match.group(1).strip()
        if len(re.findall(r"\w+", quoted)) >= 2:
            found.append(quoted)
    return found


def _fold(text: str) -> str:
    text = re.sub(r"[“”„‟«»\"]", '"', text)
    text = re.sub(r"[‘’‚‛`´']", "'", text)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def quote_check(store: Store, quote: str, reports: list[str]) -> dict:
    """Is the quotation word for word in one of the reports? If not, the closest passage."""
    db = store.db
    folded = _fold(quote).rstrip(".,;:")
    # The case of the first letter does not count: quoting mid-sentence changes it.
    pattern = re.compile(r"[" + re.escape(folded[:1].lower() + folded[:1].upper()) + r"]" + re.escape(folded[1:]))
    best = {"quote": quote, "verbatim": False, "closest": None, "similarity": 0.0, "report": None, "start": None, "end": None}
    for report_id in reports:
        text_row = db.execute(
            "SELECT v.text FROM reports r JOIN revisions v ON v.report_id = r.id AND v.number = r.current_revision WHERE r.id = ?", [report_id]
        ).fetchone()
        verbatim = pattern.search(_fold(text_row[0])) if text_row else None
        if verbatim:
            return {**best, "verbatim": True, "closest": verbatim.group(0), "similarity": 100.0, "report": report_id}
        for match in _passage_candidates_for_quote(store, quote, report_id):
            similarity = fuzz.partial_ratio(folded.lower(), _fold(match["text"]).lower())
            if similarity > best["similarity"]:
                best.update({"closest": match["text"], "similarity": round(similarity, 1), "report": report_id, "start": match["start"], "end": match["end"]})
    return best


def _passage_candidates_for_quote(store: Store, quote: str, report_id: str) -> list[dict]:
    db = store.db
    aliases = _aliases(db)
    query = norm_tokens(quote, aliases)
    found = []
    for passage in candidates(db, query, limit=50, report=report_id):
        for start, end, window, _parts in _windows(db, passage):
            found.append({"start": start, "end": end, "text": window})
    return found


def citing_graph(db) -> dict[str, set[str]]:
    """report -> the corpus reports it cites (through any of its footnotes)."""
    graph: dict[str, set[str]] = {}
    for citing, cited in db.execute(
        """SELECT DISTINCT v.report_id, f.cites_report FROM footnotes f JOIN revisions v ON v.id = f.revision_id
           JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number WHERE f.cites_report IS NOT NULL"""
    ).fetchall():
        graph.setdefault(citing, set()).add(cited)
    return graph


def corpus_names(db) -> CorpusNames:
    """How a text can name each report of the corpus (title, id, authors' surnames)."""
    return CorpusNames([report_names(r["id"], r["title"], r["authors"]) for r in list_reports(db)])


def with_attributions(graph: dict[str, set[str]], names: CorpusNames, statements: list[tuple[str, str]]) -> dict[str, set[str]]:
    """The citing graph plus, for each (report, text) that states a claim, the
    reports that text names as its source ("According to Fiscal Watch, …"):
    a report that repeats another's figure in words depends on it as much as
    one with a footnote."""
    added: dict[str, set[str]] = {}
    for report, text in statements:
        for named in names.named_in(text, own_report=report):
            added.setdefault(report, set()).add(named)
    if not added:
        return graph
    return {report: graph.get(report, set()) | added.get(report, set()) for report in graph.keys() | added.keys()}


def independent_groups(reports: list[str], graph: dict[str, set[str]]) -> list[list[str]]:
    """Reports that state a claim, grouped so that a report and those it cites
    (directly or through others) are one group: each group is one independent source."""
    parent = {r: r for r in reports}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def reachable(start):
        seen, stack = set(), [start]
        while stack:
            node = stack.pop()
            for cited in graph.get(node, ()):
                if cited not in seen:
                    seen.add(cited)
                    stack.append(cited)
        return seen

    for report in reports:
        for cited in reachable(report):
            if cited in parent:
                parent[find(report)] = find(cited)
    groups: dict[str, list[str]] = {}
    for report in reports:
        groups.setdefault(find(report), []).append(report)
    return sorted(groups.values())


def check_claim(store: Store, claim_id: int) -> dict:
    """The claim check of the command-line contract."""
    db = store.db
    claim = claim_document(db, claim_id)
    matches = passage_matches(store, claim["quote"], exclude_report=claim["report"])
    footnote_reports = _citation_targets(db, claim)
    citation_check = []
    for footnote, cited in footnote_reports:
        found = passage_matches(store, claim["quote"], report=cited, limit=1)
        passage = found[0] if found else None
        supported = None
        if passage is not None:
            supported = passage["relation"] != "conflict"
        citation_check.append(
            {
                "footnote": footnote,
                "cited_report": cited,
                "supported": supported,
                "passage": {k: passage[k] for k in ("start", "end", "text", "score")} if passage else None,
                "differences": passage["differences"] if passage else [],
            }
        )
    quote_reports = claim["cited_reports"] or sorted({m["report"] for m in matches})
    quote_checks = [quote_check(store, quoted, quote_reports) for quoted in quotations(claim["quote"])]
    duplicates = [m for m in matches if m["relation"] == "duplicate"]
    stating = [claim["report"]] + sorted({m["report"] for m in duplicates} - {claim["report"]})
    statements = [(claim["report"], claim["quote"])] + [(m["report"], m["text"]) for m in duplicates]
    groups = independent_groups(stating, with_attributions(citing_graph(db), corpus_names(db), statements))
    return {
        "claim": claim_id,
        "matches": matches,
        "citation_check": citation_check,
        "quote_check": quote_checks,
        "independent_reports": len(groups),
        "stating_reports": stating,
        "independent_groups": groups,
        "thresholds": {"scorer": SCORER, "suggest": SUGGEST_THRESHOLD, "duplicate": DUPLICATE_THRESHOLD, "fact_match_floor": FACT_MATCH_FLOOR},
    }


def _citation_targets(db, claim: dict) -> list[tuple]:
    """(footnote, cited report) for each of the claim's citations that reaches the corpus."""
    rows = db.execute(
        """SELECT f.number, f.resolves_to, f.cites_report FROM footnotes f JOIN revisions v ON v.id = f.revision_id
           JOIN reports r ON r.id = v.report_id AND r.current_revision = v.number WHERE r.id = ?""",
        [claim["report"]],
    ).fetchall()
    by_number = {json.loads(n): (json.loads(res) if res else None, cites) for n, res, cites in rows}
    targets = []
    for label in claim["citations"]:
        resolves_to, cites = by_number.get(label, (None, None))
        if resolves_to is not None and resolves_to in by_number:
            cites = by_number[resolves_to][1]
        if cites:
            targets.append((label, cites))
    return targets


def suggest_links(store: Store, reviewer: str | None = None, progress: Callable[[int, int], None] | None = None) -> dict:
    """Compare every claim with the claims of other reports; store suggestions.

    Blocking keeps it near-linear: each claim is compared only with claims that
    share some of its rarest content tokens, then scored and judged like a match.
    """
    db = store.db
    aliases = _aliases(db)
    rows = db.execute("SELECT id, report_id, quote, start FROM claims WHERE removed = 0 ORDER BY id").fetchall()
    subject_cache: dict[int, str] = {}

    def subject_of(index: int) -> str:
        """The claim with the sentence before it: where its subject is named."""
        if index not in subject_cache:
            _, report_id, quote, start = rows[index]
            before = db.execute(
                'SELECT text FROM passages WHERE report_id = ? AND "end" <= ? ORDER BY "end" DESC LIMIT 1', [report_id, start]
            ).fetchone()
            subject_cache[index] = (before[0] + " " if before else "") + quote
        return subject_cache[index]

    norms = []
    for index, (_, _, quote, _) in enumerate(rows):
        if progress and index % 5000 == 0:
            progress(0, len(rows))  # setting up: also the moment a caller may stop it
        norms.append(norm_tokens(quote, aliases))
    token_sets = [set(n.split()) for n in norms]
    frequency = Counter(token for tokens in token_sets for token in tokens)
    # Only tokens shared by a few claims block well; Counter.update counts in C.
    postings: dict[str, list[int]] = {}
    for index, tokens in enumerate(token_sets):
        for token in tokens:
            if 1 < frequency[token] <= _BLOCKING_MAX_POSTINGS:
                postings.setdefault(token, []).append(index)
    facts: dict[int, list] = {}
    common = common_tokens(db)
    suggestions = []
    for index, (claim_id, report_id, quote, _start) in enumerate(rows):
        if progress and index % 1000 == 0:
            progress(index, len(rows))
        rare = sorted((t for t in token_sets[index] if t in postings), key=frequency.__getitem__)[:8]
        shared: Counter = Counter()
        for token in rare:
            shared.update(postings[token])
        compared = 0
        for other, _count in shared.most_common(_BLOCKING_CANDIDATES * 2):
            if other <= index or rows[other][1] == report_id:
                continue
            compared += 1
            if compared > _BLOCKING_CANDIDATES:
                break
            similarity = score(norms[index], norms[other])
            if similarity < FACT_MATCH_FLOOR:
                continue
            if index not in facts:
                facts[index] = extract_facts(quote)
            if other not in facts:
                facts[other] = extract_facts(rows[other][2])
            subjects = lambda i=index, o=other: (subject_of(i), subject_of(o))  # noqa: E731
            verdict = judge(quote, rows[other][2], similarity, facts[index], facts[other], subjects=subjects, common=common)
            if verdict.relation in ("duplicate", "conflict"):
                suggestions.append((claim_id, rows[other][0], verdict, similarity))
    if progress:
        progress(len(rows), len(rows))
    created = _store_suggestions(store, reviewer, suggestions)
    return {"claims": len(rows), "suggestions": len(suggestions), "links": dict(created)}


_BLOCKING_MAX_POSTINGS = 200
_BLOCKING_CANDIDATES = 30


def _store_suggestions(store: Store, reviewer: str | None, suggestions: list) -> Counter:
    """All suggestions in one action; a person's decision is never overwritten."""
    created: Counter = Counter()
    with store.action("suggest links", reviewer) as action:
        existing = {
            (a, b): (link_id, state)
            for link_id, a, b, state in action.db.execute("SELECT id, claim_a, claim_b, state FROM links").fetchall()
        }
        for a, b, verdict, similarity in suggestions:
            low, high = (a, b) if a < b else (b, a)
            threshold = DUPLICATE_THRESHOLD if verdict.relation == "duplicate" else SUGGEST_THRESHOLD
            differences = [asdict(d) for d in verdict.differences]
            if (low, high) in existing:
                if existing[(low, high)][1] == "suggested":
                    add_link(action, low, high, verdict.relation, state="suggested", scorer=SCORER, score=round(similarity, 1),
                             threshold=threshold, differences=differences)
                    created["suggested " + verdict.relation] += 1
                continue
            row = {"claim_a": low, "claim_b": high, "kind": verdict.relation, "state": "suggested", "scorer": SCORER,
                   "score": round(similarity, 1), "threshold": threshold, "differences": json.dumps(differences, ensure_ascii=False),
                   "created_by": action.reviewer, "created": action.at}
            link_id = action.db.conn.execute(
                f"INSERT INTO links ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
            ).lastrowid
            action.log("links", json.dumps([link_id]), None, {"id": link_id, **row, "decided_by": None, "decided": None,
                                                               "kept_claim": None, "resolution_note": None, "resolved_by": None, "resolved": None})
            existing[(low, high)] = (link_id, "suggested")
            created["suggested " + verdict.relation] += 1
    return created
