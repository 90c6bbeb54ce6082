"""Large synthetic reports, built at run time from the real corpus.

Nothing of the corpus is stored in the repository: every generator reads the
reports from ``$CLAIMDESK_CORPUS`` (else ``../shared/corpus`` beside the
repository) and rearranges their paragraphs.

* ``make_large_plaintext``: the Ifri report's cover, then its body "pages"
  repeated in shuffled order until the target size, then its closing pages.
  A page is a run of body paragraphs followed by the footnote definitions
  printed where the page broke ("12. text"); the pages are cut so that every
  marker on a page has its definition on the same page. Markers (¹ … ⁶³) and
  definitions are renumbered so that the numbers keep increasing through the
  whole document, as in a very long original.
* ``make_large_markdown``: the same with the Werra report, whose markers are
  ``<sup>N</sup>`` and whose definitions are mangled
  (``<sup>&</sup>lt;sup>N</sup>``, ``$<sup>^{N}\\</sup> …$``). Its four lost
  markers stay lost, so a fraction of its notes are orphans by construction.
* ``make_many_footnotes``: the Ifri body (its own markers and notes removed)
  with ``[N]`` markers after sentences, and all N notes in a final "Notes"
  section, one ``[N] text`` paragraph each, texts taken from the Ifri notes.

Each generator returns the text; ``last_stats`` holds what it generated (notes
defined, markers placed), so a benchmark can check what the parser found.

    python bench/synthetic.py --kind txt|md|notes --mb 10 --out FILE
    python bench/synthetic.py --kind notes --notes 3000 --out FILE
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IFRI = "ifri-pyatakov-2020.txt"
WERRA = "werra-faure-2021.md"
MB = 1_000_000
"""A megabyte here is 10^6 bytes (so "10 MB" = 10,000,000 bytes of UTF-8)."""

last_stats: dict = {}
"""What the last generator call produced: kind, bytes, notes, markers, copies."""


def corpus_dir(explicit: str | os.PathLike | None = None) -> Path:
    """$CLAIMDESK_CORPUS, else ../shared/corpus beside the repository."""
    folder = Path(explicit or os.environ.get("CLAIMDESK_CORPUS") or REPO.parent / "shared" / "corpus")
    if not (folder / IFRI).is_file() or not (folder / WERRA).is_file():
        raise SystemExit(f"the corpus is missing: expected {folder}/{IFRI} and {folder}/{WERRA} (set CLAIMDESK_CORPUS)")
    return folder


def _read(folder: str | os.PathLike | None, name: str) -> str:
    return (corpus_dir(folder) / name).read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n[ \t]*(?:\n[ \t]*)+", text) if p.strip()]


# --- plain text (Ifri) -------------------------------------------------------

_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUP = str.maketrans("0123456789", _SUP_DIGITS)
_FROM_SUP = str.maketrans(_SUP_DIGITS, "0123456789")
_TXT_MARKER = re.compile(rf"(?<=\S)([{_SUP_DIGITS}]+)")
_TXT_NOTE = re.compile(r"^(\d{1,5})\. (?=\S)")


def _sup(n: int) -> str:
    return str(n).translate(_TO_SUP)


def _ifri_parts(folder) -> tuple[list[str], list[list[str]], list[str]]:
    """(cover paragraphs, body pages, closing paragraphs) of the Ifri report."""
    paragraphs = _paragraphs(_read(folder, IFRI))
    # The body starts at the first heading after the table of contents.
    toc = next(i for i, p in enumerate(paragraphs) if p.strip().lower() == "table of contents")
    start = toc + 2  # "Table of Contents", then the one paragraph of its entries
    last_note = max(i for i, p in enumerate(paragraphs) if _TXT_NOTE.match(p))
    cover, body, closing = paragraphs[:start], paragraphs[start:last_note + 1], paragraphs[last_note + 1:]
    return cover, _pages(body, _txt_markers, _txt_note_label), closing


def _txt_markers(paragraph: str) -> list[int]:
    return [int(m.group(1).translate(_FROM_SUP)) for m in _TXT_MARKER.finditer(paragraph)]


def _txt_note_label(paragraph: str) -> int | None:
    match = _TXT_NOTE.match(paragraph)
    return int(match.group(1)) if match else None


def _pages(body: list[str], markers_of, note_label_of, is_separator=lambda p: False) -> list[list[str]]:
    """Cut the body after a run of note definitions, once the page is closed:
    every marker met so far on the page has its definition on the page."""
    pages: list[list[str]] = []
    page: list[str] = []
    marked: set[int] = set()
    defined: set[int] = set()
    for index, paragraph in enumerate(body):
        page.append(paragraph)
        label = note_label_of(paragraph)
        if label is not None:
            defined.add(label)
        elif not is_separator(paragraph):
            marked.update(markers_of(paragraph))
        following = body[index + 1] if index + 1 < len(body) else None
        run_ends = following is None or (note_label_of(following) is None and not is_separator(following))
        if defined and run_ends and marked <= defined:
            pages.append(page)
            page, marked, defined = [], set(), set()
    if page:
        pages.append(page)
    return pages


def _renumber_txt_page(page: list[str], next_label: int) -> tuple[list[str], int, int]:
    """Renumber a page's markers and notes from next_label; returns (page, next, markers)."""
    labels = sorted({n for p in page for n in (_txt_markers(p) if _txt_note_label(p) is None else [_txt_note_label(p)])})
    mapping = {old: next_label + i for i, old in enumerate(labels)}
    out, markers = [], 0
    for paragraph in page:
        label = _txt_note_label(paragraph)
        if label is not None:
            out.append(_TXT_NOTE.sub(f"{mapping[label]}. ", paragraph, count=1))
            continue

        def marker(match: re.Match) -> str:
            nonlocal markers
            old = int(match.group(1).translate(_FROM_SUP))
            if old not in mapping:
                return match.group(0)
            markers += 1
            return _sup(mapping[old])

        out.append(_TXT_MARKER.sub(marker, paragraph))
    return out, next_label + len(labels), markers


def _repeat_pages(pages, renumber, head: list[str], tail: list[str], target_bytes: int, seed: int, first_label: int):
    """Cover, then shuffled copies of the pages until target_bytes, then the tail."""
    rng = random.Random(seed)
    out = list(head)
    size = sum(len(p.encode("utf-8")) + 2 for p in head)
    tail_size = sum(len(p.encode("utf-8")) + 2 for p in tail)
    next_label, markers, notes_before, copies = first_label, 0, first_label, 0
    order = list(range(len(pages)))  # the first copy keeps the original order
    while True:
        for index in order:
            renumbered, next_label, count = renumber(pages[index], next_label)
            markers += count
            out.extend(renumbered)
            size += sum(len(p.encode("utf-8")) + 2 for p in renumbered)
            if size + tail_size >= target_bytes:
                break
        else:
            copies += 1
            order = order[:]
            rng.shuffle(order)
            continue
        break
    renumbered, next_label, count = renumber(tail, next_label)
    out.extend(renumbered)
    markers += count
    text = "\n\n".join(out) + "\n"
    return text, next_label - notes_before, markers, copies


def make_large_plaintext(target_bytes: int, corpus_dir: str | os.PathLike | None = None, *, seed: int = 2020, first_label: int = 1) -> str:
    """~target_bytes of UTF-8 plain text from the Ifri report (footnotes interleaved at page breaks)."""
    cover, pages, closing = _ifri_parts(corpus_dir)
    # The closing pages (Conclusion, the publisher's back matter) carry no notes.
    text, notes, markers, copies = _repeat_pages(pages, _renumber_txt_page, cover, closing, target_bytes, seed, first_label)
    last_stats.clear()
    last_stats.update(kind="txt", bytes=len(text.encode("utf-8")), notes=notes, markers=markers, copies=copies,
                      labels=f"{first_label}..{first_label + notes - 1}")
    return text


# --- notes section with [N] markers (Ifri) -----------------------------------

_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"’*][.!?])(?=\s+[A-Z“\"(])|(?<=[a-z0-9)\]”\"’*][.!?])$")


def make_many_footnotes(n_footnotes: int, corpus_dir: str | os.PathLike | None = None) -> str:
    """A plain-text report with n_footnotes endnotes: "[N]" markers after sentences
    of the Ifri body, and "[N] text" paragraphs under a final "Notes" heading."""
    cover, pages, _closing = _ifri_parts(corpus_dir)
    cover = cover[:next(i for i, p in enumerate(cover) if p.strip().lower() == "table of contents")]
    body = [_TXT_MARKER.sub("", p) for page in pages for p in page if _txt_note_label(p) is None]
    note_texts = [_TXT_NOTE.sub("", p, count=1) for page in pages for p in page if _txt_note_label(p) is not None]
    out = list(cover)
    label = 0
    while label < n_footnotes:
        for paragraph in body:
            if label >= n_footnotes:
                break
            if len(paragraph) < 150:  # headings and short lines stay as they are
                out.append(paragraph)
                continue

            def marker(match: re.Match) -> str:
                nonlocal label
                if label >= n_footnotes:
                    return ""
                label += 1
                return f"[{label}]"

            out.append(_SENTENCE_END.sub(marker, paragraph))
    out.append("Notes")
    out.extend(f"[{k}] {note_texts[(k - 1) % len(note_texts)]}" for k in range(1, n_footnotes + 1))
    text = "\n\n".join(out) + "\n"
    last_stats.clear()
    last_stats.update(kind="notes", bytes=len(text.encode("utf-8")), notes=n_footnotes, markers=label, copies=None,
                      labels=f"1..{n_footnotes}")
    return text


# --- Markdown (Werra) --------------------------------------------------------

_MD_MARKER = re.compile(r"<sup>\s*(\d{1,5})\s*</sup>")
# The label of a definition, however the converter mangled it.
_MD_DEF = re.compile(r"^\s*\$?\s*(?:<sup>\s*&\s*</sup>\s*lt;\s*sup>|<sup>)\s*(?:\{\})?\s*\^?\s*\{?\s*(\d{1,5})")
_MD_LABEL = re.compile(r"(<sup>\s*|lt;\s*sup>\s*|\^\{\s*)(\d{1,5})(?=\s*(?:</sup>|\}))")
_MD_SEPARATOR = re.compile(r"^[\s\-_\\*=~·•.]*$")


def _md_note_label(paragraph: str) -> int | None:
    match = _MD_DEF.match(paragraph)
    return int(match.group(1)) if match else None


def _md_markers(paragraph: str) -> list[int]:
    return [int(m.group(1)) for m in _MD_MARKER.finditer(paragraph)]


def _werra_parts(folder) -> tuple[list[str], list[list[str]], list[str]]:
    paragraphs = _paragraphs(_read(folder, WERRA))
    start = next(i for i, p in enumerate(paragraphs) if p.lstrip().startswith("#"))
    # The closing part: from the last heading ("Conclusion") to the end.
    end = max(i for i, p in enumerate(paragraphs) if p.lstrip().startswith("#"))
    pages = _pages(paragraphs[start:end], _md_markers, _md_note_label, lambda p: bool(_MD_SEPARATOR.match(p)))
    return paragraphs[:start], pages, paragraphs[end:]


def _renumber_md_page(page: list[str], next_label: int) -> tuple[list[str], int, int]:
    labels: set[int] = set()
    for paragraph in page:
        label = _md_note_label(paragraph)
        labels.update([label] if label is not None else _md_markers(paragraph))
    mapping = {old: next_label + i for i, old in enumerate(sorted(labels))}
    out, markers = [], 0
    for paragraph in page:
        is_note = _md_note_label(paragraph) is not None
        if is_note:
            # Only the definition's own label, at its start.
            out.append(_MD_LABEL.sub(lambda m: m.group(1) + str(mapping.get(int(m.group(2)), m.group(2))), paragraph, count=1))
            continue

        def marker(match: re.Match) -> str:
            nonlocal markers
            old = int(match.group(2))
            if old not in mapping or not match.group(1).startswith("<sup>"):
                return match.group(0)
            markers += 1
            return match.group(1) + str(mapping[old])

        out.append(_MD_LABEL.sub(marker, paragraph))
    return out, next_label + len(labels), markers


def make_large_markdown(target_bytes: int, corpus_dir: str | os.PathLike | None = None, *, seed: int = 2021, first_label: int = 1) -> str:
    """~target_bytes of UTF-8 Markdown from the Werra report (<sup>N</sup> markers, mangled definitions)."""
    cover, pages, closing = _werra_parts(corpus_dir)
    text, notes, markers, copies = _repeat_pages(pages, _renumber_md_page, cover, closing, target_bytes, seed, first_label)
    last_stats.clear()
    last_stats.update(kind="md", bytes=len(text.encode("utf-8")), notes=notes, markers=markers, copies=copies,
                      labels=f"{first_label}..{first_label + notes - 1}")
    return text


# --- command line ------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=("txt", "md", "notes"), required=True)
    parser.add_argument("--mb", type=float, default=10.0, help="target size in MB of 10^6 bytes (txt, md); default 10")
    parser.add_argument("--notes", type=int, default=3000, help="number of footnotes (notes); default 3000")
    parser.add_argument("--first-label", type=int, default=1, help="number of the first footnote (txt, md); default 1")
    parser.add_argument("--corpus", help="corpus folder (default: $CLAIMDESK_CORPUS, else ../shared/corpus)")
    parser.add_argument("--out", required=True, help="file to write ('-' for stdout)")
    args = parser.parse_args(argv)
    if args.kind == "txt":
        text = make_large_plaintext(int(args.mb * MB), args.corpus, first_label=args.first_label)
    elif args.kind == "md":
        text = make_large_markdown(int(args.mb * MB), args.corpus, first_label=args.first_label)
    else:
        text = make_many_footnotes(args.notes, args.corpus)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    print(", ".join(f"{k}={v}" for k, v in last_stats.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
