"""Anchoring claims, finding them again in revised text, and their citations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.claims.anchoring import QuoteNotFound, context, find_quote, reanchor
from claimdesk.claims.citations import citations_for_span

TEXT = "Russia sold 10 helicopters to Peru in 2019. Peru said “thank you”. Russia sold 10 helicopters again."


def test_find_quote_forgives_white_space_and_quote_marks():
    start, end = find_quote(TEXT, 'Peru said  "thank you".')
    assert TEXT[start:end] == "Peru said “thank you”."


def test_find_quote_occurrences():
    first = find_quote(TEXT, "Russia sold 10 helicopters")
    second = find_quote(TEXT, "Russia sold 10 helicopters", occurrence=2)
    assert first[0] == 0 and second[0] > first[0]
    with pytest.raises(QuoteNotFound, match="occurs 2 time"):
        find_quote(TEXT, "Russia sold 10 helicopters", occurrence=3)
    with pytest.raises(QuoteNotFound, match="not in the report"):
        find_quote(TEXT, "Brazil bought tanks")


def test_reanchor_cascade():
    start, end = find_quote(TEXT, "Peru said “thank you”.")
    prefix, suffix = context(TEXT, start, end)
    quote = TEXT[start:end]
    same = reanchor(TEXT, quote, prefix, suffix, start)
    assert (same.status, same.method, same.start) == ("anchored", "position", start)
    moved_text = "A new opening sentence. " + TEXT
    moved = reanchor(moved_text, quote, prefix, suffix, start)
    assert moved.status == "moved" and moved.method == "quote" and moved_text[moved.start:moved.end] == quote
    retyped = moved_text.replace("“thank you”", '"thank you"')
    forgiving = reanchor(retyped, quote, prefix, suffix, start)
    assert forgiving.method == "forgiving" and retyped[forgiving.start:forgiving.end] == 'Peru said "thank you".'
    edited = moved_text.replace("Peru said “thank you”.", "Peru then said “thank you”.")
    fuzzy = reanchor(edited, quote, prefix, suffix, start)
    assert fuzzy.status == "moved" and fuzzy.method.startswith("fuzzy")
    assert "thank you" in edited[fuzzy.start:fuzzy.end]
    gone = reanchor("Completely different text about fisheries.", quote, prefix, suffix, start)
    assert gone.status == "orphaned"


def test_nearest_occurrence_wins_when_the_quote_repeats():
    quote = "Russia sold 10 helicopters"
    second_start, second_end = find_quote(TEXT, quote, occurrence=2)
    prefix, suffix = context(TEXT, second_start, second_end)
    revised = "Intro. " + TEXT
    anchor = reanchor(revised, quote, prefix, suffix, second_start)
    assert anchor.start == second_start + len("Intro. ")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300), st.data())
def test_reanchor_returns_a_span_inside_the_text(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    prefix, suffix = context(text, start, end)
    edited = data.draw(st.text(max_size=20)) + text + data.draw(st.text(max_size=20))
    anchor = reanchor(edited, quote, prefix, suffix, start)
    if anchor.status != "orphaned":
        assert 0 <= anchor.start <= anchor.end <= len(edited)
    if anchor.method in ("position", "quote"):
        assert edited[anchor.start:anchor.end] == quote


def test_citations_inside_and_right_after_the_sentence():
    text = "First claim here. Second claim with a note inside it and more. Third."
    sentences = [(0, 17), (18, 62), (63, 69)]
    markers = [(1, 17), (2, 40), (3, 62), (4, 69)]
    assert citations_for_span(0, 11, markers, sentences) == [1]  # the claim is part of sentence 1; note 1 follows it
    assert citations_for_span(18, 50, markers, sentences) == [2, 3]
    assert citations_for_span(63, 68, markers, sentences) == [4]
