"""Notes of blind set 12's origins: endnotes that print their own number, op. cit. roots, furniture.

Each fixture is our own writing, built the way those sites build their pages.
"""

from claimdesk.sources.parsing import parse_report
from claimdesk.sources.references import op_cit_key

_ENDNOTES_PRINTING_THEIR_NUMBER = """<html><head><title>Harbour Road Ferry</title></head><body><article>
<h1>Harbour Road Ferry</h1>
<p>The county bought the scow in 1921 for $4,200.<a href="#note1" id="ref1"><sup>1</sup></a>
It carried 31 wagons a day by 1924.<a href="#note2" id="ref2"><sup>2</sup></a>
A second scow followed in 1927.<a href="#note3" id="ref3"><sup>3</sup></a>
The ferry's federal file was opened under the records act.<a href="#note5" id="ref5"><sup>5</sup></a>
Tolls ended in 1951.<a href="#note4" id="ref4"><sup>4</sup></a></p>
<h2>Sources</h2>
<div class="endnotes">
<p class="note" id="note1">1. Minutes of the Harbour County Board, June 2, 1921, Box 3, County Archives.</p>
<p class="note" id="note2">2. &ldquo;Ferry Busy,&rdquo; <i>Harbour Gazette</i>, May 9, 1924, p. 2.</p>
<p class="note" id="note3">3. Ibid., August 14, 1927, p. 1.</p>
<p class="note" id="note4">4. Harbour County, <i>Annual Report for 1951</i> (Harbour: The County, 1952), 12.</p>
<p class="note" id="note5">5 U.S.C. &sect; 552(b)(4) governs what the file may withhold.</p>
</div></article></body></html>"""


def test_an_endnote_that_prints_its_number_is_still_read_as_ibid():
    report = parse_report(_ENDNOTES_PRINTING_THEIR_NUMBER.encode(), "html")
    notes = {note.number: note for note in report.footnotes}
    assert notes[3].kind == "ibid" and notes[3].resolves_to == 2
    assert notes[3].text.startswith("3. Ibid., August 14, 1927")  # the printed number stays in the text
    assert notes[4].kind == "reference"


def test_a_note_whose_first_figure_is_its_own_number_keeps_it():
    # Note 5 cites title 5 of the U.S. Code: "5" is the note's text, not only its label.
    report = parse_report(_ENDNOTES_PRINTING_THEIR_NUMBER.encode(), "html")
    note5 = next(note for note in report.footnotes if note.number == 5)
    assert note5.text.startswith("5 U.S.C. § 552(b)(4)")
    assert "Tolls ended in 1951." in report.text


_OP_CIT_IN_COMMENTARY = """# Hedgerow Orchards of the Marches

The survey counted 412 trees.[^1] Most were planted before 1950.[^2] Grants paid for
86 new ones.[^3] The old varieties are listed.[^4] Few seedlings are kept.[^5]
The river panel met 9 times.[^6]

[^1]: Okafor, B. and Lindqvist, T. (2020), *Orchard Survey of the Marches*, Hereford: Marches Trust, pp. 3–9.
[^2]: J. Marsh, *Tithe Maps of the Marches* (Hereford: County Press, 1998), sheet 4.
[^3]: Mostly from the stewardship schemes; see R. Pellow, *Cider Country* (Ludlow: Teme Press, 2011), pp. 40–42.
[^4]: The full account is in Sir Hugh Garrowby's *Fruit of the Border* (1889), which the reader may consult.
[^5]: On keeping seedlings, see Pellow, op. cit., p. 77.
[^6]: Interview with a panel member, 3 May 2023; on grafting, see Okafor and Lindqvist (2020), op. cit., p. 31.
[^7]: Garrowby, op. cit., p. 12.
"""


def test_op_cit_in_author_date_style_names_its_first_author():
    notes = {n.number: n for n in parse_report(_OP_CIT_IN_COMMENTARY.encode(), "md").footnotes}
    assert notes[6].kind == "op_cit" and notes[6].resolves_to == 1
    assert op_cit_key("see Okafor and Lindqvist (2020), op. cit., p. 31.") == ("okafor", None)


def test_op_cit_of_a_work_cited_inside_commentary_is_that_note():
    report = parse_report((_OP_CIT_IN_COMMENTARY + "\nGrafting failed in 1903.[^7]\n").encode(), "md")
    notes = {n.number: n for n in report.footnotes}
    assert notes[5].kind == "op_cit" and notes[5].resolves_to == 3   # "see R. Pellow, *Cider Country*"
    assert notes[7].kind == "op_cit" and notes[7].resolves_to == 4   # "Sir Hugh Garrowby's *Fruit of the Border*"
    assert any("footnote 7: op. cit. resolved to footnote 4" in w and "guess" in w for w in report.warnings)


_SHORT_FORMS = """<html><head><title>Sluices of the Fen</title></head><body><article><h1>Sluices of the Fen</h1>
<p>The board built 14 sluices by 1880.<sup><a href="#n1" id="r1">1</a></sup> Most were of oak.<sup><a href="#n2" id="r2">2</a></sup>
Repairs cost £3,100 in 1902.<sup><a href="#n3" id="r3">3</a></sup> The last was rebuilt in 1931.<sup><a href="#n4" id="r4">4</a></sup>
A rival survey disagreed.<sup><a href="#n5" id="r5">5</a></sup></p>
<ol class="endnotes">
<li id="n1">Helen Marsh, <i>The Drainage of the Middle Level: Sluices and Engines</i> (Ely: Fen Press, 1998), 41.</li>
<li id="n2">Marsh, <i>Drainage of the Middle Level</i>, 44.</li>
<li id="n3">Ibid., 52.</li>
<li id="n4">Marsh, <i>The Drainage of the Middle Level</i>, 60.</li>
<li id="n5">Marsh, <i>Pumping Engines of the Fens</i>, 12.</li>
</ol></article></body></html>"""


def test_a_chicago_short_form_points_at_its_full_reference_and_an_ibid_after_it_too():
    notes = {n.number: n for n in parse_report(_SHORT_FORMS.encode(), "html").footnotes}
    assert notes[2].kind == "reference" and notes[2].resolves_to == 1  # the short title drops "The"
    assert notes[3].kind == "ibid" and notes[3].resolves_to == 1
    assert notes[4].kind == "reference" and notes[4].resolves_to == 1
    assert notes[4].reference.title == "The Drainage of the Middle Level: Sluices and Engines"  # the work, for exports
    assert notes[5].resolves_to is None  # another work by the same author is not the same work
    assert notes[1].resolves_to is None


_CHINESE_NOTES = """# 城西的渡口

渡口每天运送 420 人次。[^1] 票价三十年没有变过。[^2] 船工说，冬天客流减半。[^3] 码头在 1987 年重修。[^4]

[^1]: 《城西区交通年报（2021）》，区交通局，2022 年 3 月，第 8 页。
[^2]: 同上，第 9 页。
[^3]: 2023 年 12 月 2 日对船工的访谈。
[^4]: 前引《城西区交通年报（2021）》，第 30 页。
"""


def test_chinese_ibid_and_op_cit_point_at_the_work_they_repeat():
    notes = {n.number: n for n in parse_report(_CHINESE_NOTES.encode(), "md").footnotes}
    assert notes[2].kind == "ibid" and notes[2].resolves_to == 1
    assert notes[4].kind == "op_cit" and notes[4].resolves_to == 1
    assert notes[3].kind == "note"
