"""A report's cover as a text gives it: the issuing body over the kind of paper ("МИНИСТЕРСТВО …
/ ДОКЛАД", "COUNTY COUNCIL OF … / REPORT") is who issued it, and the title is the kind and the
capitals under it, broken at connective words ("REPORT / ON / RURAL WATER SUPPLIES / IN THE
COUNTY"), not a name; a chapter's heading on a chapter's cover is no subtitle. A numbered
paragraph whose first line runs to the margin in lower-case words is a paragraph, not a
numbered heading over prose. Classes from blind21 (a Russian ministry report, a Cabinet paper);
the fixtures are other papers of the kind."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_FRENCH_COVER = """PRÉFECTURE DE LA RÉGION BRETAGNE
DIRECTION RÉGIONALE DE L'ENVIRONNEMENT

RAPPORT

SUR L'ÉTAT DES COURS D'EAU
DU BASSIN DE LA VILAINE

Chapitre 2. Les prélèvements agricoles

Rennes, 2022
\f
Chapitre 2. Les prélèvements agricoles

En 2021, les prélèvements agricoles ont atteint 41 millions de mètres cubes, soit 18 % du total.
"""


def test_the_kind_of_paper_opens_the_title_and_the_body_above_it_stays_text():
    report = parse_report(_FRENCH_COVER.encode(), "txt")
    assert report.title == "RAPPORT SUR L'ÉTAT DES COURS D'EAU DU BASSIN DE LA VILAINE"
    assert report.authors == []
    assert report.date == "2022"
    assert "PRÉFECTURE DE LA RÉGION BRETAGNE" in report.text  # the issuing body is not lost
    assert "En 2021, les prélèvements agricoles ont atteint 41 millions de mètres cubes, soit 18 % du total." in report.text


def test_a_title_in_capitals_over_lines_is_no_name():
    cover = """HARBOUR BOARD OF KESTREL BAY

FINAL REPORT
OF THE
COMMITTEE ON DREDGING
AND SILTING

The Committee met 14 times in 1958 and heard 31 witnesses.
"""
    report = parse_report(cover.encode(), "txt")
    assert report.title == "FINAL REPORT OF THE COMMITTEE ON DREDGING AND SILTING"
    assert report.authors == []
    assert "The Committee met 14 times in 1958 and heard 31 witnesses." in report.text


def test_a_numbered_paragraph_that_wraps_is_one_paragraph():
    memo = """MEMORANDUM

    4. The Board considered whether the dredging contract could be let before
the winter, and agreed that it could not be let before March 1959.

    5. Costs

The contract is estimated at £212,000.
"""
    text = parse_report(memo.encode(), "txt").text
    assert ("4. The Board considered whether the dredging contract could be let before the winter, "
            "and agreed that it could not be let before March 1959.") in text
    assert "5. Costs" in text and "The contract is estimated at £212,000." in text
