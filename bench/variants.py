"""Distinct synthetic sentences built from the corpus, and big stores full of them.

Nothing of the corpus is stored in the repository: the sentences of both
reports are read at run time (``$CLAIMDESK_CORPUS``, else ``../shared/corpus``
beside the repository), split by the importer's own ``parse_report``, and
rewritten:

* ``variant``: one corpus sentence, lightly changed (1-3 of: numbers
  substituted -- years, percentages, amounts, counts; a country or person
  name of the corpus swapped for another; a word dropped or doubled; an
  opening such as "According to <person>," or "In <year>," added). These are
  the near-duplicates a query finds.
* ``recombined``: the opening clause(s) of one corpus sentence joined to the
  closing clause(s) of another (sometimes a third), then perhaps lightly
  changed as above. These share part of their words with several corpus
  sentences: the many partial matches a big corpus holds.
* ``copy``: a corpus sentence verbatim (a few per thousand).

Every sentence a generator returns is distinct from the others it returned
(copies aside). The output is deterministic for a given seed.

Two store builders use them (the stores are cached by the benchmarks):

* ``build_sentence_store``: the real corpus imported normally, then synthetic
  reports of ``per_report`` sentences inserted straight into ``reports``,
  ``revisions``, ``sentences`` and ``passages`` (the FTS triggers fill the
  index), one transaction per report, as ``import_paths`` would; ``norm`` is
  ``norm_tokens(text)``, computed in worker processes.
* ``build_claim_store``: the real corpus, then synthetic reports made of
  claim sentences and filler sentences, and one ``claims`` row per claim
  sentence (or clause of it). Claims come in families: a family's members sit
  in different reports, each a small change of the family's sentence (a word
  dropped or doubled, "%" written "per cent", "US" for "United States", an
  opening added, or verbatim) or, for some, the same sentence with a number
  changed (a planted conflict).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import multiprocessing
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402  (bench/synthetic.py, beside this file)

GENERATOR_VERSION = 2
"""Bumped whenever the generated sentences change, so that cached stores are rebuilt."""

# Shares of each kind in make_sentences (the rest is "recombined").
COPY_SHARE = 0.002
VARIANT_SHARE = 0.15

# Country names in general; only those the corpus mentions are swapped.
_COUNTRY_NAMES = """Argentina Bolivia Brazil Chile China Colombia Costa Rica Cuba Ecuador El Salvador France Germany
Guatemala Honduras India Iran Japan Mexico Nicaragua Panama Paraguay Peru Russia Spain Syria Turkey Ukraine Uruguay
Venezuela Canada Belarus Kazakhstan Crimea Georgia Cyprus Egypt Israel Italy Poland Portugal""".split("\n")
_COUNTRIES = [name for line in _COUNTRY_NAMES for name in re.findall(r"[A-Z][a-z]+(?: (?:Rica|Salvador))?", line)]
# Common first names in general: a capitalised pair of the corpus that starts with one is a person.
_FIRST_NAMES = set("""Agustin Alberto Alexander Alexei Andrei Andrey Bashar Cristina Daniel Dilma Dmitry Edgardo Eduard
Elliott Evo Fidel Hugo Ivan Jair Jeanine John Jorge Juan Julio Luiz Marine Mauricio Michelle Mikhail Nestor Néstor
Nicolas Rafael Raul Rex Ricardo Sebastian Sergei Sergey Valery Vasily Vladimir Yuri""".split())
_NUMBERISH = re.compile(r"\d")
_QUALIFIERS = set("nearly more than over about almost around least less under up to some million billion thousand "
                  "percent per cent".split())
_CLAUSE_CUT = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:and|but|while|whereas|which|although|because|as well as)\s)")
_OPENINGS = ["Moreover, ", "Indeed, ", "In fact, ", "However, ", "At the same time, ", "Thus, ", "Today, ",
             "According to {person}, ", "In {year}, ", "As {person} noted, ", "By {year}, "]
_JOINS = [", and ", ", while ", "; ", ", whereas ", ", but ", " and "]


@dataclass
class Material:
    sentences: list[str]
    clauses: list[list[str]]
    countries: list[str]
    people: list[str]
    names_re: re.Pattern = field(repr=False)
    lower_words: set[str] = field(default_factory=set, repr=False)
    """Words the corpus writes in lower case somewhere: a sentence's first word may lose its capital."""

    def decapitalise(self, text: str) -> str:
        """The sentence as it reads after an opening or a joining word."""
        first = text.split(" ", 1)[0]
        keep = first == "I" or (first.lower() not in self.lower_words and not first.endswith(","))
        return text if keep else text[:1].lower() + text[1:]


def load_material(corpus: str | os.PathLike | None = None) -> Material:
    """The corpus sentences (both reports), their clauses, and the names to swap."""
    from claimdesk.sources.importer import parse_report

    folder = synthetic.corpus_dir(corpus)
    sentences: list[str] = []
    for name, fmt in ((synthetic.IFRI, "txt"), (synthetic.WERRA, "md")):
        parsed = parse_report((folder / name).read_bytes(), fmt)
        for start, end in parsed.sentences:
            text = " ".join(parsed.text[start:end].split())
            if len(text.split()) >= 5 and any(c.islower() for c in text):  # no headings or page furniture
                sentences.append(text)
    sentences = list(dict.fromkeys(sentences))
    whole = "\n".join(sentences)
    countries = sorted(c for c in _COUNTRIES if re.search(rf"\b{c}\b", whole))
    people = sorted({m.group(0) for m in re.finditer(r"\b([A-Z][a-zé]+) [A-Z][a-zé]{3,}\b", whole) if m[1] in _FIRST_NAMES})
    names = sorted(countries + people, key=len, reverse=True)
    names_re = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    clauses = [[c for c in _CLAUSE_CUT.split(s) if c] for s in sentences]
    lower_words = set(re.findall(r"(?<![.!?] )\b[a-z]+\b", whole))
    return Material(sentences, clauses, countries, people, names_re, lower_words)


# --- changes ------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<year>\b(?:19[5-9]\d|20[0-2]\d)\b)"
    r"|(?P<pct>\b\d{1,2}(?:\.\d)?(?=\s?%|\s?per ?cent))"
    r"|(?P<amount>\b\d{1,3}(?:\.\d{1,2})?(?=\s(?:million|billion|thousand)\b))"
    r"|(?P<count>(?<![\d.,\-])\b\d{1,4}\b(?![\d.,%]))"
)


def change_numbers(rng: random.Random, text: str, share: float = 0.8) -> str:
    """Years, percentages, amounts and counts replaced by others (each with probability share)."""

    def swap(m: re.Match) -> str:
        if rng.random() > share:
            return m[0]
        old = m[0]
        for _ in range(5):
            if m["year"]:
                new = str(rng.randint(1990, 2023))
            elif m["pct"]:
                new = str(rng.randint(2, 95)) if "." not in old else f"{rng.uniform(0.5, 60):.1f}"
            elif m["amount"]:
                new = f"{float(old) * rng.choice([0.3, 0.5, 0.7, 1.4, 2, 3, 5]):.1f}".removesuffix(".0")
            else:
                new = str(max(2, round(int(old) * rng.choice([0.25, 0.5, 0.75, 1.5, 2, 3, 10]))))
            if new != old:
                return new
        return str(int(float(old)) + 1) if old.replace(".", "").isdigit() else old

    return _NUMBER.sub(swap, text)


def has_number(text: str) -> bool:
    return _NUMBER.search(text) is not None


def swap_name(rng: random.Random, text: str, m: Material) -> str:
    """One country or person name of the corpus replaced by another of its kind."""
    found = list(m.names_re.finditer(text))
    if not found:
        return text
    hit = rng.choice(found)
    pool = m.countries if hit[0] in m.countries else m.people
    other = rng.choice([p for p in pool if p != hit[0]] or pool)
    return text[:hit.start()] + other + text[hit.end():]


def _droppable(word: str) -> bool:
    return not _NUMBERISH.search(word) and word.lower().strip(",;:.\"'()") not in _QUALIFIERS


def drop_word(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    spots = [i for i in range(1, len(words) - 1) if _droppable(words[i])]
    if not spots:
        return text
    i = rng.choice(spots)
    return " ".join(words[:i] + words[i + 1:])


def double_word(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    if len(words) < 3:
        return text
    i = rng.randrange(1, len(words) - 1)
    return " ".join(words[:i + 1] + [words[i]] + words[i + 1:])


def add_opening(rng: random.Random, text: str, m: Material) -> str:
    opening = rng.choice(_OPENINGS).format(person=rng.choice(m.people or ["the author"]), year=rng.randint(1995, 2023))
    return opening + m.decapitalise(text)


def surface_change(rng: random.Random, text: str) -> str:
    """A change of spelling only, which normalisation folds back."""
    options = []
    if "%" in text:
        options.append(lambda t: re.sub(r"\s?%", " per cent", t, count=1))
    if "per cent" in text:
        options.append(lambda t: t.replace(" per cent", "%", 1))
    for long, short in (("United States", "US"), ("Soviet Union", "USSR"), ("Latin America and the Caribbean", "LAC"),
                        ("Russian Federation", "Russia"), ("United Nations", "UN"), ("European Union", "EU")):
        if re.search(rf"\b{long}\b", text):
            options.append(lambda t, a=long, b=short: re.sub(rf"\b{a}\b", b, t, count=1))
        elif re.search(rf"\b{short}\b", text):
            options.append(lambda t, a=long, b=short: re.sub(rf"\b{b}\b", a, t, count=1))
    return rng.choice(options)(text) if options else text


def _finish(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if not text:
        return text
    if text[-1] not in ".!?\"”’)":
        text += "."
    return text[:1].upper() + text[1:]


def light_change(rng: random.Random, text: str, m: Material, changes: int | None = None) -> str:
    """1-3 light changes (numbers, a name, a word dropped or doubled, an opening)."""
    kinds = ["numbers", "name", "drop", "double", "opening"]
    weights = [3 if has_number(text) else 0, 3 if m.names_re.search(text) else 0, 3, 1, 2]
    for kind in rng.choices(kinds, weights, k=changes or rng.choice([1, 1, 2, 2, 3])):
        if kind == "numbers":
            text = change_numbers(rng, text)
        elif kind == "name":
            text = swap_name(rng, text, m)
        elif kind == "drop":
            text = drop_word(rng, text)
        elif kind == "double":
            text = double_word(rng, text)
        else:
            text = add_opening(rng, text, m)
    return _finish(text)


_CONNECTOR = re.compile(r"(?:and|but|while|whereas|which|although|because|as well as)\s", re.I)


def _glue(rng: random.Random, head: str, tail: str, m: Material) -> str:
    """head + a joining word + tail (a tail that opens with its own connector gets a comma only)."""
    head = head.rstrip(" ,;:.")
    tail = m.decapitalise(tail)
    if _CONNECTOR.match(tail):
        return f"{head}, {tail}"
    return head + rng.choice(_JOINS) + tail


def recombine(rng: random.Random, m: Material) -> str:
    """The opening clause(s) of one corpus sentence, the closing clause(s) of another (or two)."""
    while True:
        a, b = rng.sample(range(len(m.sentences)), 2)
        ca, cb = m.clauses[a], m.clauses[b]
        head = " ".join(ca[:rng.randint(1, max(1, len(ca) - 1))])
        tail = " ".join(cb[rng.randint(1, len(cb) - 1):] if len(cb) > 1 else cb)
        if len(head.split()) >= 3 and len(tail.split()) >= 3:
            break
    text = _glue(rng, head, tail, m)
    if rng.random() < 0.15:  # a third sentence's ending
        last = m.clauses[rng.randrange(len(m.sentences))][-1]
        if len(last.split()) >= 3:
            text = _glue(rng, text, last, m)
    if rng.random() < 0.5:
        return light_change(rng, text, m, changes=1)
    return _finish(text)


def make_sentence(rng: random.Random, m: Material) -> tuple[str, str]:
    """One synthetic sentence and its kind ("copy", "variant", "recombined")."""
    roll = rng.random()
    if roll < COPY_SHARE:
        return rng.choice(m.sentences), "copy"
    if roll < COPY_SHARE + VARIANT_SHARE:
        return light_change(rng, rng.choice(m.sentences), m), "variant"
    return recombine(rng, m), "recombined"


def make_sentences(n: int, m: Material, seed: int | str, seen: set | None = None) -> list[tuple[str, str]]:
    """n distinct sentences (copies of corpus sentences may repeat), with their kinds."""
    rng = random.Random(seed)
    seen = set() if seen is None else seen
    out = []
    while len(out) < n:
        text, kind = make_sentence(rng, m)
        key = hash(text)
        if kind != "copy" and key in seen:
            continue
        seen.add(key)
        out.append((text, kind))
    return out


# --- reports from sentences ---------------------------------------------------

def lay_out(rng: random.Random, sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Paragraphs of 3-7 sentences; the text and each sentence's (start, end)."""
    parts, spans, offset, i = [], [], 0, 0
    while i < len(sentences):
        size = rng.randint(3, 7)
        for j, sentence in enumerate(sentences[i:i + size]):
            if j:
                parts.append(" ")
                offset += 1
            spans.append((offset, offset + len(sentence)))
            parts.append(sentence)
            offset += len(sentence)
        i += size
        if i < len(sentences):
            parts.append("\n\n")
            offset += 2
    return "".join(parts) + "\n", spans


_MATERIAL: Material | None = None


def norm_fingerprint(m: Material) -> str:
    """A digest of norm_tokens over the corpus sentences: a cached store whose
    norms were computed by another version of the normaliser is rebuilt."""
    return hashlib.sha256("\n".join(_norm_batch(m.sentences)).encode("utf-8")).hexdigest()[:16]


def _norm_batch(texts: list[str]) -> list[str]:
    from claimdesk.store.passages import norm_tokens

    return [norm_tokens(t) for t in texts]


def _sentence_batch(task: tuple[int, int, str]) -> tuple[list[tuple[str, str]], list[str]]:
    index, count, seed = task
    batch = make_sentences(count, _MATERIAL, f"{seed}-{index}")
    return batch, _norm_batch([t for t, _ in batch])


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _new_store(path: Path, corpus: Path):
    from claimdesk.library import import_paths
    from claimdesk.store.db import Store

    for suffix in ("", "-wal", "-shm", ".json"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path)
    import_paths(store, [corpus / synthetic.IFRI, corpus / synthetic.WERRA], reviewer="bench")
    return store


def insert_report(action, report_id: str, title: str, text: str, spans: list[tuple[int, int]], norms: list[str]) -> int:
    """A report, its one revision, its sentences and passages, as save_import would leave them."""
    from claimdesk.store.db import now

    conn = action.db.conn
    raw = text.encode("utf-8")
    stamp = now()
    conn.execute("INSERT INTO reports (id, current_revision, created, updated) VALUES (?, 1, ?, ?)", [report_id, stamp, stamp])
    revision_id = conn.execute(
        """INSERT INTO revisions (report_id, number, sha256, format, source_path, title, text, raw, imported_at, imported_by)
           VALUES (?, 1, ?, 'txt', ?, ?, ?, ?, ?, ?)""",
        [report_id, hashlib.sha256(raw).hexdigest(), f"(synthetic)/{report_id}.txt", title, text, raw, stamp, action.reviewer],
    ).lastrowid
    conn.executemany('INSERT INTO sentences (revision_id, ordinal, start, "end") VALUES (?, ?, ?, ?)',
                     ((revision_id, i, s, e) for i, (s, e) in enumerate(spans)))
    conn.executemany(
        'INSERT INTO passages (revision_id, report_id, ordinal, start, "end", text, norm) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ((revision_id, report_id, i, s, e, text[s:e], norm) for i, ((s, e), norm) in enumerate(zip(spans, norms))),
    )
    action.log("report", report_id, None, {"revision": 1, "sha256": hashlib.sha256(raw).hexdigest(), "title": title,
                                           "path": f"(synthetic)/{report_id}.txt"})
    return revision_id


def _pool(workers: int):
    return multiprocessing.get_context("fork").Pool(workers)


def build_sentence_store(path: str | os.PathLike, n_sentences: int, corpus: str | os.PathLike | None = None, *,
                         per_report: int = 10_000, seed: int = 1_000_000, workers: int | None = None) -> dict:
    """A store with the real corpus and n_sentences synthetic sentences in reports of per_report."""
    global _MATERIAL
    started = time.perf_counter()
    corpus = synthetic.corpus_dir(corpus)
    path = Path(path)
    _MATERIAL = load_material(corpus)
    store = _new_store(path, corpus)
    counts = [per_report] * (n_sentences // per_report) + ([n_sentences % per_report] if n_sentences % per_report else [])
    kinds: dict[str, int] = {}
    seen: set[int] = set()
    layout_rng = random.Random(seed)
    workers = workers or max(1, len(os.sched_getaffinity(0)))
    try:
        with _pool(workers) as pool:
            # 10% extra per report: sentences already made by another report are dropped.
            tasks = [(i, int(c * 1.10) + 10, str(seed)) for i, c in enumerate(counts)]
            for (index, _, _), (batch, norms) in zip(tasks, pool.imap(_sentence_batch, tasks)):
                kept_texts, kept_norms = [], []
                more = 0
                while True:
                    for (text, kind), norm in zip(batch, norms):
                        key = hash(text)
                        if kind != "copy" and key in seen:
                            continue
                        seen.add(key)
                        kinds[kind] = kinds.get(kind, 0) + 1
                        kept_texts.append(text)
                        kept_norms.append(norm)
                        if len(kept_texts) == counts[index]:
                            break
                    if len(kept_texts) == counts[index]:
                        break
                    # Short (sentences other reports already made): top up here.
                    more += 1
                    batch = make_sentences(2 * (counts[index] - len(kept_texts)) + 10, _MATERIAL, f"{seed}-{index}-more{more}")
                    norms = _norm_batch([t for t, _ in batch])
                text, spans = lay_out(layout_rng, kept_texts)
                with store.action("import", "bench") as action:
                    insert_report(action, f"synthetic-{index + 1:04d}", f"Synthetic report {index + 1}", text, spans, kept_norms)
                done = sum(kinds.values())
                elapsed = time.perf_counter() - started
                _log(f"  report {index + 1}/{len(counts)}: {done:,} sentences, {elapsed:.0f} s")
        total = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    finally:
        store.close()
    info = {"generator": GENERATOR_VERSION, "norm": norm_fingerprint(_MATERIAL), "sentences": n_sentences,
            "synthetic": sum(kinds.values()), "per_report": per_report, "seed": seed,
            "passages": total, "kinds": kinds, "build_s": round(time.perf_counter() - started, 1),
            "bytes": os.path.getsize(path)}
    Path(str(path) + ".json").write_text(json.dumps(info, indent=1))
    return info


@contextlib.contextmanager
def build_lock(path: str | os.PathLike):
    """Held while a benchmark checks, builds or copies a cached store: two runs
    at once (the cache is shared) wait for each other instead of building the
    same file together."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def cached_info(path: str | os.PathLike, **wanted) -> dict | None:
    """The build record of a cached store, if it exists and was built with these parameters
    (pass norm=norm_fingerprint(material) to rebuild when the normaliser has changed)."""
    record = Path(str(path) + ".json")
    if not Path(path).exists() or not record.exists():
        return None
    try:
        info = json.loads(record.read_text())
    except ValueError:
        return None
    if info.get("generator") != GENERATOR_VERSION or any(info.get(k) != v for k, v in wanted.items()):
        return None
    return info


# --- claims -------------------------------------------------------------------

FAMILY_SIZES = [(1, 0.60), (2, 0.22), (3, 0.10), (4, 0.04), (5, 0.025), (6, 0.015)]
"""How many reports state a claim (one claim in each): most claims appear once."""
CONFLICT_SHARE = 0.25
"""Of the second and later members of a family whose sentence has a number: the share with a number changed."""
CLAUSE_CLAIM_SHARE = 0.2
"""Claims whose quote is one clause of the sentence rather than all of it."""


def _member(rng: random.Random, text: str, m: Material) -> tuple[str, str]:
    """A later member of a claim family: (sentence, how it differs from the first)."""
    if has_number(text) and rng.random() < CONFLICT_SHARE:
        changed = change_numbers(rng, text, share=1.0)
        if changed != text:
            return changed, "number"
    roll = rng.random()
    if roll < 0.15:
        return text, "verbatim"
    if roll < 0.45:
        return _finish(drop_word(rng, text)), "drop"
    if roll < 0.6:
        return _finish(double_word(rng, text)), "double"
    if roll < 0.8:
        changed = surface_change(rng, text)
        if changed != text:
            return changed, "spelling"
    return _finish(add_opening(rng, text, m)), "opening"


def _clause_span(rng: random.Random, sentence: str) -> tuple[int, int]:
    """A clause of the sentence (at least 6 words), else the whole sentence: offsets within it."""
    cuts = [0] + [mm.end() for mm in _CLAUSE_CUT.finditer(sentence)] + [len(sentence) + 1]
    options = [(a, b - 1) for a, b in zip(cuts, cuts[1:]) if len(sentence[a:b].split()) >= 6]
    if len(cuts) < 3 or not options:
        return 0, len(sentence)
    start, end = rng.choice(options)
    while end > start and sentence[end - 1] in " ,;:":
        end -= 1
    return start, end


def build_claim_store(path: str | os.PathLike, n_claims: int, corpus: str | os.PathLike | None = None, *,
                      n_reports: int | None = None, fillers: tuple[int, int] = (1, 2), seed: int = 100_000,
                      workers: int | None = None) -> dict:
    """A store with the real corpus, synthetic reports, and n_claims claims on them (no links).

    Writes PATH.claims.json: for each claim id, its family and how it differs
    from the family's first member, so that a benchmark can check what was found.
    """
    global _MATERIAL
    from claimdesk.store.db import now

    started = time.perf_counter()
    corpus = synthetic.corpus_dir(corpus)
    path = Path(path)
    m = _MATERIAL = load_material(corpus)
    n_reports = n_reports or max(10, n_claims // 100)
    rng = random.Random(seed)
    seen: set[int] = set()
    # Families: a distinct sentence, stated in k reports.
    placed: list[list[tuple[str, int, str]]] = [[] for _ in range(n_reports)]  # per report: (sentence, family, change)
    sizes, weights = zip(*FAMILY_SIZES)
    family = 0
    total = 0
    while total < n_claims:
        k = min(rng.choices(sizes, weights)[0], n_claims - total, n_reports)
        text, _kind = make_sentence(rng, m)
        if hash(text) in seen:
            continue
        seen.add(hash(text))
        members = [(text, "first")] + [_member(rng, text, m) for _ in range(k - 1)]
        for report, (sentence, change) in zip(rng.sample(range(n_reports), k), members):
            seen.add(hash(sentence))
            placed[report].append((sentence, family, change))
        family += 1
        total += k
    _log(f"  {total:,} claims in {family:,} families over {n_reports:,} reports; generating fillers…")
    # Each claim sentence follows 1-2 filler sentences (the sentence before names the subject).
    n_fillers = sum(rng.randint(*fillers) for report in placed for _ in report)
    filler_rng_seed = f"{seed}-fillers"
    filler_texts = [t for t, _ in make_sentences(n_fillers, m, filler_rng_seed, seen)]
    reports = []
    next_filler = 0
    for items in placed:
        rng.shuffle(items)
        sentences, claim_at = [], []
        for sentence, fam, change in items:
            for _ in range(rng.randint(*fillers)):
                if next_filler < len(filler_texts):
                    sentences.append(filler_texts[next_filler])
                    next_filler += 1
            claim_at.append((len(sentences), fam, change))
            sentences.append(sentence)
        reports.append((sentences, claim_at))
    workers = workers or max(1, len(os.sched_getaffinity(0)))
    store = _new_store(path, corpus)
    families: dict[int, list] = {}
    try:
        with _pool(workers) as pool:
            all_norms = pool.imap(_norm_batch, [s for s, _ in reports])
            stamp = now()
            for index, ((sentences, claim_at), norms) in enumerate(zip(reports, all_norms)):
                text, spans = lay_out(rng, sentences)
                report_id = f"synthetic-{index + 1:04d}"
                rows = []
                with store.action("import", "bench") as action:
                    first_id = action.db.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
                    insert_report(action, report_id, f"Synthetic report {index + 1}", text, spans, norms)
                    for ordinal, fam, change in claim_at:
                        s, e = spans[ordinal]
                        if rng.random() < CLAUSE_CLAIM_SHARE:
                            a, b = _clause_span(rng, text[s:e])
                            s, e = s + a, s + b
                        rows.append((report_id, s, e, text[s:e], text[max(0, s - 32):s], text[e:e + 32], "bench", stamp, stamp))
                    action.db.conn.executemany(
                        'INSERT INTO claims (report_id, revision, start, "end", quote, prefix, suffix, reviewer, created, updated) '
                        "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                for offset, (_ordinal, fam, change) in enumerate(claim_at):
                    families[first_id + offset] = [fam, change]
                if (index + 1) % max(1, len(reports) // 10) == 0:
                    _log(f"  report {index + 1}/{len(reports)}, {time.perf_counter() - started:.0f} s")
        claims = store.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        passages = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    Path(str(path) + ".claims.json").write_text(json.dumps(families))
    changes: dict[str, int] = {}
    for fam, change in families.values():
        changes[change] = changes.get(change, 0) + 1
    info = {"generator": GENERATOR_VERSION, "norm": norm_fingerprint(m), "claims_wanted": n_claims, "claims": claims, "reports": n_reports,
            "families": family, "passages": passages, "seed": seed, "changes": changes,
            "build_s": round(time.perf_counter() - started, 1), "bytes": os.path.getsize(path)}
    Path(str(path) + ".json").write_text(json.dumps(info, indent=1))
    return info


def main(argv: list[str] | None = None) -> int:
    """Print a sample of generated sentences (to look at them)."""
    import argparse

    parser = argparse.ArgumentParser(description="Print synthetic sentences built from the corpus.")
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--seed", default="sample")
    parser.add_argument("--corpus")
    args = parser.parse_args(argv)
    m = load_material(args.corpus)
    print(f"{len(m.sentences)} corpus sentences; {len(m.countries)} countries, {len(m.people)} people: "
          f"{', '.join(m.people[:12])}…", file=sys.stderr)
    for text, kind in make_sentences(args.n, m, args.seed):
        print(f"[{kind}] {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
