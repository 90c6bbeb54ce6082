"""Rewrites made for speed must give exactly what the plain forms gave."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdesk.sources import references
from claimdesk.sources.readers import plaintext
from claimdesk.sources.textclean import collapse_spaces

BLANKS = st.text(alphabet=" \t\nab.\u00a0", max_size=40)


@given(BLANKS)
def test_collapse_spaces_is_the_two_substitutions_it_replaced(text):
    expected = re.sub(r" *\n *", "\n", re.sub(r"[ \t]{2,}|\t", " ", text)).strip()
    assert collapse_spaces(text) == expected


# Pieces of every form the op. cit. pattern knows, in upper and lower case, amid noise.
OP_CIT_FORMS = [
    "op. cit.", "Op.cit", "LOC. CIT.", "art. cit.", "ouvr. cit.", "ob. cit", "a.a.O.", "A. a. O", "supra", "SUPRA",
    "supra note 3", "above n 4", "(n 12)", "(Fn. 3)", "( Anm. 2 )", "note 7 above", "op. cit., note 9", "Указ. соч.",
    "указ. соч", "cit. d.", "dz. cyt.", "o.c.", "O. c.", "(2019)", "Smith", ", ", " ", ".", "note", "(", "ſupra",
]
OP_CIT_PIECES = st.lists(st.sampled_from(OP_CIT_FORMS), max_size=8).map("".join)


@pytest.mark.parametrize("text", [f"Smith, {form}, p. 4." for form in OP_CIT_FORMS])
def test_each_op_cit_form_alone_is_found_as_the_pattern_finds_it(text):
    test_the_op_cit_search_finds_what_the_pattern_alone_finds.hypothesis.inner_test(text)


@given(OP_CIT_PIECES)
def test_the_op_cit_search_finds_what_the_pattern_alone_finds(text):
    alone = references._OPCIT_RE.search(text)
    found = references._find_op_cit(text)
    assert (found.span() if found else None) == (alone.span() if alone else None)


MARKER_TEXT = st.text(alphabet="ab [^]1²³⁴(:\n", max_size=30)


@given(MARKER_TEXT)
def test_blocks_without_a_marker_start_are_not_changed_by_the_marker_pattern(text):
    def marker(m):
        return "<" + m[0] + ">"

    assert plaintext._replace_markers(marker, text) == plaintext._MARKER.sub(marker, text)
