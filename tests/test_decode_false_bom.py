"""A UTF-16 byte-order mark an editor put before an 8-bit file must not turn the text into
CJK characters with no word of warning: the bytes pair up ("Th" -> U+6854) and every figure
is gone. The text after a false mark is read as what it is, with a warning; real UTF-16 and
UTF-32 text, in any script, still reads as UTF-16 and UTF-32."""

from __future__ import annotations

import codecs

from hypothesis import given, strategies as st

from claimdesk.sources.decode import decode_bytes

_REPORT = "The council approved 4.2 million for the harbour wall in 2024.\n" * 8
_RUSSIAN = "Совет одобрил 4,2 млн рублей на стену гавани в 2024 году.\n" * 8


def test_ascii_and_utf8_after_a_utf16_mark_keep_their_words_and_figures():
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        for source in (_REPORT, _RUSSIAN):
            text, encoding, warnings = decode_bytes(bom + source.encode("utf-8"))
            assert text == source
            assert encoding == "utf-8"
            assert any("byte-order mark but its text is not utf-16" in warning for warning in warnings)


def test_real_utf16_text_without_spaces_is_still_utf16():
    chinese = "会议批准了港口墙的四百二十万元预算。" * 20  # no space, no line break: control bytes tell it
    text, encoding, warnings = decode_bytes(codecs.BOM_UTF16_LE + chinese.encode("utf-16-le"))
    assert (text, encoding, warnings) == (chinese, "utf-16", [])


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=400))
def test_any_utf16_text_with_a_mark_reads_back_unchanged(body):
    source = body + "\n"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        text, encoding, _ = decode_bytes(bom + source.encode(codec))
        assert text == source and encoding == "utf-16"
