"""Ugly input: each file imports with warnings or fails with one clear line."""

from __future__ import annotations

import codecs

import pytest

from claimdesk.library import import_paths
from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import parse_report

SURNAMES = ["Berg", "Holm", "Lind", "Nagy", "Ortiz", "Sato", "Weiss"]
BODY = "Harbour Fees\n\nMara Lind\n\nMay 2021\n\nFees rose by 12% in 2020.¹ Café owners protested.\n\n1. Port Office, “Fee Schedule”, 2020.\n"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + BODY.encode("utf-8"),
        BODY.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"),
        BODY.encode("utf-16-le"),  # no BOM at all
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-no-bom"],
)
def test_encodings(data):
    report = parse_report(data, "txt")
    assert report.title == "Harbour Fees"
    assert "Café owners protested." in report.text
    assert report.footnotes[0].marker_offsets


def test_cp1252_fallback_is_said():
    report = parse_report("Title\n\nCafé “quoted” – done.\n".encode("cp1252"), "txt")
    assert "Café “quoted” – done." in report.text
    assert any("cp1252" in w for w in report.warnings)


def test_undecodable_bytes_are_replaced_and_said():
    report = parse_report(b"Title\n\nBad byte \x81 here. And \x8d there.\n", "txt")
    assert any("undecodable" in w for w in report.warnings)
    assert "Bad byte" in report.text


def test_control_characters_and_ansi_escapes_are_removed():
    data = "Title\n\nRed \x1b[31malert\x1b[0m and \x1b]8;;http://x\x07link\x1b]8;;\x07 bell\x07 text\x00.\n".encode()
    report = parse_report(data, "txt")
    assert "\x1b" not in report.text and "\x07" not in report.text and "\x00" not in report.text
    assert "Red alert and link bell text." in report.text
    assert any("ANSI" in w for w in report.warnings)
    assert any("NUL" in w for w in report.warnings)


def test_decomposed_accents_become_nfc():
    report = parse_report("Title\n\nCafe\u0301 and Fau\u0301re.\n".encode(), "txt")
    assert "Café and Faúre." in report.text


@pytest.mark.parametrize(
    "data, fmt, message",
    [
        (b"", "txt", "empty"),
        (b"   \n\n  \t ", "md", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "txt", "binary"),
        (b"%PDF-1.7\n" + bytes(range(0, 32)) * 300, "txt", "binary"),
        (b"\x00" * 5000, "html", "binary"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nuls"],
)
def test_unreadable_input_fails_with_a_clear_message(data, fmt, message):
    with pytest.raises(SourceError, match=message):
        parse_report(data, fmt)


def test_markup_only_html_imports_with_a_warning():
    report = parse_report(b"<html><head><script>alert(1)</script></head><body><nav>menu</nav></body></html>", "html")
    assert report.text == ""
    assert "no body text found" in report.warnings


def test_a_missing_path_fails(store):
    with pytest.raises(SourceError, match="no such file"):
        import_paths(store, ["/definitely/not/here.md"])


def test_hostile_markup_stays_text():
    html = b"<p>[bold]not bold[/] [link=http://evil]x[/link] [0] [/ &lt;script&gt;alert(1)&lt;/script&gt;</p><script>steal()</script>"
    report = parse_report(html, "html")
    assert "[bold]not bold[/] [link=http://evil]x[/link] [0] [/ <script>alert(1)</script>" in report.text
    assert "steal" not in report.text
    markdown = parse_report(b"# T\n\n[bold]x[/] and [0] and <img src=x onerror=alert(1)> end.\n", "md")
    assert "[bold]x[/] and [0] and" in markdown.text and "onerror" not in markdown.text


def test_ten_megabyte_report_imports(store, tmp_path):
    paragraph = "The port handled 4.2 million tonnes in 2019, up 3.5% on the year before.¹ Trade grew again. " * 8
    notes_every = 40
    parts, number = ["Big Report\n\nAnn Example\n\n2022\n"], 1
    while sum(len(p) for p in parts) < 10_000_000:
        parts.append(paragraph.replace("¹", _superscript(number)))
        if len(parts) % notes_every == 0:
            parts.append(f"{number}. Port Authority, “Annual Statistics {number}”, 2020.")
            number += 1
    path = tmp_path / "big.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    result = import_paths(store, [path])
    (item,) = result.imported
    assert len(item.parsed.text) > 9_000_000
    assert len(item.parsed.footnotes) == number - 1
    assert len(item.parsed.sentences) > 100_000


def test_three_thousand_footnotes(store, tmp_path):
    body = " ".join(f"Claim number {n} is stated here [{n}]." for n in range(1, 3001))
    notes = "\n".join(f"{n}. Ann {SURNAMES[n % 7]}, “Source {n}”, Journal, 2001, p. {n}." if n % 3 else f"{n}. Ibid., p. {n}." for n in range(1, 3001))
    path = tmp_path / "many.txt"
    path.write_text(f"Many Notes\n\n{body}\n\nNotes\n\n{notes}\n", encoding="utf-8")
    (item,) = import_paths(store, [path]).imported
    footnotes = item.parsed.footnotes
    assert len(footnotes) == 3000
    assert all(len(n.marker_offsets) == 1 for n in footnotes)
    assert footnotes[2].kind == "ibid" and footnotes[2].resolves_to == 2


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
