"""The real corpus, read as it came out of two PDF converters."""

from __future__ import annotations

import re

import pytest

from claimdesk.library import import_paths
from claimdesk.store.reports import report_document


def note(report, number):
    return next(n for n in report.footnotes if n.number == number)


RESIDUE = re.compile(r"<[a-z/!]|&[a-z]+;|&#\d+;|\*\*|\\[$_*]|\\underline|\^\{|\$<|</?sup|lt;sup")


class TestIfri:
    def test_metadata(self, ifri):
        assert ifri.title == "Russia and Latin America in the 21st Century: A Difficult Rapprochement"
        assert ifri.authors == ["Andrey Pyatakov"]
        assert ifri.date == "2020-07"
        assert ifri.format == "txt"

    def test_sixty_three_footnotes_all_referenced(self, ifri):
        assert [n.number for n in ifri.footnotes] == list(range(1, 64))
        assert ifri.orphan_footnotes == []
        assert all(len(n.marker_offsets) == 1 for n in ifri.footnotes)
        assert ifri.dangling_markers == []

    def test_footnote_53_begins_with_chemezov(self, ifri):
        assert note(ifri, 53).text.startswith("S. Chemezov")
        assert note(ifri, 53).reference.authors == ["S. Chemezov", "S. Goreslavskij"]

    def test_sentences_broken_by_page_breaks_are_whole_again(self, ifri):
        assert "Russia will seek to consolidate ties with its Latin American partners" in ifri.text
        assert "directed less at Russia than at China, which built up a strong position" in ifri.text

    def test_no_footnote_text_in_reading_text(self, ifri):
        assert "Vneshneekonomicheskie" not in ifri.text
        assert "S. Chemezov" not in ifri.text
        assert "Translated from Russian by Cameron Johnston" not in ifri.text

    def test_markers_sit_after_the_word_they_follow(self, ifri):
        monroe = note(ifri, 1).marker_offsets[0]
        assert ifri.text[:monroe].endswith("the Monroe Doctrine")
        ussr = note(ifri, 3).marker_offsets[0]
        assert ifri.text[:ussr].endswith("a direct continuation of the USSR,")

    def test_markdown_residue_is_gone(self, ifri):
        assert "$5.8 billion" in ifri.text or "5.8 billion" in ifri.text
        assert not RESIDUE.search(ifri.text)
        assert not re.search(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", ifri.text)

    def test_table_of_contents_becomes_sections(self, ifri):
        titles = [s.title for s in ifri.sections]
        assert "Inertia in Russian Foreign Policy Towards Latin America" in titles
        assert "Conclusion" in titles
        assert not re.search(r"\.{5,}", ifri.text)
        for section in ifri.sections:
            assert ifri.text[section.start:].startswith(section.title)

    def test_references_are_parsed(self, ifri):
        reference = note(ifri, 54).reference
        assert reference.authors == ["A. Piatakov"]
        assert reference.title.startswith("Vooruzhennye sily Venesuely")
        assert reference.year == "2019"


class TestWerra:
    def test_metadata(self, werra):
        assert werra.title.startswith("From the 2000s to the present")
        assert werra.authors == ["Anaïs Fauré"]
        assert werra.date == "2021-07"

    def test_twenty_six_footnotes_and_four_orphans(self, werra):
        assert [n.number for n in werra.footnotes] == list(range(1, 27))
        assert werra.orphan_footnotes == [1, 2, 6, 7]

    def test_ibid_and_op_cit_resolve_to_their_roots(self, werra):
        assert note(werra, 3).kind == "ibid" and note(werra, 3).resolves_to == 1
        assert note(werra, 11).kind == "op_cit" and note(werra, 11).resolves_to == 6
        assert note(werra, 5).resolves_to == 1 and not note(werra, 5).resolution_guess
        assert note(werra, 21).resolves_to == 20

    def test_bare_op_cit_is_flagged_as_a_guess(self, werra):
        assert note(werra, 10).resolution_guess
        assert any("footnote 10" in w and "guess" in w for w in werra.warnings)

    def test_mangled_definitions_are_clean(self, werra):
        assert note(werra, 16).text.startswith("Cf, https://defensasur.com.ar/")
        assert note(werra, 16).kind == "url"
        assert note(werra, 25).text.startswith("Cf, https://www.infobae.com/")
        assert note(werra, 1).text.startswith("Andrei Piatakov")
        for footnote in werra.footnotes:
            assert not RESIDUE.search(footnote.text), footnote.text

    def test_reading_text_has_no_residue_and_whole_sentences(self, werra):
        assert not RESIDUE.search(werra.text)
        assert "second most attractive Latin American country for the Russian industrial-military complex." in werra.text
        assert "Peru has preferred to reorient itself towards a Belarusian company." in werra.text
        assert "Venezuela accounted for 80% of Russian arms and military equipment exports to Latin America." in werra.text
        assert "Andrei Piatakov" not in werra.text

    def test_marker_after_the_peru_helicopter_sentence_paragraph(self, werra):
        (offset,) = note(werra, 9).marker_offsets
        assert werra.text[:offset].endswith("refusing to buy a batch of Russian")


@pytest.mark.parametrize("order", [("werra", "ifri"), ("ifri", "werra")])
def test_werra_cites_ifri_whatever_the_import_order(store, corpus, order):
    files = {"ifri": corpus / "ifri-pyatakov-2020.txt", "werra": corpus / "werra-faure-2021.md"}
    for name in order:
        import_paths(store, [files[name]])
    werra = {n["number"]: n for n in report_document(store, "werra-faure-2021")["footnotes"]}
    citing = sorted(number for number, n in werra.items() if n["cites_report"] == "ifri-pyatakov-2020")
    assert {1, 5, 22, 26} <= set(citing)
    assert werra[3]["cites_report"] == "ifri-pyatakov-2020"  # through Ibid. to note 1
    assert werra[6]["cites_report"] is None  # another work by the same author
    assert werra[11]["cites_report"] is None
    assert werra[4]["cites_report"] is None
    ifri = report_document(store, "ifri-pyatakov-2020")
    assert all(n["cites_report"] is None for n in ifri["footnotes"])
