"""The claim register as one standalone HTML page, rendered from the Markdown export.

Rendering the Markdown (rather than writing HTML a second time) keeps the two
formats identical in content. markdown-it runs with html=False, so raw HTML in
a report or a note can never pass through: it is already escaped as text by
`escape_markdown`, and html=False is the second lock on the door. The page has
no scripts and loads nothing: one file that opens anywhere, offline.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from claimdesk.exports import register_format
from claimdesk.exports.atomic import write_text_atomic
from claimdesk.exports.markdown import TITLE, render_markdown
from claimdesk.exports.register import Register

# List items whose (generated, never source-supplied) text starts with these
# words get a class, so the stylesheet can colour duplicates and conflicts.
# Source text always follows a generated label, so it cannot fake a prefix.
_ITEM_CLASSES = (
    ("Duplicate of ", "duplicate"),
    ("Conflicts with ", "conflict"),
    ("**Resolution:** open", "open"),
    ("**Resolved:** ", "resolved"),
)

STYLESHEET = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #c9ccd1;
        --dup: #e7f0fd; --dup-edge: #3b73c4; --con: #fdecea; --con-edge: #c5362b; --ok: #e8f5e9; --ok-edge: #2e7d32; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h2 { border-bottom: 2px solid var(--rule); padding-bottom: .2em; margin-top: 2.5em; }
h3 { margin-top: 2em; }
h3[id^="cluster-"] { background: var(--dup); border-left: 4px solid var(--dup-edge); padding: .3em .6em; }
h3[id^="conflict-"] { background: var(--con); border-left: 4px solid var(--con-edge); padding: .3em .6em; }
blockquote { margin: 1em 0; padding: .6em 1em; border-left: 4px solid var(--rule); background: #f7f7f8; font-size: 1.05em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid var(--rule); padding: .35em .7em; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-family: system-ui, sans-serif; }
td[style*="right"] { font-variant-numeric: tabular-nums; }
li { margin: .15em 0; }
li.duplicate { background: var(--dup); border-left: 3px solid var(--dup-edge); padding-left: .4em; }
li.conflict, li.open { background: var(--con); border-left: 3px solid var(--con-edge); padding-left: .4em; }
li.resolved { background: var(--ok); border-left: 3px solid var(--ok-edge); padding-left: .4em; }
a { color: #1a56a8; }
.footnotes { font-size: .9em; color: var(--muted); }
.footnotes-sep { margin-top: 3em; border: 0; border-top: 1px solid var(--rule); }
"""


def _classify_items(state: StateCore) -> None:
    """Give duplicate/conflict/resolution list items a class (see _ITEM_CLASSES)."""
    tokens = state.tokens
    for position, token in enumerate(tokens):
        if token.type != "inline":
            continue
        for prefix, name in _ITEM_CLASSES:
            if token.content.startswith(prefix):
                # list_item_open, paragraph_open (tight list), inline
                opener = tokens[position - 2] if position >= 2 else None
                if opener is not None and opener.type == "list_item_open":
                    opener.attrSet("class", name)
                break


def markdown_renderer() -> MarkdownIt:
    """CommonMark, raw HTML off, tables and footnotes; heading ids so #claim-12 links work."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.use(footnote_plugin)
    # Headings are generated text ("Claim 12"), so their ids are predictable.
    md.use(anchors_plugin, min_level=2, max_level=4)
    md.core.ruler.push("claim_classes", _classify_items)
    return md


def render_html(register: Register) -> str:
    body = markdown_renderer().render(render_markdown(register))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(TITLE)}</title>\n<style>{STYLESHEET}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


@register_format("html")
def write_html(register: Register, path) -> None:
    write_text_atomic(path, render_html(register))
