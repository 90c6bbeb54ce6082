"""Turn a file's raw bytes into text, whatever encoding a converter chose.

Reports arrive as UTF-8 (with or without a BOM), as UTF-16 from Windows tools,
and as cp1252 from older ones. Anything that looks like a binary file is refused
rather than imported as garbage.
"""

from __future__ import annotations

import codecs

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


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding name, warnings); raise SourceError for non-text."""
    if not data.strip():
        raise SourceError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise SourceError(f"the file starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
    utf16 = _guess_bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, [f"no byte-order mark; decoded as {utf16}"]
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; those are replaced, and said so.
    text = data.decode("cp1252", errors="replace")
    warnings = ["not valid UTF-8; decoded as cp1252"]
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced with U+FFFD")
    return text, "cp1252", warnings


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows up as a NUL in every other byte of ASCII text."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.6 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    suspicious = sum(1 for byte in sample if byte in _BINARY_BYTES)
    if suspicious > max(8, len(sample) // 100):
        raise SourceError("this looks like a binary file, not a text report (supported: .txt, .md, .html, .htm)")
