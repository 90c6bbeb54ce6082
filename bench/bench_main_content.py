"""Main-content extraction on our HTML fixtures: claimdesk's reader against trafilatura.

    python bench/bench_main_content.py

For every fixture in tests/fixtures/html (and the bundled HTML example) it scores
each extractor on what tests/fixtures/html/expected.json says the page must give:
  kept      share of the must-keep body sentences found in the extracted text
  boiler    boilerplate strings left in the extracted text (lower is better)
  notes     share of the footnote texts still present anywhere in the output
  figures   share of the figures of those sentences and notes present in the output
trafilatura is measured only when it is importable (pip install trafilatura);
it is not a dependency: it would have to beat the reader on these numbers to be one.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from claimdesk.sources.importer import parse_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html"
FIGURE = re.compile(r"(?<![\w.])[$€£]?\d+(?:[.,]\d+)*(?:\s?%)?")


def fold(text: str) -> str:
    return " ".join(text.split())


def figures(text: str) -> set[str]:
    return {m.group().replace(" ", "").rstrip(".,") for m in FIGURE.finditer(text) if len(m.group().strip(".,")) >= 2}


def claimdesk_output(data: bytes) -> tuple[str, str]:
    """(reading text, everything else the user gets: the notes)."""
    report = parse_report(data, "html")
    return report.text, "\n".join(note.text for note in report.footnotes)


def trafilatura_output(data: bytes) -> tuple[str, str]:
    import trafilatura

    text = trafilatura.extract(data.decode("utf-8"), include_comments=False, include_tables=True, favor_precision=False) or ""
    return text, ""  # trafilatura has no notes apart from its text


def score(expected: dict, text: str, extra: str) -> dict[str, float]:
    body, everything = fold(text), fold(text + " " + extra)
    keep, boilerplate, notes = expected["keep"], expected["boilerplate"], expected["notes"]
    wanted_figures = set().union(*(figures(s) for s in keep + notes))
    present_figures = figures(everything)
    return {
        "kept": sum(s in body for s in keep) / len(keep),
        "boiler": sum(b in body for b in boilerplate),
        "notes": sum(n in everything for n in notes) / len(notes),
        "figures": len(wanted_figures & present_figures) / max(len(wanted_figures), 1),
    }


def main() -> int:
    expected = {k: v for k, v in json.loads((FIXTURES / "expected.json").read_text()).items() if not k.startswith("_")}
    extractors = {"claimdesk": claimdesk_output}
    try:
        import trafilatura  # noqa: F401

        extractors["trafilatura"] = trafilatura_output
    except ImportError:
        print("trafilatura is not installed: measuring claimdesk alone (pip install trafilatura to compare)")
    rows, totals = [], {name: {"kept": 0.0, "boiler": 0, "notes": 0.0, "figures": 0.0, "seconds": 0.0} for name in extractors}
    for name, wanted in sorted(expected.items()):
        data = (FIXTURES / name).read_bytes()
        for extractor, run in extractors.items():
            started = time.perf_counter()
            text, extra = run(data)
            elapsed = time.perf_counter() - started
            result = score(wanted, text, extra)
            rows.append((name, extractor, result, len(wanted["boilerplate"])))
            for key, value in result.items():
                totals[extractor][key] += value
            totals[extractor]["seconds"] += elapsed
    print(f"{'fixture':36} {'extractor':12} {'kept':>6} {'boiler':>8} {'notes':>6} {'figures':>8}")
    for name, extractor, result, boiler_total in rows:
        print(f"{name:36} {extractor:12} {result['kept']:6.0%} {result['boiler']:>4}/{boiler_total:<3} {result['notes']:6.0%} {result['figures']:8.0%}")
    count = len(expected)
    print()
    for extractor, total in totals.items():
        print(f"{'all ' + str(count) + ' fixtures':36} {extractor:12} {total['kept'] / count:6.0%} {int(total['boiler']):>8} "
              f"{total['notes'] / count:6.0%} {total['figures'] / count:8.0%}   {total['seconds'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
