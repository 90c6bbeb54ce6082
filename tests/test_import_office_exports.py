"""HTML exported by word processors and by LaTeXML: notes, titles, headers, footers, comments.

Each fixture is built the way the program writes its export: Google Docs' "Web page"
download (c-numbered classes, ftnt/ftnt_ref anchors, header and footer divs around the
text, comments as [a] links to cmnt anchors), LibreOffice Writer's HTML (sdfootnote
anc/sym anchors, <div title="header">), and LaTeXML (notes inside the sentence, a
bibliography that numbered citations point to).
"""

from __future__ import annotations

from pathlib import Path

from claimdesk.sources.importer import parse_report

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def _import(name: str):
    return parse_report((FIXTURES / name).read_bytes(), "html")


def _kinds(report) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for item in report.removed:
        kinds.setdefault(item.kind, []).append(item.text)
    return kinds


def test_a_google_docs_export():
    report = _import("gdocs-export.html")
    assert report.title.startswith("Harbour Parking Review")
    assert report.authors == ["Owen Tarrant"]
    assert report.date == "2024-03-04"
    assert [note.text for note in report.footnotes] == ["Finance ledger, 2023 year end.", "Ibid., car park counts."]
    assert report.footnotes[1].kind == "ibid"
    assert report.text[: report.footnotes[0].marker_offsets[0]].endswith("up 9% on 2022.")
    assert "Occupancy peaked at 96% in August on weekdays." in report.text  # the comment's "[a]" is gone
    kinds = _kinds(report)
    assert any("Check against the August survey" in text for text in kinds["comments"])
    assert kinds["header"] == ["Internal draft – not for circulation"]
    assert any("Car Parks" in text for text in kinds["footer"])
    assert "Internal draft" not in report.text and "Check against" not in report.text


def test_a_libreoffice_export():
    report = _import("libreoffice-export.html")
    assert report.title == "Die Sanierung des Freibads Elsbach"
    assert [note.text for note in report.footnotes] == ["Kassenstatistik 2022.", "Ebd., Kostenschätzung vom 3. Mai 2023."]
    assert [len(note.marker_offsets) for note in report.footnotes] == [1, 1]
    assert report.text[: report.footnotes[0].marker_offsets[0]].endswith("rund 38 400 Besucher.")
    kinds = _kinds(report)
    assert kinds["header"] == ["Gemeinde Elsbach – Vorlage 2023/117"]
    assert "Seite" not in report.text and "Vorlage 2023/117" not in report.text


def test_a_latexml_paper():
    report = _import("latexml-paper.html")
    assert report.authors == ["Ada Brennan"]
    assert [note.text for note in report.footnotes] == ["Sailings of 2022 only."]
    note = report.footnotes[0]
    assert len(note.marker_offsets) == 1
    # The sentence goes on after the note, in one paragraph; the citation "[1]" is no marker.
    assert "We matched 3,410 sailings to 12,900 bus departures [1]. Of these, 14.2% missed their bus." in report.text
    assert report.text[: note.marker_offsets[0]].endswith("bus departures [1].")
    assert "winter; 47.0; 120" in report.text or "winter 47.0 120" in report.text
    assert "B. Moss (2020) Connections at small ports." in report.text  # the bibliography stays text


def test_table_cells_part_however_the_html_is_laid_out():
    page = (b"<html><body><p>Journeys by type of support.</p><table>\n<thead>\n<tr>\n<th>Type</th>\n<th>Routes</th>\n"
            b"<th>2022</th>\n<th>2023</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Demand-responsive</td>\n<td>64</td>\n"
            b"<td>212</td>\n<td>301</td>\n</tr>\n</tbody>\n</table></body></html>")
    report = parse_report(page, "html")
    assert "Demand-responsive; 64; 212; 301" in report.text  # never "64 212 301", one figure in French notation


def test_a_cell_holding_only_a_colon_joins_its_label_and_value():
    # A court's case-details table (Singapore's eLitigation, many registries): label | : | value.
    page = (b"<html><body><h1>Judgment</h1><table><tr><td>Case Number</td><td>:</td><td>Suit No 123 of 2023</td></tr>\n"
            b"<tr>\n<td>Decision Date</td>\n<td> : </td>\n<td>14 March 2024</td>\n</tr>\n"
            b"<tr><td>Ratio</td><td>:</td><td>4 : 1</td></tr><tr><td>64</td><td>:</td><td>212</td><td>301</td></tr></table>"
            b"<p>The claim of 4.2 million fails.</p></body></html>")
    text = parse_report(page, "html").text
    assert "Case Number : Suit No 123 of 2023" in text
    assert "Decision Date : 14 March 2024" in text
    assert "Ratio : 4 : 1" in text
    assert "64 : 212; 301" in text  # only the colon's cell joins; the figures after it still part
