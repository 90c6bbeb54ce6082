"""Who wrote a judgment, read from its head (sources/readers/judges.py)."""

from __future__ import annotations

import pytest

from claimdesk.sources.importer import parse_report
from claimdesk.sources.readers.judges import opinion_writer


@pytest.mark.parametrize("lines, writer", [
    (["Syllabus", "", "MR. JUSTICE HARTWELL delivered the opinion of the Court."], "Mr. Justice Hartwell"),
    (["JUSTICE SOTOMAYOR delivered the opinion of the Court."], "Justice Sotomayor"),
    (["Linder, J., delivered the opinion of the court."], "Linder, J."),
    (["Reasons for Judgment of the Honourable Madam Justice Okonkwo-Reid:"], "Madam Justice Okonkwo-Reid"),
    (["Written Reasons by:", "The Honourable Madam Justice Okonkwo-Reid", "Concurred in by:"], "Madam Justice Okonkwo-Reid"),
    (["Opinion by Judge Ruiz"], "Judge Ruiz"),
    (["Motifs du jugement de l'honorable juge Tremblay :"], "juge Tremblay"),
    (["The court below held that the judge delivered the opinion late."], None),
    (["Written Reasons by:", "Counsel for the appellant"], None),
])
def test_the_writer_named_in_a_judgments_head(lines, writer):
    assert opinion_writer(lines) == writer


def test_a_canadian_judgment_page_names_its_writer_not_the_panel():
    page = (
        "<html><head><title>Mowbray Orchards v. Tulameen, 2021 BCCA 214</title></head><body>"
        "<table><tr><td><p>Before:</p></td><td><p>The Honourable Madam Justice Okonkwo-Reid<br>"
        "The Honourable Mr. Justice Larouche</p></td></tr></table>"
        "<table><tr><td><p><b>Written Reasons by:</b></p></td></tr><tr><td><p>The Honourable Madam Justice Okonkwo-Reid</p></td></tr>"
        "<tr><td><p><b>Concurred in by:</b></p></td></tr><tr><td><p>The Honourable Mr. Justice Larouche</p></td></tr></table>"
        "<p>[1] The levy was $42 per irrigable acre in 2020.</p></body></html>"
    )
    assert parse_report(page.encode(), "html").authors == ["Madam Justice Okonkwo-Reid"]


def test_a_plain_text_opinion_names_the_justice_who_delivered_it():
    source = (
        "SUPREME COURT OF THE UNITED STATES\n\nNo. 412\n\nWHITCOMBE v. LARAMIE WATER CONSERVANCY DISTRICT\n\n"
        "Argued April 2, 1953. Decided May 18, 1953.\n\n"
        "MR. JUSTICE HARTWELL delivered the opinion of the Court.\n\n"
        "The district levied 3 mills on every acre in 1949.\n"
    )
    report = parse_report(source.encode(), "txt")
    assert report.authors == ["Mr. Justice Hartwell"]


@pytest.mark.parametrize("field, names", [
    ("Appeal Sheriff D Leitch", ["D Leitch"]),  # the Sheriff Appeal Court's "Judge:" field
    ("Sheriff Principal M Stirling", ["M Stirling"]),
    ("District Judge Anwar", []),  # one word after the office is no name
    ("Sheriff Court", []),
])
def test_a_scottish_sheriff_s_office_is_no_part_of_the_name(field, names):
    from claimdesk.sources.readers.judges import panel_names

    assert panel_names(field) == names
