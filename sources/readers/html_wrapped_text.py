"""HTML that only wraps a plain text: a PDF through poppler's pdftohtml, a page that is one <pre>.

A PDF turned into HTML by pdftohtml (its single-page "-s -i" or "-noframes" output) is
not a web page: it is not a web page: it is the PDF's text, one printed line per `<br/>`,
each page opened by `<a name=N></a>` and closed by `<hr/>`, spaces written as
`&#160;`. Read as HTML it would be one paragraph per page, the notes at each
page's foot and the running heads mixed into the body. It is the same text that
pdftotext writes, so it is given to the plain-text reader as pdftotext would
have written it: a line a line, a form feed a page. The <title> ("Microsoft Word -
DRWP_487_v9.docx") and the PDF's Author field (a login) are the converter's, not
the paper's; the cover says those.

GovInfo serves the Federal Register, the CFR and congressional documents as a page
whose body is one <pre>: the document's text file, with its own conventions
(text_gpo). It too is read as the plain text it is.
"""

from __future__ import annotations

import html
import re

FORM_FEED = "\f"
_GENERATOR = re.compile(r"<meta\s[^>]*name=[\"']?generator[\"']?[^>]*content=[\"']?pdftohtml\b", re.I)
_BODY = re.compile(r"<body\b[^>]*>(?P<body>.*?)(?:</body\s*>|$)", re.I | re.S)
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_PAGE_ANCHOR = re.compile(r"<a\s+name=[\"']?\d+[\"']?\s*>\s*</a>", re.I)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_PAGE_RULE = re.compile(r"<hr\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
PAGES_MIN = 2
"""A page of pdftohtml's has its anchor; fewer than this and it is some other HTML."""


def pdftohtml_text(source: str) -> str | None:
    """The text as pdftotext would give it, or None unless pdftohtml made this file."""
    if not _GENERATOR.search(source[:4096]):
        return None
    body = _BODY.search(source)
    if body is None:
        return None
    inner = _CODE.sub("", body.group("body"))
    if len(_PAGE_ANCHOR.findall(inner)) < PAGES_MIN:
        return None
    inner = _PAGE_ANCHOR.sub("", inner)
    inner = _LINE_BREAK.sub("\n", inner.replace("\n", " "))  # the file's own line ends are not the PDF's
    inner = _PAGE_RULE.sub(f"\n{FORM_FEED}", inner)
    text = html.unescape(_TAG.sub("", inner)).replace("\u00a0", " ")
    return "\n".join(line.strip(" ") for line in text.split("\n"))


_PRE = re.compile(r"<pre\b[^>]*>(?P<text>.*?)</pre\s*>", re.I | re.S)
_HEAD = re.compile(r"<head\b.*?</head\s*>|<title\b.*?</title\s*>", re.I | re.S)
PRE_SHARE_MIN = 0.9
"""The <pre> holds nearly all of the body's text: a wrapper page, not a page with a code sample."""


def pre_page_text(source: str) -> str | None:
    """The text of a page that is one <pre>, or None."""
    body = _BODY.search(source)
    if body is None:
        return None
    inner = _CODE.sub("", body.group("body"))
    blocks = _PRE.findall(inner)
    if len(blocks) != 1:
        return None
    text = html.unescape(_TAG.sub("", blocks[0]))
    # Text before <body> is the body's too, as a browser shows it ("2019<html><body><pre>").
    before = _CODE.sub("", _HEAD.sub("", source[:body.start()]))
    outside = html.unescape(_TAG.sub("", _PRE.sub("", before + inner)))
    if not text.strip() or len(text.strip()) < PRE_SHARE_MIN * (len(text.strip()) + len(outside.strip())):
        return None
    return text.replace("\u00a0", " ")
