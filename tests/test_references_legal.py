"""Legal (Bluebook, OSCOLA), German, French and Spanish citation forms; duplicate note labels.

Every citation here is written for these tests, to invented works (the case names are public
facts), in the shapes law reviews, court opinions and continental scholarship give their notes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimdesk.sources.blocks import NOTE, Block
from claimdesk.sources.footnotes import build_footnotes
from claimdesk.sources.importer import parse_report
from claimdesk.sources.references import case_short_form, cited_note, classify_note, find_locator, op_cit_key, parse_reference
from claimdesk.store.claims import sort_labels


@pytest.mark.parametrize("text, kind", [
    # Bluebook id. (ibid.), also after a signal
    ("Id.", "ibid"), ("Id. at 12.", "ibid"), ("See id. at 4-5.", "ibid"), ("Id. § 3.", "ibid"),
    ("*Id.* at 231 n.14.", "ibid"), ("See also id. at 17 (discussing the 2011 amendments).", "ibid"),
    ("But see id. at 40.", "ibid"), ("Cf. id.", "ibid"),
    # German, French, Spanish ibid.
    ("Ebd.", "ibid"), ("Ebd., S. 12.", "ibid"), ("ebd., S. 7 f.", "ibid"), ("Ebenda, Rn. 14.", "ibid"),
    ("Vgl. ebd., S. 33.", "ibid"), ("Ibid., p. 12.", "ibid"), ("Voir ibid., p. 9.", "ibid"),
    ("Ibíd., pág. 4.", "ibid"), ("Ídem.", "ibid"), ("Véase ibídem, p. 88.", "ibid"),
    # ... but only as the note's first word, never the start of a longer one
    ("Idaho Code § 42-1401 (2019).", "reference"), ("Identity of the claimants was never disputed.", "note"),
    ("ID numbers were issued from 1997.", "note"),
    ("Ebdon, Karl, *Deichrecht im Wandel*, Bremen 2011, S. 40.", "reference"),
    # supra and its kin point back at a note or an author
    ("Smith, supra note 3, at 45.", "op_cit"), ("See supra note 12 and accompanying text.", "op_cit"),
    ("Okafor & Lindqvist, *supra* note 7, at 112–13.", "op_cit"), ("Smith, supra, at 45.", "op_cit"),
    ("Halvorsen (n 4) 212.", "op_cit"), ("Halvorsen, above n 4, 212.", "op_cit"),
    ("Müller (Fn. 3), S. 45.", "op_cit"), ("Vgl. oben Fn. 8.", "op_cit"),
    ("Müller, a.a.O., S. 45.", "op_cit"), ("Vgl. Brandt, a. a. O., S. 112 f.", "op_cit"),
    ("Dupont, op. cit., p. 78.", "op_cit"), ("Lefèvre, art. cit., p. 14.", "op_cit"),
    ("Véase Ortega, ob. cit., pág. 19.", "op_cit"),
    # a short case form is a short form too
    ("Brown, 347 U.S. at 490.", "op_cit"), ("See *Roe*, 410 U.S. at 153-54.", "op_cit"),
    # internal cross-references are notes, not citations
    ("See infra note 9.", "note"), ("See infra notes 40-44 and accompanying text.", "note"),
    ("See supra Part II.B.", "note"), ("Siehe unten Fn. 21.", "note"), ("Voir infra, section 3.", "note"),
    # full legal citations are references
    ("Brown v. Board of Education, 347 U.S. 483 (1954).", "reference"),
    ("See, e.g., Roe v. Wade, 410 U.S. 113, 120 (1973).", "reference"),
    ("42 U.S.C. § 1983 (2018).", "reference"), ("In re Gault, 387 U.S. 1, 13 (1967).", "reference"),
    ("Marlow v. Estuary Dredging Co., 512 F.3d 778, 781-82 (4th Cir. 2008).", "reference"),
    ("R v Harrowgate Mills Ltd [2014] EWCA Crim 1180.", "reference"),
    ("Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223, 231 (2019).", "reference"),
    # commentary that mentions a case is still commentary
    ("The court in Brown v. Board of Education, 347 U.S. 483 (1954), did not reach the question.", "note"),
])
def test_classify_legal_and_continental_notes(text, kind):
    assert classify_note(text) == kind


@pytest.mark.parametrize("text, locator", [
    ("Id. at 12.", "at 12"), ("See id. at 4-5.", "at 4-5"), ("Id. at 490–91.", "at 490-91"),
    ("Id. § 3.", "§ 3"), ("See id. at § 23.1.", "at § 23.1"), ("Id. at 231 n.14.", "at 231 n.14"),
    ("Smith, supra note 3, at 45.", "at 45"), ("Brown, 347 U.S. at 490.", "at 490"),
    ("Ebd., S. 12.", "S. 12"), ("ebd., S. 7 f.", "S. 7 f."), ("Müller (Fn. 3), S. 45 ff.", "S. 45 ff."),
    ("Ebenda, Rn. 14.", "Rn. 14"), ("Ibíd., pág. 4.", "pág. 4"), ("Ortega, ob. cit., págs. 19-21.", "págs. 19-21"),
    ("Ibid., p. 9.", "p. 9"), ("Cal. Civ. Code ¶ 12.", "¶ 12"),
    # "at" with a number that is no pin cite; "U.S." is no page
    ("Speech at 10 Downing Street, 2019.", None), ("Hearing adjourned at 10:30, 14 May 2019.", None),
    ("Brown v. Board of Education, 347 U.S. 483 (1954).", None),
])
def test_find_locator_in_legal_and_continental_notes(text, locator):
    assert find_locator(text) == locator


@pytest.mark.parametrize("text, title, container, year, locator", [
    ("Brown v. Board of Education, 347 U.S. 483 (1954).", "Brown v. Board of Education", "U.S.", "1954", None),
    ("*Roe v. Wade*, 410 U.S. 113, 120 (1973).", "Roe v. Wade", "U.S.", "1973", "at 120"),
    ("See Marlow v. Estuary Dredging Co., 512 F.3d 778, 781-82 (4th Cir. 2008) (reversing the award).",
     "Marlow v. Estuary Dredging Co.", "F.3d", "2008", "at 781-82"),
    ("Tillery v. Harbor Cnty. Sch. Dist., 301 F. Supp. 2d 55, 61 (D. Md. 2004).",
     "Tillery v. Harbor Cnty. Sch. Dist.", "F. Supp. 2d", "2004", "at 61"),
    ("Brown v. Board of Education, 347 U.S. 483, 74 S. Ct. 686, 98 L. Ed. 873 (1954).",
     "Brown v. Board of Education", "U.S.", "1954", None),
    ("United States v. Ketterly, 92 N.E.3d 110, 114 (Mass. 2018).", "United States v. Ketterly", "N.E.3d", "2018", "at 114"),
    ("R v Harrowgate Mills Ltd [2014] EWCA Crim 1180.", "R v Harrowgate Mills Ltd", "EWCA Crim", "2014", None),
    ("42 U.S.C. § 1983 (2018).", "42 U.S.C. § 1983", None, "2018", None),
    ("Cal. Civ. Code § 1714(a) (West 2020).", "Cal. Civ. Code § 1714(a)", None, "2020", None),
    ("Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223, 231 (2019).", "The Tidal Commons", "Vill. L. Rev.", "2019", "at 231"),
    ("Nora Okafor & Per Lindqvist, *Salt, Silt and Standing*, 110 HARB. L.J. 62 (2016).",
     "Salt, Silt and Standing", "HARB. L.J.", "2016", None),
    # German, French and Spanish books
    ("Vgl. Hans Brandt, Die Verwaltung der Flussdeiche, 2. Aufl., Bremen 2019, S. 12.",
     "Die Verwaltung der Flussdeiche", None, "2019", "S. 12"),
    ("Claire Dupont, *Les digues de l'estuaire*, Paris, Éditions du Littoral, 2015, p. 78.",
     "Les digues de l'estuaire", "Éditions du Littoral", "2015", "p. 78"),
    ("Véase Lucía Ortega, *Los puertos menores*, Madrid, Editorial Marea, 2018, pág. 33.",
     "Los puertos menores", "Editorial Marea", "2018", "pág. 33"),
])
def test_parse_legal_and_continental_references(text, title, container, year, locator):
    ref = parse_reference(text)
    assert (ref.title, ref.container, ref.year, ref.locator) == (title, container, year, locator)


def test_law_review_authors_and_german_editors():
    assert parse_reference("Nora Okafor & Per Lindqvist, *Salt, Silt and Standing*, 110 HARB. L.J. 62 (2016).").authors == \
        ["Nora Okafor", "Per Lindqvist"]
    assert parse_reference("Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223, 231 (2019).").authors == ["Nora Okafor"]
    ref = parse_reference("Karl Ebdon (Hrsg.), *Handbuch des Küstenschutzes*, Kiel 2017, S. 5.")
    assert (ref.authors, ref.title, ref.year) == (["Karl Ebdon"], "Handbuch des Küstenschutzes", "2017")


@pytest.mark.parametrize("text, pointer", [
    ("Smith, supra note 3, at 45.", ("3", False)), ("See supra note 12 and accompanying text.", ("12", False)),
    ("Okafor, supra notes 3-5.", ("3", True)), ("Okafor, supra notes 3 and 7, at 9.", ("3", True)),
    ("Halvorsen (n 4) 212.", ("4", False)), ("Halvorsen, above n 4, 212.", ("4", False)),
    ("Müller (Fn. 3), S. 45.", ("3", False)), ("Vgl. oben Fn. 8.", ("8", False)), ("See note 6 above.", ("6", False)),
    ("Dupont, op. cit., note 2, p. 5.", ("2", False)),
    ("See infra note 9.", None), ("Smith, supra, at 45.", None), ("Ibid., p. 3.", None),
])
def test_cited_note(text, pointer):
    assert cited_note(text) == pointer


@pytest.mark.parametrize("text, key", [
    ("Smith, supra note 3, at 45.", ("smith", None)), ("Müller, a.a.O., S. 45.", ("muller", None)),
    ("Müller (Fn. 3), S. 45.", ("muller", None)), ("Véase Ortega, ob. cit., pág. 19.", ("ortega", None)),
])
def test_op_cit_key_for_supra_and_a_a_o(text, key):
    assert op_cit_key(text) == key


def test_short_case_form_names_the_party():
    case = case_short_form("See *Roe*, 410 U.S. at 153-54.")
    assert (case.name, case.volume, case.reporter, case.pin) == ("Roe", "410", "U.S.", "153-54")
    assert case_short_form("Id. at 4.") is None


def resolve(*texts: str) -> tuple[dict, list[str]]:
    """Notes 1..n, each with a marker, through build_footnotes: {number: footnote}, warnings."""
    blocks = [Block(NOTE, text, label=number) for number, text in enumerate(texts, 1)]
    warnings: list[str] = []
    notes, _ = build_footnotes(blocks, [(number, number * 10) for number in range(1, len(texts) + 1)], warnings)
    return {note.number: note for note in notes}, warnings


def pointers(notes: dict) -> dict:
    return {number: (note.kind, note.resolves_to, note.resolution_guess) for number, note in notes.items()}


def test_law_review_sequence_resolves_id_supra_and_short_cases():
    notes, warnings = resolve(
        "Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223, 231 (2019).",
        "Id. at 240.",
        "See Brown v. Board of Education, 347 U.S. 483, 493 (1954).",
        "Id.",
        "Okafor, supra note 1, at 250.",
        "See id. at 252-53.",
        "Brown, 347 U.S. at 495.",
        "See supra note 4 and accompanying text.",
        "See infra note 12.",
        "Okafor, supra, at 260.",
        "42 U.S.C. § 1983 (2018).",
        "Id. § 1985.",
    )
    assert pointers(notes) == {
        1: ("reference", None, False), 2: ("ibid", 1, False), 3: ("reference", None, False), 4: ("ibid", 3, False),
        5: ("op_cit", 1, False), 6: ("ibid", 1, False), 7: ("op_cit", 3, False),
        8: ("op_cit", 3, False),  # note 4 is an Id. of note 3: the chain is followed to its root
        9: ("note", None, False), 10: ("op_cit", 1, False), 11: ("reference", None, False), 12: ("ibid", 11, False),
    }
    assert warnings == []
    assert (notes[2].reference.title, notes[2].reference.locator) == ("The Tidal Commons", "at 240")
    assert (notes[5].reference.title, notes[5].reference.locator) == ("The Tidal Commons", "at 250")
    assert (notes[6].reference.locator, notes[7].reference.title) == ("at 252-53", "Brown v. Board of Education")
    assert notes[7].reference.locator == "at 495"
    assert (notes[12].reference.title, notes[12].reference.locator) == ("42 U.S.C. § 1983", "§ 1985")


def test_german_sequence_resolves_ebd_and_a_a_o():
    notes, warnings = resolve(
        "Vgl. Hans Brandt, Die Verwaltung der Flussdeiche, 2. Aufl., Bremen 2019, S. 12.",
        "Ebd., S. 14.",
        "Greta Wolters, *Sturmfluten an der Unterweser*, Oldenburg 2008, S. 101.",
        "Brandt, a.a.O., S. 30 f.",
        "ebd.",
        "Wolters (Fn. 3), S. 120.",
        "Siehe unten Fn. 9.",
    )
    assert pointers(notes) == {
        1: ("reference", None, False), 2: ("ibid", 1, False), 3: ("reference", None, False), 4: ("op_cit", 1, False),
        5: ("ibid", 1, False), 6: ("op_cit", 3, False), 7: ("note", None, False),
    }
    assert warnings == []
    assert (notes[2].reference.title, notes[2].reference.locator) == ("Die Verwaltung der Flussdeiche", "S. 14")
    assert notes[4].reference.locator == "S. 30 f."
    assert notes[6].reference.locator == "S. 120"


def test_french_and_spanish_sequences():
    notes, warnings = resolve(
        "Claire Dupont, *Les digues de l'estuaire*, Paris, Éditions du Littoral, 2015, p. 78.",
        "Ibid., p. 80.",
        "Voir Marc Lefèvre, « Le port et la ville », *Revue des rivages*, n° 12, 2017, p. 14.",
        "Dupont, op. cit., p. 91.",
        "Lefèvre, art. cit., p. 15.",
        "Véase Lucía Ortega, *Los puertos menores*, Madrid, Editorial Marea, 2018, pág. 33.",
        "Ibíd., pág. 35.",
        "Ídem.",
        "Ortega, ob. cit., pág. 40.",
    )
    assert pointers(notes) == {
        1: ("reference", None, False), 2: ("ibid", 1, False), 3: ("reference", None, False), 4: ("op_cit", 1, False),
        5: ("op_cit", 3, False), 6: ("reference", None, False), 7: ("ibid", 6, False), 8: ("ibid", 6, False),
        9: ("op_cit", 6, False),
    }
    assert warnings == []
    assert (notes[3].reference.title, notes[7].reference.locator) == ("Le port et la ville", "pág. 35")


def test_id_after_a_note_citing_several_works_is_a_flagged_guess():
    notes, warnings = resolve(
        "See Roe v. Wade, 410 U.S. 113, 120 (1973); Plessy v. Ferguson, 163 U.S. 537 (1896).",
        "Id. at 125.",
        "Id. at 126.",
        "Plessy, 163 U.S. at 540.",
    )
    assert pointers(notes)[2] == ("ibid", 1, True)
    assert notes[2].reference.title == "Roe v. Wade"  # the first work of note 1
    assert pointers(notes)[3] == ("ibid", 1, True)  # repeats a guess, so is one
    assert any(w.startswith("footnote 2:") and "several works" in w and "guess" in w for w in warnings)
    assert any(w.startswith("footnote 3:") and "guess" in w for w in warnings)
    # a short case form finds the second case of note 1 by its party and volume
    assert pointers(notes)[4] == ("op_cit", 1, False)
    assert notes[4].reference.title == "Plessy v. Ferguson"


def test_ibid_after_a_note_citing_one_work_and_a_link_is_certain():
    notes, warnings = resolve(
        "Aldra Port Authority, *Annual Dues Review 2019*, Halden Quay, 2020; available at https://aldra-port.example/dues.",
        "Ibid., p. 9.",
    )
    assert pointers(notes)[2] == ("ibid", 1, False)
    assert warnings == []


def test_supra_picks_the_named_authors_work_in_a_note_citing_several():
    notes, warnings = resolve(
        "Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223 (2019); Per Lindqvist, Standing to Sue for a River, "
        "12 Harb. L.J. 5 (2020).",
        "Commentary on the record, which the 2021 report does not address.",
        "Lindqvist, supra note 1, at 9.",
        "Halvorsen, supra note 1, at 3.",
        "Okafor, supra notes 1-2.",
    )
    assert pointers(notes)[3] == ("op_cit", 1, False)
    assert notes[3].reference.title == "Standing to Sue for a River"
    assert notes[3].reference.locator == "at 9"
    assert pointers(notes)[4] == ("op_cit", 1, True)  # no work by Halvorsen in note 1: the first, flagged
    assert notes[4].reference.title == "The Tidal Commons"
    assert pointers(notes)[5] == ("op_cit", 1, True)  # several notes named
    assert sum("guess" in w for w in warnings) == 2


def test_supra_naming_a_missing_or_later_note_falls_back_to_a_flagged_guess():
    notes, warnings = resolve(
        "Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223 (2019).",
        "Okafor, supra note 7, at 230.",
    )
    assert pointers(notes)[2] == ("op_cit", 1, True)
    assert any("footnote 2: names note 7, which is not an earlier note" in w for w in warnings)


def test_short_case_form_without_its_full_citation():
    notes, warnings = resolve(
        "Brown v. Board of Education, 347 U.S. 483 (1954).",
        "Brown, 349 U.S. at 300.",  # another decision of the same name: flagged
        "Marbury, 5 U.S. at 177.",  # never cited in full
    )
    assert pointers(notes)[2] == ("op_cit", 1, True)
    assert pointers(notes)[3] == ("op_cit", None, False)
    assert any("footnote 2:" in w and "party name only" in w for w in warnings)
    assert any("footnote 3: short citation of Marbury with no earlier full citation" in w for w in warnings)


def test_cross_reference_forward_has_no_resolution_and_no_warning():
    notes, warnings = resolve("Nora Okafor, The Tidal Commons, 64 Vill. L. Rev. 223 (2019).", "See infra note 9.")
    assert (notes[2].kind, notes[2].resolves_to, notes[2].reference) == ("note", None, None)
    assert warnings == []


def test_duplicate_label_keeps_both_definitions():
    blocks = [Block(NOTE, "Aldra Port Authority, *Annual Dues Review 2019*, Halden Quay, 2020, p. 4.", label=1),
              Block(NOTE, "Ibid., p. 9.", label=2),
              Block(NOTE, "Second text for the same label, from a merged draft.", label=2),
              Block(NOTE, "A third definition of note 2.", label=2),
              Block(NOTE, "Named note called 2-2 in the source.", label="2-2")]
    warnings: list[str] = []
    notes, dangling = build_footnotes(blocks, [(1, 5), (2, 20), ("2-2", 30)], warnings)
    assert [n.number for n in notes] == [1, 2, "2-3", "2-4", "2-2"]
    assert [n.text for n in notes][2:4] == ["Second text for the same label, from a merged draft.",
                                              "A third definition of note 2."]
    assert notes[1].marker_offsets == [20] and notes[2].marker_offsets == [] and notes[4].marker_offsets == [30]
    assert dangling == []
    assert "footnote 2 is defined again; all kept, this one as note '2-4'" in warnings
    assert not any("orphan" in w for w in warnings)
    assert (notes[1].kind, notes[1].resolves_to) == ("ibid", 1)


def test_duplicate_label_message_names_the_copy():
    warnings: list[str] = []
    notes, _ = build_footnotes([Block(NOTE, "First.", label=3), Block(NOTE, "Second.", label=3)], [(3, 0)], warnings)
    assert [n.number for n in notes] == [3, "3-2"]
    assert warnings == ["footnote 3 is defined twice; both kept, the second as note '3-2'"]
    labels = [json.loads(json.dumps(n.number)) for n in notes]  # as the store keeps them
    assert sort_labels(list(reversed(labels))) == [3, "3-2"]


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "references"


def parsed(name: str):
    path = FIXTURES / name
    return parse_report(path.read_bytes(), path.suffix.lstrip("."))


def marker_follows(report, number, text: str) -> bool:
    note = next(n for n in report.footnotes if n.number == number)
    return len(note.marker_offsets) == 1 and report.text[:note.marker_offsets[0]].endswith(text)


def test_law_review_fixture():
    report = parsed("law-review-notes.md")
    assert (report.title, report.authors, report.date) == (
        "Standing in the Silt: Riparian Claims After the Dredging Cases", ["Nora Okafor"], "2022-03-15")
    notes = {n.number: n for n in report.footnotes}
    assert list(notes) == ["*"] + list(range(1, 16))
    assert marker_follows(report, 2, "standing in 2008.")
    assert marker_follows(report, 10, "cited the rule with approval.")
    assert notes[3].text.startswith("Id. at 783 (citing Brown v. Board of Education")
    assert notes[9].text.endswith("[hereinafter Salt, Silt].")
    assert {k: pointers(notes)[k] for k in (3, 5, 7, 8, 10, 11, 14, 15)} == {
        3: ("ibid", 2, False), 5: ("op_cit", 1, False), 7: ("op_cit", 2, False), 8: ("ibid", 2, False),
        10: ("ibid", 9, False), 11: ("op_cit", 9, False), 14: ("ibid", 13, False), 15: ("op_cit", 4, True)}
    assert [notes[k].kind for k in ("*", 6, 12)] == ["note", "note", "note"]
    assert (notes[8].reference.locator, notes[11].reference.locator, notes[14].reference.locator) == ("at 790", "at 75", None)
    assert notes[2].reference.title == "Marlow v. Estuary Dredging Co." and notes[13].reference.year == "2018"
    assert report.warnings == ["footnote 15: note 4 cites several works: taken as the first of them (a guess)"]
    assert "a landowner whose frontage lost 3.4 metres of bank" in report.text
    assert "62 of 71 reported decisions after 2008" in report.text
    assert "hereinafter" not in report.text and "Associate Professor" not in report.text


def test_german_fixture():
    report = parsed("gutachten-fussnoten.md")
    assert (report.title, report.authors, report.date) == (
        "Deichunterhaltung an der Unterweser: Kosten und Zuständigkeiten", ["Greta Wolters"], "2021-11")
    notes = {n.number: n for n in report.footnotes}
    assert list(notes) == list(range(1, 11))
    assert marker_follows(report, 8, "Die Zahlen der Verbände")
    assert marker_follows(report, 9, "und des Landes")
    assert pointers(notes) == {
        1: ("reference", None, False), 2: ("ibid", 1, False), 3: ("reference", None, False), 4: ("reference", None, False),
        5: ("op_cit", 1, False), 6: ("op_cit", 3, False), 7: ("ibid", 3, False), 8: ("op_cit", 1, False),
        9: ("op_cit", 4, False), 10: ("note", None, False)}
    assert (notes[4].reference.authors, notes[4].reference.locator) == (["Karl Ebdon"], "S. 5")
    assert (notes[2].reference.locator, notes[5].reference.locator) == ("S. 14 f.", "S. 30 ff.")
    assert report.warnings == []
    assert "um 18,5 % gestiegen" in report.text and "4,2 Mio. Euro erhöht." in report.text
    assert "a.a.O." not in report.text


def test_duplicate_definitions_survive_the_store(store):
    from claimdesk.library import import_paths
    from claimdesk.store.reports import report_document

    import_paths(store, [FIXTURES / "merged-draft-duplicate-notes.md"])
    document = report_document(store, "merged-draft-duplicate-notes")
    notes = {n["number"]: n for n in document["footnotes"]}
    assert list(notes) == [1, 2, "2-2"]
    assert notes["2-2"]["text"] == "Harbour Users' Forum, Berth Audit, Halden Quay, 2021, p. 11."
    assert notes["2-2"]["kind"] == "reference" and notes["2-2"]["marker_offsets"] == []
    assert notes[2]["kind"] == "ibid" and notes[2]["resolves_to"] == 1 and len(notes[2]["marker_offsets"]) == 1
    assert "footnote 2 is defined twice; both kept, the second as note '2-2'" in document["warnings"]
    assert document["orphan_footnotes"] == ["2-2"]
    assert "by 2.5 % and then by 4 %" in document["text"]


def test_scots_law_reports_are_full_citations_a_later_supra_finds():
    # Scots reports are cited by year, series and page, with no volume: "2019 SLT (Sh Ct) 211", "2020 SC 123".
    notes, warnings = resolve(
        "Drummore Estates Ltd v Kinloch Properties Ltd 2019 SLT (Sh Ct) 211, at para 14.",
        "Ibid, at para 22.",
        "Black v Whitburn Council 2020 SC 123.",
        "Drummore Estates Ltd v Kinloch Properties Ltd, supra, at para 31.",
    )
    assert pointers(notes) == {1: ("reference", None, False), 2: ("ibid", 1, False), 3: ("reference", None, False),
                               4: ("op_cit", 1, False)}
    assert warnings == []
    assert (notes[1].reference.title, notes[1].reference.container, notes[1].reference.year) == (
        "Drummore Estates Ltd v Kinloch Properties Ltd", "SLT (Sh Ct)", "2019")


def test_a_short_form_followed_by_a_comment_still_finds_its_full_form():
    # Chicago's short note for a corporate author, with the writer's comment after the page.
    notes, warnings = resolve(
        "Fenwick Vale County Auditor, *Route 7 Frequent Corridor: Performance and Cost Review*, April 2024, p. 12.",
        "Traffic Engineering Division, memorandum to the Director of Public Works, 9 August 2021.",
        "Fenwick Vale County Auditor, *Route 7 Frequent Corridor*, p. 51. The auditor's comparison ranges from $7,800 to $12,400.",
    )
    assert notes[3].resolves_to == 1 and notes[3].reference.locator == "p. 51"
    assert warnings == []
