"""How re-anchoring fares on eight kinds of revision of the real reports.

For each report of the corpus, claims are made on random sentences (whole, or a
run of four words or more); each claim's report is then revised in eight ways,
one at a time, with the place where the claim's words went known exactly; and
every re-anchoring is judged against that truth:

- wrong: found (not orphaned), but not on the claim's words, or its sentence was deleted
- clipped: on the claim's words, but not covering all of them
- silent figure: the words found state other figures than the claim's, and the
  anchor does not say so (not needs_review, or no figure recorded)
- lost: orphaned although the claim's words are still there
- review: found, and marked needs re-review

    /work/venv/bin/python bench/reanchor_revisions.py [--claims 30] [--seed 1]

It reports, it is not a test (tests/test_reanchor_safety.py holds the bars). The
corpus comes from $CLAIMDESK_CORPUS, else ../shared/corpus beside the repository.
"""

from __future__ import annotations

import argparse
import os
import random
import re
from collections import Counter
from pathlib import Path

from claimdesk.claims.anchoring import context, reanchor
from claimdesk.claims.figures import figures
from claimdesk.sources.importer import parse_report, read_source

KINDS = ("insert-before", "delete-sentence", "reword-inside", "figure-inside", "move-paragraph", "retype", "delete-neighbour", "insert-inside")


def corpus() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS") or Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")


def claims_of(text: str, sentences: list[tuple[int, int]], count: int, rng: random.Random) -> list[tuple[int, int]]:
    usable = [(s, e) for s, e in sentences if 40 <= e - s <= 300 and "\n" not in text[s:e] and text.count(text[s:e]) == 1]
    chosen = rng.sample(usable, min(count, len(usable)))
    spans = []
    for start, end in chosen:
        words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
        if rng.random() < 0.5 or len(words) < 6:
            spans.append((start, end))
            continue
        first = rng.randrange(0, len(words) - 4)
        last = rng.randrange(first + 3, len(words))
        spans.append((start + words[first][0], start + words[last][1]))
    return spans


def sentence_of(sentences, start, end):
    return next((s, e) for s, e in sentences if s <= start and end <= e)


def revise(text: str, sentences, start: int, end: int, kind: str, rng: random.Random):
    """(revised text, (start, end) of the claim's words in it, or None if they are gone)."""
    s_start, s_end = sentence_of(sentences, start, end)
    if kind == "insert-before":
        added = "A paragraph added by the revision, about something else entirely.\n\n"
        at = text.rfind("\n\n", 0, start) + 2 if text.rfind("\n\n", 0, start) != -1 else 0
        return text[:at] + added + text[at:], (start + len(added), end + len(added))
    if kind == "delete-sentence":
        stop = s_end + 1 if text[s_end:s_end + 1] == " " else s_end
        return text[:s_start] + text[stop:], None
    if kind in ("reword-inside", "figure-inside", "insert-inside"):
        words = [m for m in re.finditer(r"[^\W\d_]{4,}|\d+", text[start:end])]
        numbers = [m for m in words if m[0].isdigit()]
        if kind == "figure-inside" and numbers:
            m = rng.choice(numbers)
            new = str(int(m[0]) + rng.randint(1, 9))
        elif kind == "insert-inside":
            spaces = [m.start() for m in re.finditer(" ", text[start:end])]
            at = start + spaces[len(spaces) // 2] if spaces else end
            added = " and, as the revision adds,"
            return text[:at] + added + text[at:], (start, end + len(added))
        else:
            m = rng.choice([w for w in words if not w[0].isdigit()] or words)
            new = "revised"
        a, b = start + m.start(), start + m.end()
        return text[:a] + new + text[b:], (start, end + len(new) - (b - a))
    if kind == "move-paragraph":
        p_start = text.rfind("\n\n", 0, start) + 2 if text.rfind("\n\n", 0, start) != -1 else 0
        p_end = text.find("\n\n", end)
        p_end = len(text) if p_end == -1 else p_end
        paragraph = text[p_start:p_end]
        rest = text[:p_start] + text[p_end + 2:] if p_end < len(text) else text[:max(0, p_start - 2)]
        breaks = [m.end() for m in re.finditer(r"\n\n", rest)]
        at = rng.choice(breaks) if breaks else 0
        revised = rest[:at] + paragraph + "\n\n" + rest[at:]
        offset = at - p_start
        return revised, (start + offset, end + offset)
    if kind == "retype":
        a, b = max(0, start - 200), min(len(text), end + 200)
        piece = text[a:b].replace(" ", "  ").replace("'", "’").replace('"', "“")
        grow = text[a:start].count(" ")
        grow_in = text[start:end].count(" ")
        return text[:a] + piece + text[b:], (start + grow, end + grow + grow_in)
    if kind == "delete-neighbour":
        after = [(s, e) for s, e in sentences if s >= s_end][:1]
        before = [(s, e) for s, e in sentences if e <= s_start][-1:]
        if after:
            s, e = after[0]
            return text[:s] + text[e:], (start, end)
        if before:
            s, e = before[0]
            return text[:s] + text[e:], (start - (e - s), end - (e - s))
        return text, (start, end)
    raise ValueError(kind)


def judge(text, revised, start, end, truth, anchor) -> list[str]:
    quote = text[start:end]
    outcome = []
    if anchor.status == "orphaned":
        return ["lost"] if truth else ["orphaned"]
    found = revised[anchor.start:anchor.end]
    if truth is None or anchor.end <= truth[0] or anchor.start >= truth[1]:
        return ["wrong"]
    t_start, t_end = truth
    while t_start < t_end and revised[t_start].isspace():
        t_start += 1
    if anchor.start > t_start or anchor.end < t_end:
        outcome.append("clipped")
    if figures(found) != figures(quote) and not (anchor.needs_review and anchor.figures):
        outcome.append("silent figure")
    if anchor.needs_review:
        outcome.append("review")
    return outcome or ["exact"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    totals: Counter = Counter()
    per_kind: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    examples: list[str] = []
    for path in sorted(corpus().iterdir()):
        if path.suffix not in (".txt", ".md", ".html") or path.name == "README.md":
            continue
        source = read_source(path)
        parsed = parse_report(source.data, source.format)
        text, sentences = parsed.text, parsed.sentences
        for start, end in claims_of(text, sentences, options.claims, rng):
            prefix, suffix = context(text, start, end)
            for kind in KINDS:
                revised, truth = revise(text, sentences, start, end, kind, rng)
                anchor = reanchor(revised, text[start:end], prefix, suffix, start, text)
                for outcome in judge(text, revised, start, end, truth, anchor):
                    totals[outcome] += 1
                    per_kind[kind][outcome] += 1
                    if outcome in ("wrong", "clipped", "silent figure", "lost") and len(examples) < 12:
                        examples.append(f"{path.name} {kind} {outcome}: {text[start:end][:70]!r} -> "
                                        f"{revised[anchor.start:anchor.end][:70]!r} ({anchor.method})")
                totals["re-anchorings"] += 1
    columns = ("exact", "review", "orphaned", "lost", "wrong", "clipped", "silent figure")
    print("| kind | " + " | ".join(columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for kind in KINDS:
        print(f"| {kind} | " + " | ".join(str(per_kind[kind][c]) for c in columns) + " |")
    print(f"| all ({totals['re-anchorings']}) | " + " | ".join(str(totals[c]) for c in columns) + " |")
    for line in examples:
        print("-", line)


if __name__ == "__main__":
    main()
