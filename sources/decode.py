"""Turn a file's raw bytes into text, whatever encoding a converter chose.

Reports arrive as UTF-8 (with or without a BOM), as UTF-16 from Windows tools,
and in the legacy 8-bit code pages of older ones: cp1252 in Western Europe,
cp1251 or KOI8-R in Russian, cp1250 in Central Europe. The order of trust:

1. a byte-order mark, or the NUL pattern of BOM-less UTF-16;
2. valid UTF-8;
3. UTF-8 with a few bad bytes (a damaged download, one pasted legacy
   character): kept as UTF-8, the bad bytes replaced with U+FFFD and counted,
   because decoding the whole file as cp1252 would turn every accented
   letter into mojibake ("Fauré" -> "FaurÃ©"); but only when the file has
   valid UTF-8 sequences at all: with none, U+FFFD would stand in for an OCR
   text's "2½" and "1914—15", which cp1252 reads right;
4. the charset an HTML or XML file declares, when the bytes fit it;
5. charset-normalizer's detection, with ties broken by which decoding spells
   the words of one language (see _alphabet_fit);
6. cp1252 with replacements, when there are too few non-ASCII bytes to
   detect anything from.

Every step past 2 says in a warning what it did. Anything that looks like a
binary file is refused rather than imported as garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimdesk.sources.errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes that never occur in text files; a few of them mean binary, not text.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31}

DAMAGED_UTF8_MAX_BYTES = 64
"""More bad bytes than this and the file is not UTF-8 with a few bad bytes."""
DAMAGED_UTF8_MAX_SHARE = 1 / 1000
"""...nor if more than this share of its bytes are bad, unless its valid
multi-byte sequences outnumber the bad bytes (UTF8_EVIDENCE_RATIO to one): a
legacy 8-bit file almost never forms a valid multi-byte sequence by chance."""
UTF8_EVIDENCE_RATIO = 2
UTF8_MIN_SEQUENCES, UTF8_FEW_BAD_BYTES = 2, 8
"""A short file ("Fauré paid €5" and three bad bytes) is UTF-8 too when two valid
multi-byte characters stand beside a handful of bad bytes: read as cp1250 it was mojibake."""
MIN_DETECTION_EVIDENCE = 8
"""Fewer non-ASCII bytes than this are too few to tell one code page from another."""
DECLARATION_WINDOW = 4096
"""An HTML <meta charset> or XML declaration sits in the first bytes of the file."""
DETECTION_SAMPLE = 1_000_000
"""charset-normalizer reads this much of a large file; an encoding does not change halfway."""
ALPHABET_SAMPLE = 100_000
"""Characters of each candidate decoding whose spelling is judged: plenty of words."""
CHAOS_TOLERANCE = 0.02
"""Detection candidates this close to the least "chaotic" one are tied."""
BINARY_CONTROL_SHARE = 0.05
"""A decoded file more than this share of whose characters are control characters
(C0 but tab, newline, carriage return, form feed and escape; DEL; C1) is binary.
Every corpus, fixture and held-out report has none at all (2026-12-02: 280 files,
largest share 0); a file that is mostly NUL, \\x01 and \\xff bytes has about two
thirds, random bytes a ninth. Escape is left out: a terminal capture's colours are
ANSI sequences, removed from the text with their own warning."""

# Browsers read these declarations as windows-1252 (WHATWG Encoding Standard),
# and so do the tools that wrote them.
_DECLARED_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                     "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}
_DECLARATION = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)

# When two decodings are equally good, the more common name wins: the order
# in which these code pages are met in reports.
_PREFERENCE = ("cp1252", "cp1251", "koi8_r", "cp1250", "latin_1", "iso8859_15", "koi8_u", "cp1257", "cp1254",
               "iso8859_2", "iso8859_5", "mac_roman", "cp866", "mac_cyrillic")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding name, warnings); raise SourceError for non-text."""
    text, encoding, warnings = _decode(data)
    _refuse_binary_text(text)
    return text, encoding, warnings


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if not data.strip():
        raise SourceError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"the file starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
            if encoding != "utf-8-sig" and _is_unbroken(text) and not _CONTROL_BYTES.search(data, len(bom)):
                return _decode_after_false_bom(data[len(bom):], encoding)
            return text, encoding, []
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, [f"no byte-order mark; decoded as {utf16}"]
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _decode_not_utf8(data)


# A text of this length has a line break or a space somewhere: bytes of one encoding read as
# UTF-16 pair up into characters ("Th" -> U+6854) and never give U+000A or U+0020.
_UNBROKEN_MIN_CHARS = 200
# ...and 8-bit text has no control bytes, which real UTF-16 has in plenty (U+4F1A is 1A 4F).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _is_unbroken(text: str) -> bool:
    return len(text) >= _UNBROKEN_MIN_CHARS and not any(space in text for space in ("\n", " ", "\r", "\u3000"))


def _decode_after_false_bom(rest: bytes, bom_encoding: str) -> tuple[str, str, list[str]]:
    """A UTF-16 or UTF-32 byte-order mark before text that is not: an editor's mark on an
    8-bit file. Read the rest as the bytes it is, and say so; never the characters the
    mark would make of it."""
    text, encoding, warnings = _decode(rest)
    return text, encoding, [f"the file starts with a {bom_encoding} byte-order mark but its text is not {bom_encoding}; "
                            f"read without the mark", *warnings]


def _decode_not_utf8(data: bytes) -> tuple[str, str, list[str]]:
    repaired, bad_bytes, multibyte = _utf8_with_replacements(data)
    if repaired is not None and (multibyte >= UTF8_EVIDENCE_RATIO * bad_bytes
                                 or (multibyte >= UTF8_MIN_SEQUENCES and bad_bytes <= UTF8_FEW_BAD_BYTES)):
        return repaired, "utf-8", [_replaced_warning(bad_bytes)]
    declared = _declared_encoding(data)
    if declared:
        encoding, name = declared
        return data.decode(encoding), encoding, [f"not valid UTF-8; decoded as {name} (declared in the file)"]
    if repaired is not None and multibyte and bad_bytes <= len(data) * DAMAGED_UTF8_MAX_SHARE:
        # Damaged UTF-8 only when something in it is UTF-8: a legacy file with five high bytes
        # ("2\xbd miles", "1914\x9715") has no valid sequence at all, and U+FFFD would change its figures.
        return repaired, "utf-8", [_replaced_warning(bad_bytes)]
    sample = data[:DETECTION_SAMPLE]
    if len(sample) - len(sample.decode("ascii", "ignore")) < MIN_DETECTION_EVIDENCE:
        return _decode_cp1252_fallback(data, "too few non-ASCII bytes to detect the encoding")
    detected = _detect(data)
    if detected:
        return data.decode(detected), detected, [f"not valid UTF-8; decoded as {detected} (detected)"]
    return _decode_cp1252_fallback(data, "no encoding could be detected")


def _replaced_warning(bad_bytes: int) -> str:
    noun = "byte was" if bad_bytes == 1 else "bytes were"
    return f"{bad_bytes} {noun} not valid UTF-8 and {'was' if bad_bytes == 1 else 'were'} replaced with U+FFFD"


def _utf8_with_replacements(data: bytes) -> tuple[str | None, int, int]:
    """(text, bad bytes, valid non-ASCII characters) of data read as UTF-8 with
    each invalid sequence replaced by one U+FFFD, as Python's "replace" does;
    text is None past DAMAGED_UTF8_MAX_BYTES bad bytes (we stop counting there,
    which keeps a 10 MB legacy file from being walked error by error)."""
    view = memoryview(data)
    pieces: list[str] = []
    bad_bytes = 0
    position = 0
    while True:
        try:
            pieces.append(codecs.utf_8_decode(view[position:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            pieces.append(codecs.utf_8_decode(view[position:position + exc.start], "strict", True)[0])
            pieces.append("\ufffd")
            bad_bytes += exc.end - exc.start
            position += exc.end
            if bad_bytes > DAMAGED_UTF8_MAX_BYTES:
                return None, bad_bytes, 0
    text = "".join(pieces)
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - (len(pieces) - 1) // 2
    return text, bad_bytes, multibyte


def _declared_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, name as declared) from <meta charset> or <?xml encoding?>, if the bytes fit it."""
    match = _DECLARATION.search(data[:DECLARATION_WINDOW])
    if not match:
        return None
    name = (match[1] or match[2]).decode("ascii").lower()
    codec = _DECLARED_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(codec).name
    except LookupError:
        return None
    if codec in ("utf-8", "utf-16", "utf-32") or codec.startswith(("utf-16", "utf-32")):
        return None  # already tried, or a declaration that the bytes plainly contradict
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        if codec != "cp1252":
            return None
        codec = "latin-1"  # a byte cp1252 leaves undefined: the file meant ISO-8859-1 after all
        data.decode(codec)
    return codec, name


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds, the tie broken by spelling."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:DETECTION_SAMPLE]))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least_chaos + CHAOS_TOLERANCE]
    ranked = []
    for match in tied:
        # could_be_from_charset lists the code pages that give the very same text.
        names = [_python_name(name) for name in match.could_be_from_charset] or [_python_name(match.encoding)]
        name = min(names, key=_preference)
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue  # detected on the sample, contradicted by the rest
        ranked.append((-_alphabet_fit(text), -match.coherence, _preference(name), name))
    return min(ranked)[-1] if ranked else None


def _python_name(name: str) -> str:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return name


def _preference(name: str) -> int:
    return _PREFERENCE.index(name) if name in _PREFERENCE else len(_PREFERENCE)


# The letters beyond ASCII that each language's spelling uses. A wrong code
# page mixes letters of several alphabets ("tráfico" in Spanish read as cp1250
# spells "Núńez"): the right one spells the text in one.
_ALPHABETS = {
    "english-french": "àâæçéèêëîïôœùûüÿ",
    "spanish-catalan": "áéíóúüñçàèòï",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóùú",
    "german": "äöüß",
    "dutch": "éëïöüáèó",
    "nordic": "åäöæøéáíóúýðþ",
    "czech-slovak": "áčďéěíňóřšťúůýžäĺľôŕ",
    "polish": "ąćęłńóśźż",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșțşţ",
    "croatian-slovene": "čćđšž",
    "turkish": "çğıöşüâî",
    "baltic": "āčēģīķļņšūžąęėįųõäöü",
    "russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "serbian-macedonian": "абвгдђѓежзѕијклљмнњопрстћќуфхцчџш",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ALPHABET_SETS = {language: frozenset(letters) for language, letters in _ALPHABETS.items()}


def _alphabet_fit(text: str) -> float:
    """Share of the non-ASCII letters of text that one language's alphabet holds.

    Counted as misspellings: a symbol caught between two letters ("wzros³y",
    cp1250 Polish read as cp1252), a letter of another script inside a
    Latin word ("augmentщ"), and a letter standing alone against a figure
    ("Ł1,912", a cp1252 pound sign read as cp1250)."""
    text = text[:ALPHABET_SAMPLE]
    counts: dict[str, int] = {}
    misspelt = 0
    for found in _NON_ASCII.finditer(text):
        char, index = found[0], found.start()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char.isalpha():
            if (_is_ascii_letter(before) or _is_ascii_letter(after)) and not _is_latin(char):
                misspelt += 1
            elif not before.isalpha() and not after.isalpha() and (before.isdigit() or after.isdigit()):
                misspelt += 1  # a letter alone against a figure: "Ł1,912" is "£1,912" in cp1250
            else:
                lowered = char.lower()
                counts[lowered] = counts.get(lowered, 0) + 1
        elif char not in _INSIDE_WORDS and before.isalpha() and after.isalpha():
            misspelt += 1
    total = sum(counts.values()) + misspelt
    if not total:
        return 1.0
    best = max(sum(n for letter, n in counts.items() if letter in alphabet) for alphabet in _ALPHABET_SETS.values())
    return best / total


# Marks that stand between letters in real words: apostrophes ("c’est"),
# soft and non-breaking hyphens, the Catalan middle dot ("col·lecció").
_INSIDE_WORDS = frozenset("’‘ʼ\u00ad\u2010\u2011·")


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _decode_cp1252_fallback(data: bytes, reason: str) -> tuple[str, str, list[str]]:
    # cp1252 leaves five bytes undefined; those are replaced, and said so.
    text = data.decode("cp1252", errors="replace")
    warnings = [f"not valid UTF-8; decoded as cp1252 ({reason})"]
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced with U+FFFD")
    return text, "cp1252", warnings


# The high bytes of UTF-16 text in Latin, Greek, Cyrillic, Armenian, Hebrew or
# Arabic script: U+0000 to U+06FF. In ASCII or 8-bit text they are control
# characters and next to absent.
_UTF16_HIGH_BYTES = bytes(range(0x07))
UTF16_HIGH_SHARE_MIN = 0.6
"""Share of one half of the bytes that must be such high bytes (spaces, digits and
punctuation such as U+2014 lower it in Cyrillic text)."""
UTF16_OTHER_SHARE_MAX = 0.05


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is a high byte (NUL for ASCII, 0x04 for Cyrillic)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even = _high_byte_share(sample[0::2])
    odd = _high_byte_share(sample[1::2])
    for encoding, high, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high > UTF16_HIGH_SHARE_MIN and other < UTF16_OTHER_SHARE_MAX and _decodes(data, encoding):
            return encoding
    return None


def _high_byte_share(half: bytes) -> float:
    return (len(half) - len(half.translate(None, _UTF16_HIGH_BYTES))) / len(half)


def _decodes(data: bytes, encoding: str) -> bool:
    # An odd length is a truncated file; the last byte is then replaced, and said.
    try:
        data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_BINARY_REFUSAL = "this looks like a binary file, not a text report"
_SUPPORTED = "(supported: .txt, .md, .html, .htm, .org)"


def _refuse_binary(data: bytes) -> None:
    """The quick look before decoding: the first 64 KiB, byte by byte."""
    sample = data[:65536]
    suspicious = sum(1 for byte in sample if byte in _BINARY_BYTES)
    if suspicious > max(8, len(sample) // 100):
        raise SourceError(f"{_BINARY_REFUSAL} {_SUPPORTED}")


_NOT_CONTROLS = str.maketrans("", "", "".join(
    chr(code) for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\t\n\r\f\x1b"))


def _refuse_binary_text(text: str) -> None:
    """The whole decoded file, whatever its encoding: binary after a text opening, or
    binary bytes read as BOM-less UTF-16, would otherwise be imported with a warning
    that its NULs were removed."""
    controls = len(text) - len(text.translate(_NOT_CONTROLS))
    if controls > max(8, len(text) * BINARY_CONTROL_SHARE):
        share = controls / len(text)
        raise SourceError(f"{_BINARY_REFUSAL}: {share:.0%} of its characters are control characters {_SUPPORTED}")
