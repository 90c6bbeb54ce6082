"""Notes in the languages of our users: headings, Ibid. and op. cit. forms, unparsed citations."""

from __future__ import annotations

import pytest

from claimdesk.sources.importer import parse_report
from claimdesk.sources.references import looks_like_unparsed_citation

RUSSIAN_REPORT = """Водоснабжение малых городов

Отчёт о состоянии сетей в 2018 году.

Введение

В 2018 году водоснабжением было обеспечено 87,4 % населения [1]. Износ сетей составляет 63 % [2].

1. Потери воды

Потери при транспортировке достигли 19,6 % от поданной в сеть воды [3].

Примечания

1. Росстат. Жилищное хозяйство в России. 2019. С. 41.
2. Там же. С. 44.
3. Иванов И. И. Указ. соч. С. 12.
"""


def test_a_russian_notes_section_keeps_a_numbered_heading_in_the_body():
    report = parse_report(RUSSIAN_REPORT.encode("cp1251"), "txt")
    assert [note.number for note in report.footnotes] == [1, 2, 3]
    assert "1. Потери воды" in report.text or "Потери воды" in report.text
    assert "Росстат" not in report.text
    assert [note.kind for note in report.footnotes] == ["reference", "ibid", "op_cit"]
    assert report.footnotes[0].reference.authors == ["Росстат"]
    assert report.footnotes[1].resolves_to == 1  # Ibid. repeats a citation the parser could not read


@pytest.mark.parametrize("heading", ["Notes", "Anmerkungen", "Fußnoten", "Notas", "Примечания", "Références"])
def test_notes_headings_in_several_languages(heading):
    source = f"Title of the paper\n\nThe harbour handled 1,200 ships in 2019.[1] It grew by 4% in 2020.[2]\n\n{heading}\n\n1. Port Authority, Yearbook 2019, p. 4.\n\n2. Ibid., p. 9.\n"
    report = parse_report(source.encode(), "txt")
    assert [note.number for note in report.footnotes] == [1, 2]
    assert report.footnotes[1].resolves_to == 1
    assert heading not in report.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Waterways Agency, Annual Report 2019-20, p. 14.", True),
        ("Росстат. Жилищное хозяйство в России. 2019. С. 41.", True),
        ("This figure was disputed by the union in 2020.", False),
        ("The author thanks the harbour master.", False),
    ],
)
def test_an_unparsed_citation_is_told_from_commentary(text, expected):
    assert looks_like_unparsed_citation(text) is expected


def test_a_french_citation_without_italics_is_filed_under_its_author_for_op_cit():
    source = (
        "Rapport\n\nLa rivière compte 214 km de cours d'eau¹. Le débit a baissé de 12 %².\n\n"
        "Notes\n\n"
        "¹ Dupré (Jean), Les rivières du Val, Grenoble, PUG, 2011, p. 23.\n"
        "² Dupré, op. cit., p. 40.\n"
    )
    report = parse_report(source.encode(), "txt")
    first, second = report.footnotes
    assert first.kind == "reference" and first.reference.authors == ["Jean Dupré"]
    assert first.reference.title == "Les rivières du Val" and first.reference.year == "2011"
    assert second.kind == "op_cit" and second.resolves_to == 1 and not second.resolution_guess


@pytest.mark.parametrize("commentary", [
    "Russia, Cuba and Venezuela signed an agreement in 2008.",
    "Associate Professor of Law, Halden School. Thanks to the editors of the Review for their patience in 2021.",
])
def test_commentary_is_not_taken_for_a_plain_citation(commentary):
    report = parse_report(f"Title\n\nA sentence with a note.¹\n\nNotes\n\n¹ {commentary}\n".encode(), "txt")
    assert report.footnotes[0].kind == "note"


def test_norwegian_and_danish_samme_sted_is_an_ibid_written_out():
    from claimdesk.sources.references import is_ibid

    assert is_ibid("Samme sted.") and is_ibid("Samme sted, s. 14.") and is_ibid("Sammesteds, s. 3.")
    assert not is_ibid("Samme stedet ble brukt til fyrlykt i 1902.")  # "the same place was used …": a sentence
