"""British Cabinet papers as The National Archives' scans give their text (CAB 24, 66, 129
memoranda; CAB 23, 65, 128 conclusions): the archive's stamp and the printer's protective,
printing and classification lines go to `removed`; the paper's number, date, title and
minister stay as its head and are read into title, date and authors; pages are cut at the
centred numbers running on from 2, so notes marked * and † at a page's foot are notes.
First met in held-out set blind21 (a 1955 CAB 129 memorandum); these fixtures are a 1940
War Cabinet memorandum without the stamp and a 1955 meeting's conclusions with it."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_WAR_CABINET = """THIS DOCUMENT IS THE PROPERTY OF HIS BRITANNIC MAJESTY'S GOVERNMENT.

Printed for the War Cabinet.  June 1940.

MOST SECRET.                                              Copy No.  17

W.P. (40) 168.

4th June, 1940.

WAR CABINET.

MEAT SUPPLIES FOR THE WINTER OF 1940-41.

MEMORANDUM BY THE MINISTER OF FOOD.

    1. Stocks of frozen meat in the United Kingdom on the 1st June stood at
212,000 tons, against 301,000 tons a year ago.* The fall is due to the loss
of refrigerated tonnage in the North Atlantic.

    2. I propose that the ration be held at 1s. 10d. a head a week until the
end of September, and that the Ministry of Shipping be asked to give
refrigerated ships first call on the Plate route.



_______________

     * Including 14,000 tons held for the Services.

                                     2

                                MOST SECRET.

    3. If these measures are agreed, stocks at the end of December should be
about 180,000 tons, which is enough for eleven weeks.

                                                            W. S. M.
"""


def test_a_war_cabinet_memorandum_reads_its_head_pages_and_page_notes():
    report = parse_report(_WAR_CABINET.encode("cp1252"), "txt")
    assert report.title == "MEAT SUPPLIES FOR THE WINTER OF 1940-41."
    assert report.authors == ["Minister of Food"]
    assert report.date == "1940-06-04"
    assert [page.label for page in report.pages] == ["1", "2"]
    assert [(note.number, note.text) for note in report.footnotes] == [(1, "Including 14,000 tons held for the Services.")]
    note = report.footnotes[0]
    assert report.text[: note.marker_offsets[0]].endswith("against 301,000 tons a year ago.")
    for head in ("W.P. (40) 168.", "WAR CABINET.", "MEAT SUPPLIES FOR THE WINTER OF 1940-41.", "MEMORANDUM BY THE MINISTER OF FOOD."):
        assert head in report.text, head
    for furniture in ("THIS DOCUMENT IS THE PROPERTY", "Printed for the War Cabinet", "MOST SECRET", "Copy No."):
        assert furniture not in report.text, furniture
        assert any(furniture in item.text for item in report.removed), furniture
    assert "about 180,000 tons, which is enough for eleven weeks." in report.text
    assert "1s. 10d. a head a week" in report.text


_CONCLUSIONS = """(c) crown copyright

Catalogue Reference:CAB/128/29

Image Reference:0031

T H I S  D O C U M E N T  IS  T H E  P R O P E R T Y  O F  H E R  B R I T A N N I C  M A J E S T Y ' S  G O V E R N M E N T

Printed for the Cabinet.  May 1955

SECRET                                                    Copy No.   41

C.M. (55) 9th Conclusions

CABINET

CONCLUSIONS of a Meeting of the Cabinet held at 10 Downing Street,
S.W.1, on Tuesday, 3rd May, 1955, at 11 a.m.

    1. The Cabinet considered the programme of civil investment, which
the Chancellor estimated at £1,912 million for 1955–56.

    2. The Cabinet agreed that the programme be reviewed in October.
"""


def test_a_meetings_conclusions_with_the_archive_stamp():
    report = parse_report(_CONCLUSIONS.encode("cp1252"), "txt")
    assert report.title == "CONCLUSIONS of a Meeting of the Cabinet held at 10 Downing Street, S.W.1, on Tuesday, 3rd May, 1955, at 11 a.m."
    assert report.date == "1955-05-03"
    kinds = {item.text: item.kind for item in report.removed}
    assert kinds["(c) crown copyright"] == "licence"
    assert kinds["Catalogue Reference:CAB/128/29"] == "header" and kinds["Image Reference:0031"] == "header"
    assert "crown copyright" not in report.text and "Image Reference" not in report.text
    assert "the Chancellor estimated at £1,912 million for 1955–56." in report.text  # the pound sign is kept


def test_a_text_that_only_says_secret_is_no_cabinet_paper():
    story = "THE SECRET GARDEN\n\nShe kept the key for 10 years.\n\nSECRET\n\n                                     2\n\nThen she lost it.\n"
    report = parse_report(story.encode(), "txt")
    assert "She kept the key for 10 years." in report.text and "SECRET" in report.text
    assert report.pages == [] and "\n2\n" in report.text
    assert not any(item.kind == "header" for item in report.removed)
