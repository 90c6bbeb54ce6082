"""Bytes to text: legacy code pages detected, a few bad UTF-8 bytes repaired, declared charsets obeyed.

The fixtures in fixtures/encodings/ are stored as UTF-8; each test encodes one
in the code page it names, so the round trip can be checked exactly.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimdesk.sources.decode import decode_bytes
from claimdesk.sources.errors import SourceError
from claimdesk.sources.importer import parse_report

ENCODINGS = Path(__file__).parent / "fixtures" / "encodings"


def fixture_text(name: str) -> str:
    return (ENCODINGS / name).read_text(encoding="utf-8")


# (fixture, code page it is written in, the codec name the warning gives)
LEGACY = [
    ("ru-ports-cp1251.txt", "cp1251", "cp1251"),
    ("ru-ports-koi8r.txt", "koi8_r", "koi8_r"),
    ("es-puertos-cp1252.txt", "cp1252", "cp1252"),
    ("es-puertos-cp1252.txt", "latin_1", None),  # has “ ” and €: not latin-1
    ("fr-ports-latin1.txt", "latin_1", "cp1252"),  # the same characters in both, so the commoner name
    ("fr-ports-latin1.txt", "cp1252", "cp1252"),
    ("de-haefen-cp1252.txt", "cp1252", "cp1252"),
    ("cs-pristavy-cp1250.txt", "cp1250", "cp1250"),
]


@pytest.mark.parametrize("name, codepage, said", [case for case in LEGACY if case[2]],
                         ids=[f"{n}-{c}" for n, c, s in LEGACY if s])
def test_legacy_code_pages_round_trip_exactly(name, codepage, said):
    text = fixture_text(name)
    data = text.encode(codepage)
    decoded, encoding, warnings = decode_bytes(data)
    assert decoded == text
    assert encoding == said
    assert warnings == [f"not valid UTF-8; decoded as {said} (detected)"]


def test_a_text_that_a_code_page_cannot_hold_is_not_a_fixture_of_it():
    with pytest.raises(UnicodeEncodeError):
        fixture_text("es-puertos-cp1252.txt").encode("latin_1")


REPORTS = [
    ("ru-ports-cp1251.txt", "cp1251", "Порты Северного моря: итоги 2020 года", ["Иван Петров"], "2021-09-15",
     "По словам директора порта, «причина — новые тарифы и плохая погода»."),
    ("ru-ports-koi8r.txt", "koi8_r", "Порты Белого моря", ["Анна Смирнова", "Олег Кузнецов"], "2020-07",
     "Причиной стали новые правила и тёплая зима."),
    ("es-puertos-cp1252.txt", "cp1252", "Los puertos del Cantábrico ante la crisis energética",
     ["Ana María García", "Luis Ortega"], "2020-03-03", "La tarifa media subió a 1,35 € por tonelada"),
    ("fr-ports-latin1.txt", "latin_1", "Les ports de la Manche : bilan d'une décennie",
     ["Marie Lefèvre", "Paul Martin"], "2009-09-15", "M. Dupont, directeur du port, et Mme Lefort, élue régionale"),
    ("de-haefen-cp1252.txt", "cp1252", "Die Häfen der Nordsee im Wandel", ["Anna Müller", "Jonas Brehm"],
     "2021-03-15", "„Wir sind zufrieden“, sagte die Senatorin."),
    ("cs-pristavy-cp1250.txt", "cp1250", "Přístavy na Labi a jejich budoucnost", ["Jana Dvořáková", "Tomáš Říha"],
     "2021", "Podle ředitelky přístavu za tím stojí nové poplatky a suché léto."),
]


@pytest.mark.parametrize("name, codepage, title, authors, date, sentence", REPORTS, ids=[r[0] for r in REPORTS])
def test_legacy_reports_import_with_their_cover_and_notes(name, codepage, title, authors, date, sentence):
    report = parse_report(fixture_text(name).encode(codepage), "txt")
    assert (report.title, report.authors, report.date) == (title, authors, date)
    assert sentence in report.text
    assert [note.number for note in report.footnotes] == [1, 2]
    assert all(len(note.marker_offsets) == 1 for note in report.footnotes)
    assert "\ufffd" not in report.text


def test_the_series_line_of_a_cover_stays_in_the_text():
    report = parse_report(fixture_text("ru-ports-cp1251.txt").encode("cp1251"), "txt")
    assert "Рабочий доклад № 14" in report.text


# --- UTF-8 with a few bad bytes --------------------------------------------------

UTF8_REPORT = (
    "Arms and Influence\n\nAnaïs Fauré\n\nJuly 2021\n\n"
    + "Anaïs Fauré describes how the café owners of Zürich and Besançon reacted to the new dues. " * 30
)


def test_a_few_bad_bytes_in_utf8_are_replaced_not_turned_into_mojibake():
    data = UTF8_REPORT.encode("utf-8")
    damaged = data[:500] + b"\x92" + data[500:1500] + b"\xe9" + data[1500:2500] + b"\xff" + data[2500:]
    text, encoding, warnings = decode_bytes(damaged)
    assert encoding == "utf-8"
    assert warnings == ["3 bytes were not valid UTF-8 and were replaced with U+FFFD"]
    assert text.count("\ufffd") == 3
    assert "FaurÃ©" not in text
    assert text.replace("\ufffd", "") == UTF8_REPORT
    report = parse_report(damaged, "txt")
    assert report.authors == ["Anaïs Fauré"] and report.date == "2021-07"


def test_one_legacy_byte_in_a_large_ascii_file_is_read_as_its_character():
    # No UTF-8 sequence anywhere: nothing to turn into mojibake, so the byte is cp1252's "é".
    data = ("The port handled 4.2 million tonnes in 2019. " * 400).encode() + b"caf\xe9\n"
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "cp1252" and text.endswith("café\n")
    assert warnings == ["not valid UTF-8; decoded as cp1252 (too few non-ASCII bytes to detect the encoding)"]


def test_an_ocr_text_with_a_few_legacy_bytes_keeps_its_fractions_and_dashes():
    data = (b"The sound is about 22 miles long and from 2\xbd to 6 miles wide.\n"
            b"In the season of 1914\x9715, 186 licensed boats took oysters.\x86\n") * 30
    text, encoding, _ = decode_bytes(data)
    assert encoding == "cp1252" and "\ufffd" not in text
    assert "from 2½ to 6 miles" in text and "1914—15, 186" in text and "oysters.†" in text


def test_many_bad_bytes_are_a_legacy_file_not_damaged_utf8():
    text = fixture_text("fr-ports-latin1.txt")
    _, encoding, warnings = decode_bytes(text.encode("latin_1"))
    assert encoding == "cp1252" and "detected" in warnings[0]


def test_too_few_non_ascii_bytes_to_detect_fall_back_to_cp1252_and_say_so():
    text, encoding, warnings = decode_bytes(b"Title\n\nBad byte \x81 here. And \x8d there.\n")
    assert encoding == "cp1252"
    assert warnings == ["not valid UTF-8; decoded as cp1252 (too few non-ASCII bytes to detect the encoding)",
                        "2 undecodable byte(s) replaced with U+FFFD"]
    assert text == "Title\n\nBad byte \ufffd here. And \ufffd there.\n"


# --- declared charsets --------------------------------------------------------------

def test_html_decodes_by_its_declared_charset():
    html = fixture_text("ru-declared-windows-1251.html")
    data = html.encode("cp1251")
    text, encoding, warnings = decode_bytes(data)
    assert text == html
    assert encoding == "cp1251"
    assert warnings == ["not valid UTF-8; decoded as windows-1251 (declared in the file)"]
    report = parse_report(data, "html")
    assert report.title == "Порты Балтики"
    assert report.authors == ["Мария Орлова"]
    assert report.date == "2019-11-04"
    assert "Грузооборот порта Усть-Луга в 2018 году составил 98,7 млн тонн" in report.text


def test_a_declaration_the_bytes_contradict_is_not_obeyed():
    html = fixture_text("ru-declared-windows-1251.html").replace("charset=windows-1251", "charset=utf-8")
    text, encoding, warnings = decode_bytes(html.encode("cp1251"))
    assert text == html
    assert warnings == ["not valid UTF-8; decoded as cp1251 (detected)"]
    # A declaration of a codec that cannot read the bytes is passed over too.
    html = fixture_text("ru-declared-windows-1251.html").replace("charset=windows-1251", "charset=shift_jis")
    text, _, warnings = decode_bytes(html.encode("cp1251"))
    assert text == html and "detected" in warnings[0]


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do():
    html = ('<html><head><meta charset="ISO-8859-1"><title>Quais</title></head>'
            "<body><p>Le trafic a augmenté de 4,2 % à Noël – selon l’office.</p></body></html>")
    text, encoding, warnings = decode_bytes(html.encode("cp1252"))
    assert text == html and encoding == "cp1252"
    assert warnings == ["not valid UTF-8; decoded as iso-8859-1 (declared in the file)"]


def test_valid_utf8_wins_over_a_wrong_declaration():
    html = '<meta charset="windows-1251"><p>Anaïs Fauré, Zürich.</p>'
    assert decode_bytes(html.encode("utf-8")) == (html, "utf-8", [])


# --- what was there before stays ---------------------------------------------------

def test_byte_order_marks_and_utf16_still_win():
    text = fixture_text("ru-ports-koi8r.txt")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text
    assert decode_bytes(text.encode("utf-16"))[0] == text
    assert decode_bytes(text.encode("utf-16-le"))[:2] == (text, "utf-16-le")


def test_binary_is_still_refused():
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)


def test_a_short_utf8_file_with_a_few_bad_bytes_stays_utf8():
    data = "<p>Fauré paid €5 ".encode() + b"\xff\xfe\xfa" + " in 2020.</p>".encode()
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8" and "Fauré paid €5" in text and "in 2020." in text
    assert warnings == ["3 bytes were not valid UTF-8 and were replaced with U+FFFD"]


# --- mostly binary files are refused, wherever the binary is (issue 11) -------------

def _binary_bytes(count: int, seed: int = 11) -> bytes:
    import random

    generator = random.Random(seed)
    return bytes(generator.choice(b"\x00\x01\xff") for _ in range(count))


MOSTLY_BINARY = {
    # 80 KB of prose, then binary: the quick look at the first 64 KiB saw only prose.
    "binary after a text opening": "# A report\n\nThe port handled 4.2 million tonnes in 2020.\n".encode() * 1400
                                   + _binary_bytes(200_000),
    # Half of it UTF-16 text without a byte-order mark, which decodes the rest as UTF-16 too.
    "binary behind a UTF-16 opening": "Port traffic rose.\n".encode("utf-16-le") * 300 + _binary_bytes(12_000),
    # Controls the quick look does not count: DEL and C1, as UTF-8.
    "DEL and C1 controls": ("Report \x7f\x85\x90\x9b\x9c 2020 " * 2000).encode(),
}


@pytest.mark.parametrize("data", MOSTLY_BINARY.values(), ids=MOSTLY_BINARY.keys())
def test_a_mostly_binary_file_is_refused_with_the_share_of_its_controls(data):
    with pytest.raises(SourceError, match=r"looks like a binary file, not a text report: \d+% of its characters are control"):
        decode_bytes(data)


def test_a_few_control_characters_in_text_are_still_text():
    # A terminal capture's colours and a vertical tab now and then: kept as text, cleaned later.
    lines = "\x1b[31mERROR\x1b[0m port 7 closed at 12:00, 4.2% of traffic\x0b lost\n" + "Port 8 open.\n" * 3
    text, encoding, _ = decode_bytes((lines * 500).encode())
    assert encoding == "utf-8" and text == lines * 500


def test_a_letter_standing_alone_against_a_figure_spells_no_word():
    # cp1250 and cp1252 agree on ’ – † and differ on 0xA3: "£" or "Ł". When charset-normalizer
    # ties the two (it did on a 1955 Cabinet memorandum), spelling breaks the tie: "Ł1,912"
    # spells no word in any alphabet, "£1,912" has no letters to spell.
    from claimdesk.sources.decode import _alphabet_fit

    memo = ("The latest estimate of total investment in 1955\u201356 is \u00a31,912 million.* This compares with "
            "\u00a31,784 million in 1954\u201355, an increase of \u00a3128 million; the Minister\u2019s view.\u2020\n") * 3
    as_cp1250 = memo.encode("cp1252").decode("cp1250")
    assert "\u0141" in as_cp1250  # Ł
    assert _alphabet_fit(memo) == 1.0
    assert _alphabet_fit(as_cp1250) < 0.5
    # a Polish word keeps its letters: "Łódź", "ł" inside words, a lone "ż" between spaces
    assert _alphabet_fit("Łódź liczy 670 tys. mieszkańców, a ż i ł są w słowach.") == 1.0
