"""Hostile and pathological report files, generated at run time (issue 11).

Each case is a name, a file suffix (which picks the reader) and a generator that
returns about `size` bytes. The classes are those a parser meets when someone
builds a file to hurt it, or when a converter goes wrong: long runs of one
construct ("[^", "<sup>", digits), constructs opened and never closed (an
attribute's quote, a pandoc label, a comment), deep nesting (100,000 tags,
YAML and TOML front matter), bombs (YAML aliases) and many small pieces
(notes of thousands of lines, lines that each end a sentence). Nothing is
stored in the repository: `bench_hostile.py` writes them to a temporary folder.

    from hostile_inputs import cases
    for case in cases(): data = case.make(1_000_000)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str
    """".txt", ".md", ".html", ".org": the reader the file goes to."""
    build: Callable[[int], str | bytes]

    def make(self, size: int) -> bytes:
        data = self.build(size)
        return data if isinstance(data, bytes) else data.encode("utf-8")


def fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """head, then unit repeated to about size bytes of UTF-8, then tail."""
    room = max(0, size - len(head.encode()) - len(tail.encode()))
    return head + unit * max(1, room // max(1, len(unit.encode()))) + tail


def numbered(size: int, piece: Callable[[int], str], head: str = "", tail: str = "", start: int = 1) -> str:
    """head, then piece(start), piece(start + 1)... while they fit in about size bytes, then tail."""
    parts, used, number = [head], len(head.encode()) + len(tail.encode()), start
    while used < size:
        text = piece(number)
        parts.append(text)
        used += len(text.encode())
        number += 1
    return "".join(parts) + tail


# One paragraph of ordinary prose in front, so that a file is never refused as empty
# before the hostile part is reached.
PROSE = "Harbour Fees\n\nPort fees rose by 12% in 2020, the office said.\n\n"
HTML_HEAD = "<html><head><title>Harbour fees</title></head><body><h1>Harbour fees</h1><p>Port fees rose by 12% in 2020.</p>"

# Runs of one construct, for every text reader. (name, unit)
RUNS = [
    ("open-brackets", "["), ("caret-brackets", "[^"), ("angle-brackets", "<"), ("sup-tags", "<sup>"), ("digits", "1"),
    ("dots", "."), ("digit-dots", "1."), ("stars", "*"), ("backticks", "`"), ("hashes", "#"),
    ("dashes", "-"), ("parens", "("), ("dollars", "$"), ("entity-starts", "&#"),
    ("superscripts", "¹"), ("bracket-markers", "[1]"), ("pandoc-markers", "[^a]"), ("unclosed-pandoc", "[^a"),
    ("pandoc-definitions", "[^a]: "), ("urls", "http://x.example/"), ("one-word", "a"), ("short-lines", "a\n"),
    ("sentence-lines", "Word.\n"), ("form-feeds", "\f"), ("numbered-lines", "1. "),
]

# Elements nested without end tags: 100,000 deep and more (html_tree caps the depth it keeps).
NESTED = ["div", "b", "span", "p", "li", "ul", 'a href="#fn1"', "sup", "h1", "h2", "td", "tr", "section", "header",
          "footer", "nav", "aside", "time", "address", 'font size="7"', 'div class="footnotes"', 'div class="toc"',
          'section class="comments"', 'span class="byline"', 'span class="pagenum"', 'p class="MsoTitle"']
NESTED_CLOSED = ["div", "span", 'a href="#x"', "sup", "li"]


def _runs() -> list[Case]:
    cases = []
    for name, unit in RUNS:
        cases.append(Case(f"txt/{name}", ".txt", lambda size, u=unit: fill(u, size, PROSE)))
        cases.append(Case(f"md/{name}", ".md", lambda size, u=unit: fill(u, size, PROSE)))
        cases.append(Case(f"html/{name}", ".html", lambda size, u=unit: fill(u, size, HTML_HEAD + "<p>")))
    for name, unit in RUNS[:8]:
        cases.append(Case(f"org/{name}", ".org", lambda size, u=unit: fill(u, size, "#+TITLE: Harbour fees\n\n" + PROSE)))
    return cases


def _open_tag(tag: str) -> str:
    return f"<{tag}>"


def _close_tag(tag: str) -> str:
    return f"</{tag.split()[0]}>"


def _nested() -> list[Case]:
    cases = [Case(f"html/nested-{tag.split()[0]}{'-' + tag.split('=')[1].strip(chr(34)) if '=' in tag else ''}", ".html",
                  lambda size, t=tag: fill(_open_tag(t), size, HTML_HEAD, "text")) for tag in NESTED]
    for tag in NESTED_CLOSED:
        def closed(size: int, t: str = tag) -> str:
            pair = len(_open_tag(t)) + len(_close_tag(t))
            depth = max(1, (size - len(HTML_HEAD)) // pair)
            return HTML_HEAD + _open_tag(t) * depth + "text" + _close_tag(t) * depth
        cases.append(Case(f"html/nested-closed-{tag.split()[0]}", ".html", closed))
    cases.append(Case("md/nested-html-div", ".md", lambda size: fill("<div>", size, PROSE)))
    cases.append(Case("md/nested-quotes", ".md", lambda size: fill(">", size, PROSE, " text\n")))
    cases.append(Case("md/nested-lists", ".md", lambda size: numbered(size, lambda i: "  " * i + "- item\n", PROSE)))
    cases.append(Case("txt/nested-indent", ".txt", lambda size: numbered(size, lambda i: " " * i + "line\n", PROSE)))
    return cases


def _unclosed() -> list[Case]:
    return [
        Case("html/unclosed-attribute-quote", ".html", lambda size: fill('<a href="x', size, HTML_HEAD)),
        Case("html/unclosed-attribute-single", ".html", lambda size: fill("<p class='x ", size, HTML_HEAD)),
        Case("html/one-unclosed-attribute", ".html", lambda size: fill("x", size, HTML_HEAD + '<a href="')),
        Case("html/unclosed-comment", ".html", lambda size: fill("words ", size, HTML_HEAD + "<!--")),
        Case("html/unclosed-script", ".html", lambda size: fill("var x = 1; ", size, HTML_HEAD + "<script>")),
        Case("html/unclosed-sup-then-body", ".html", lambda size: fill("<p>Body words here, and more of them.</p>", size, HTML_HEAD + "<p>a<sup>1")),
        Case("html/unclosed-a-then-body", ".html", lambda size: fill("<p>Body words here.</p>", size, HTML_HEAD + '<p><a href="#fn1">')),
        Case("html/many-attributes", ".html", lambda size: fill(' a="1"', size, HTML_HEAD + "<p", ">text</p>")),
        Case("html/long-attribute-value", ".html", lambda size: fill("x", size, HTML_HEAD + '<p title="', '">text</p>')),
        Case("html/cdata-unclosed", ".html", lambda size: fill("x", size, HTML_HEAD + "<![CDATA[")),
        Case("html/declaration-unclosed", ".html", lambda size: fill("x ", size, HTML_HEAD + "<!DOCTYPE ")),
        Case("md/unclosed-link", ".md", lambda size: fill("[a](", size, PROSE)),
        Case("md/unclosed-image", ".md", lambda size: fill("![", size, PROSE)),
        Case("md/unclosed-emphasis", ".md", lambda size: fill("*a ", size, PROSE)),
        Case("md/unclosed-fence", ".md", lambda size: fill("code line\n", size, PROSE + "```\n")),
        Case("md/unclosed-html-comment", ".md", lambda size: fill("words ", size, PROSE + "<!--")),
        Case("org/unclosed-footnote", ".org", lambda size: fill("[fn:", size, "#+TITLE: T\n\n" + PROSE)),
        Case("org/unclosed-link", ".org", lambda size: fill("[[", size, "#+TITLE: T\n\n" + PROSE)),
        Case("org/unclosed-drawer", ".org", lambda size: fill("line\n", size, "#+TITLE: T\n\n" + PROSE + ":PROPERTIES:\n")),
    ]


def _front_matter() -> list[Case]:
    bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "---\n\n"
    return [
        Case("md/yaml-billion-laughs", ".md", lambda size: fill("Body words. ", size, bomb)),
        Case("md/yaml-nested-flow", ".md", lambda size: "---\na: " + "[" * (size // 2) + "]" * (size // 2) + "\n---\n\nBody.\n"),
        Case("md/yaml-nested-block", ".md", lambda size: numbered(size, lambda i: " " * i + f"k{i}:\n", "---\n", "---\n\nBody.\n")),
        Case("md/yaml-huge", ".md", lambda size: fill("key: value\n", size, "---\n", "---\n\nBody.\n")),
        Case("md/yaml-unclosed", ".md", lambda size: fill("key: value\n", size, "---\n")),
        Case("md/toml-nested-arrays", ".md", lambda size: "+++\na = " + "[" * (size // 2) + "]" * (size // 2) + "\n+++\n\nBody.\n"),
        Case("md/toml-huge", ".md", lambda size: numbered(size, lambda i: f"k{i} = {i}\n", "+++\n", "+++\n\nBody.\n")),
    ]


def _deep_note_links(size: int, depth: int = 290) -> str:
    """Calls and their notes (each linking back) under `depth` nested <div>, near the tree's depth
    cap: a walk from each call or note up its ancestors is 290 steps, 2.9 million for 1 MB."""
    head = HTML_HEAD + "<div>" * depth + "<p>"
    calls = numbered(size // 2, lambda i: f'Rose {i}<sup><a href="#fn{i}" id="r{i}">{i}</a></sup>. ', head)
    count = calls.count('<a href="#fn')
    notes = "".join(f'<li id="fn{i}">Office {i}. <a href="#r{i}">↩</a></li>' for i in range(1, count + 1))
    return calls + "</p><ol>" + notes + "</ol>"


def _notes() -> list[Case]:
    return [
        Case("html/deep-note-links", ".html", _deep_note_links),
        Case("txt/note-of-many-lines", ".txt", lambda size: fill("continued line of the note\n", size, "Body text¹ here.\n\nNotes\n\n1. First note.\n")),
        Case("txt/note-of-many-paragraphs", ".txt", lambda size: fill("continued paragraph of the note.\n\n", size, "Body text¹ here.\n\nNotes\n\n1. First note.\n\n")),
        Case("txt/many-notes", ".txt", lambda size: numbered(size, lambda i: f"{i}. Note {i}, p. {i}.\n", PROSE + "Body¹.\n\nNotes\n\n")),
        Case("txt/ibid-chain", ".txt", lambda size: numbered(size, lambda i: f"{i}. Ibid.\n", PROSE + "Body¹.\n\nNotes\n\n1. A. Author, “Title”, 2020.\n", start=2)),
        Case("txt/markers-without-notes", ".txt", lambda size: numbered(size, lambda i: f"Word[{i % 99999 + 1}] ", PROSE)),
        Case("txt/sender-closing", ".txt", lambda size: fill("Follow us on the site.\n", size, PROSE + "###\n\n")),
        Case("md/many-definitions", ".md", lambda size: numbered(size, lambda i: f"[^{i}]: Note {i}.\n", PROSE + "Body[^1].\n\n")),
        Case("md/definition-continued", ".md", lambda size: fill("    continued\n", size, PROSE + "Body[^1].\n\n[^1]: Note.\n")),
        Case("html/many-sup-markers", ".html", lambda size: fill("word<sup>1</sup> ", size, HTML_HEAD + "<p>")),
        Case("html/many-note-links", ".html", lambda size: fill('<a href="#fn1">1</a> ', size, HTML_HEAD + "<p>")),
        # Items of a notes list without ids, numbered in order: each once listed every note before it.
        Case("html/many-ordinal-note-items", ".html", lambda size: fill("<li>Note 1.</li>", size, HTML_HEAD + '<section class="footnotes"><ol>')),
        Case("html/many-note-items", ".html", lambda size: numbered(size, lambda i: f'<li id="fn{i}">Note {i}.</li>', HTML_HEAD + '<ol class="footnotes">')),
        Case("html/table-cells", ".html", lambda size: fill("<td>1</td>", size, HTML_HEAD + "<table><tr>")),
        Case("html/table-rows", ".html", lambda size: fill("<tr><td>1</td><td>2</td></tr>", size, HTML_HEAD + "<table>")),
        Case("html/bidi-entities", ".html", lambda size: fill("&#x202E;a", size, HTML_HEAD + "<p>")),
        Case("html/zero-width-entities", ".html", lambda size: fill("a&#8203;", size, HTML_HEAD + "<p>")),
        Case("html/br-run", ".html", lambda size: fill("<br>", size, HTML_HEAD + "<p>")),
    ]


def _bytes() -> list[Case]:
    return [
        Case("txt/nul-bytes", ".txt", lambda size: b"\0" * size),
        Case("txt/binary", ".txt", lambda size: bytes(range(256)) * (size // 256)),
        # Text for the first 64 KiB, then NUL, \x01 and \xff: binary the quick look at the opening misses.
        Case("md/binary-after-text", ".md", lambda size: fill("Words of text. ", 70_000, PROSE).encode()
             + b"\0\x01\xff" * max(0, (size - 70_000) // 3)),
        Case("txt/utf8-with-bad-bytes", ".txt", lambda size: fill("Fauré said so. ", size // 2, PROSE).encode()
             + b"\xff\xfe\x81" + fill("Fauré said so. ", size // 2).encode()),
        Case("txt/utf16-no-bom", ".txt", lambda size: fill("Words of text. ", size // 2, PROSE).encode("utf-16-le")),
        Case("txt/controls-and-escapes", ".txt", lambda size: fill("\x1b[31m\x1b]0;t\x07\x08", size, PROSE)),
        Case("txt/bidi-overrides", ".txt", lambda size: fill("\u202ea\u2066", size, PROSE)),
        Case("txt/combining-marks", ".txt", lambda size: fill("\u0301", size, PROSE + "e")),
        Case("txt/empty-lines-only", ".txt", lambda size: "\n" * size),
    ]


def cases() -> list[Case]:
    return _runs() + _nested() + _unclosed() + _front_matter() + _notes() + _bytes()


if __name__ == "__main__":
    all_cases = cases()
    for case in all_cases:
        print(case.name)
    print(f"{len(all_cases)} cases")
