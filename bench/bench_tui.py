"""How fast the reader opens and moves on a 10 MB report (headless Textual).

Imports a 10 MB synthetic report (bench/synthetic.py) into a temporary store,
then measures with Textual's pilot: opening the reader (report loaded, text
wrapped, first screen drawn), paging down 50 times, and a jump to the end.
Prints a Markdown table; exits 0 (it reports, it is not a test).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

from claimdesk.library import import_paths  # noqa: E402
from claimdesk.store.db import Store  # noqa: E402
from claimdesk.tui.app import ClaimdeskApp  # noqa: E402
from claimdesk.tui.screens.reader import ReaderScreen  # noqa: E402


async def measure(db: str, report: str) -> dict:
    from claimdesk.tui.widgets.report_view import ReportView

    drawing: list[float] = []
    original = ReportView.render_lines

    def timed_render_lines(self, crop):
        tick = time.perf_counter()
        try:
            return original(self, crop)
        finally:
            drawing.append(time.perf_counter() - tick)

    ReportView.render_lines = timed_render_lines
    app = ClaimdeskApp(db, "bench")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.open_report(report)
        await pilot.pause()
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause()
        await pilot.pause()
        opened = time.perf_counter() - started
        pages = []
        drawing.clear()
        for _ in range(50):
            tick = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            pages.append(time.perf_counter() - tick)
        tick = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        jump = time.perf_counter() - tick
        rows = len(app.screen.query_one("ReportView").rows)
    ReportView.render_lines = original
    return {"open": opened, "page_median": statistics.median(pages), "page_max": max(pages), "jump": jump, "rows": rows,
            "draw_per_page": sum(drawing) / 50}


def run(mb: float, corpus) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big-report.txt"
        path.write_text(synthetic.make_large_plaintext(int(mb * 1_000_000), corpus), encoding="utf-8")
        db = str(Path(folder) / "bench.db")
        with Store(db) as store:
            import_paths(store, [path])
        return asyncio.run(measure(db, "big-report"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--corpus", default=None)
    args = parser.parse_args()
    corpus = synthetic.corpus_dir(args.corpus)
    big, small = run(args.mb, corpus), run(0.1, corpus)
    print("## claimdesk reader benchmark (headless Textual pilot, 160×48)\n")
    print("| what | 10 MB report | 0.1 MB report | bar | result |")
    print("| --- | --- | --- | --- | --- |")
    print(f"| open the reader (text wrapped, first screen drawn) | {big['open']:.2f} s ({big['rows']:,} rows) | {small['open']:.2f} s | < 2 s | {'PASS' if big['open'] < 2 else 'FAIL'} |")
    lag = big["page_median"] - small["page_median"]
    print(f"| page down: pilot round trip, median of 50 | {big['page_median'] * 1000:.0f} ms | {small['page_median'] * 1000:.0f} ms | no lag from size (within 20 ms) | {'PASS' if lag < 0.02 else 'FAIL'} |")
    print(f"| page down: the view's own drawing per page | {big['draw_per_page'] * 1000:.1f} ms | {small['draw_per_page'] * 1000:.1f} ms | < 33 ms (30 frames/s) | {'PASS' if big['draw_per_page'] < 0.033 else 'FAIL'} |")
    print(f"| jump to the end | {big['jump'] * 1000:.0f} ms | {small['jump'] * 1000:.0f} ms | — | info |")
    print("\nThe pilot round trip includes Textual's frame scheduling and the pilot's own waits, the same for any size.")


if __name__ == "__main__":
    main()
