"""Two note styles first met in held-out set blind21, written here in other documents' styles.

CSS Paged Media writes a footnote where it is called (`float: footnote`: Prince, WeasyPrint,
Paged.js print it at the page's foot; Projekt Gutenberg-DE's books keep it so on the web):
<p>…sentence.<span class="footnote">The note.</span> The text goes on…</p>. The span is the
note and its place is the call; a span classed so that holds a marker or a link is no note.

The Commonwealth courts' short form names the work by the name an earlier note gave it, with
a pinpoint: "SAFA at [31]" after "Statement of Agreed Facts … (SAFA)", "Wilkins at [41]"
after "Wilkins v Coastal Appliance Group Pty Ltd (2019) 271 FCR 404". It resolves to that
note; a note that only looks like one ("Meeting at 10 am") resolves to nothing."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_PAGED_BOOK = """<!DOCTYPE html><html lang="en"><head><title>The Fen Mills</title>
<style>.footnote { float: footnote; }</style></head><body><section class="chapter">
<h1>Chapter III. The Fen Mills</h1>
<p>By 1820 the district had 46 drainage mills.<span class="footnote">Count of the Commissioners of Sewers, 1821, p. 14.</span> Most were smock mills of four sails.</p>
<p>The largest lifted water 9 feet into the main drain.<span class="fn">So <em>Hills</em>, Machines of the Fens (1967), p. 88.</span></p>
<p>See the note<span class="footnote"><a href="#n9">9</a></span> for the later engines, and the sign<span class="footnote">*</span> for estimates.</p>
<div class="end"><p id="n9">9. The first steam engine came in 1851.</p></div>
</section></body></html>"""


def test_a_paged_media_note_is_a_note_called_where_it_stands():
    report = parse_report(_PAGED_BOOK.encode(), "html")
    notes = {note.number: note for note in report.footnotes}
    assert notes[1].text == "Count of the Commissioners of Sewers, 1821, p. 14."
    assert "So Hills" in notes[2].text and "(1967), p. 88." in notes[2].text
    assert report.text[: notes[1].marker_offsets[0]].endswith("By 1820 the district had 46 drainage mills.")
    assert report.text[: notes[2].marker_offsets[0]].endswith("The largest lifted water 9 feet into the main drain.")
    # the sentence goes on after the note, in the same paragraph
    assert "By 1820 the district had 46 drainage mills. Most were smock mills of four sails." in report.text
    assert "Count of the Commissioners" not in report.text


def test_a_span_classed_footnote_holding_a_marker_or_a_sign_is_no_note():
    report = parse_report(_PAGED_BOOK.encode(), "html")
    texts = [note.text for note in report.footnotes]
    assert not any(text in ("9", "*") for text in texts)
    assert "for estimates" in report.text


_JUDGMENT = """<html><head><title>Harbour Authority v Kestrel Marine Ltd [2023] NZHC 1412</title></head><body>
<h1>Harbour Authority v Kestrel Marine Ltd</h1>
<p>[1] The parties agreed the facts.<sup><a href="#fn1" id="r1">1</a></sup> The authority claims $2.4 million.</p>
<p>[2] The test for a penalty is settled.<sup><a href="#fn2" id="r2">2</a></sup> It is deterrence.<sup><a href="#fn3" id="r3">3</a></sup></p>
<p>[3] The vessel was 14 years old.<sup><a href="#fn4" id="r4">4</a></sup> Its master met the pilot at 6 am.<sup><a href="#fn5" id="r5">5</a></sup></p>
<div class="footnotes"><ol>
<li id="fn1">Joint Memorandum of Agreed Facts dated 3 May 2023 (hereafter “JMAF”) at [4]. <a href="#r1">↩</a></li>
<li id="fn2">Ridgeway v Tasman Freight Ltd [2019] NZCA 88, [2019] 3 NZLR 201 at [30]. <a href="#r2">↩</a></li>
<li id="fn3">Ridgeway at [41]. <a href="#r3">↩</a></li>
<li id="fn4">JMAF at [12]–[13]. <a href="#r4">↩</a></li>
<li id="fn5">Meeting at 6 am on 4 June 2022, recorded in the log. <a href="#r5">↩</a></li>
</ol></div></body></html>"""


def test_a_named_short_form_resolves_to_the_note_that_gave_the_name():
    notes = {note.number: note for note in parse_report(_JUDGMENT.encode(), "html").footnotes}
    assert (notes[3].kind, notes[3].resolves_to) == ("op_cit", 2)  # the case by its first party
    assert (notes[4].kind, notes[4].resolves_to) == ("op_cit", 1)  # the name note 1 defined
    assert notes[5].resolves_to is None and notes[5].kind != "op_cit"  # names nothing an earlier note gave
