"""Markup of blind set 13's Markdown origins that shows no text of its own: MyST's directive
options, targets and comments (Jupyter Book, MyST-MD). Each page is our own, written as those
tools' pages are written; the words a reader sees must all stay."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

_MYST_PAGE = """---
title: Groundwater levels at Harlow Fen
kernelspec:
  name: python3
---

(harlow-fen)=
# Groundwater levels at Harlow Fen

% NOTE to self: check the 2021 borehole logs

The fen has 14 boreholes, read monthly since 1987, and the mean level fell by 0.42 m by 2020.[^logs]

```{admonition} What you will learn
:class: tip
:name: learn-box
How to read a borehole hydrograph.
```

:::{figure} images/harlow.png
:width: 70%
:alt: Borehole levels

Levels at borehole 7, 1987–2020, in metres above datum.
:::

```{code-cell} ipython3
:tags: [hide-input]
%matplotlib inline
levels = load("harlow.csv")
```

Rainfall was 612 mm in the driest year; {numref}`learn-box` says why that matters.

[^logs]: Borehole logs held by the catchment trust, 1987–2020.
"""


def _read(page: str):
    report = parse_report(page.encode(), "md")
    return report, [piece.text for piece in report.removed]


def test_myst_options_targets_and_comments_show_no_text_and_are_reported():
    report, removed = _read(_MYST_PAGE)
    for markup in (":class: tip", ":name: learn-box", ":width: 70%", ":tags: [hide-input]", "(harlow-fen)=",
                   "% NOTE to self: check the 2021 borehole logs"):
        assert markup not in report.text
        assert markup in removed
    assert "The fen has 14 boreholes, read monthly since 1987, and the mean level fell by 0.42 m by 2020." in report.text
    assert "How to read a borehole hydrograph." in report.text
    assert "Levels at borehole 7, 1987–2020, in metres above datum." in report.text
    assert "Rainfall was 612 mm in the driest year" in report.text
    assert [note.text for note in report.footnotes] == ["Borehole logs held by the catchment trust, 1987–2020."]


def test_a_magic_in_a_code_cell_is_code_not_a_comment():
    report, removed = _read(_MYST_PAGE)
    assert "%matplotlib inline" in report.text and "%matplotlib inline" not in removed


def test_a_line_opening_with_a_percent_sign_in_plain_markdown_stays():
    page = "# Turnout\n\nThe count closed at 9 pm.\n\n% of voters who came by bus: 12, up from 9 in 2019.\n"
    report, _ = _read(page)
    assert "% of voters who came by bus: 12, up from 9 in 2019." in report.text


_MKDOCS_PAGE = """# Snapshots { #snapshots .wide }

Snapshots are taken every 6 hours and kept for 14 days.

=== "Linux package"

    ```sh
    sudo systemctl reload harlow
    ```

=== "Container"

    Restart the container after 2 minutes.

--8<-- "includes/abbreviations.md"
"""


def test_mkdocs_heading_attributes_tabs_and_snippets_show_no_markup():
    report, removed = _read(_MKDOCS_PAGE)
    assert "Snapshots are taken every 6 hours and kept for 14 days." in report.text
    assert "{ #snapshots .wide }" not in report.text and "{ #snapshots .wide }" in removed
    assert '=== "' not in report.text and "Linux package" in report.text and "Container" in report.text
    assert "sudo systemctl reload harlow" in report.text and "Restart the container after 2 minutes." in report.text
    assert "--8<--" not in report.text and '--8<-- "includes/abbreviations.md"' in removed
    assert [section.title for section in report.sections][:1] == ["Snapshots"]


def test_a_heading_with_braces_of_its_own_keeps_them():
    report, _ = _read("## Costs {2023 and 2024}\n\nThe board spent 4 million.\n")
    assert "Costs {2023 and 2024}" in report.text


def test_an_obsidian_block_id_is_an_anchor_not_text():
    report, removed = _read("See [[Orchards]].\n\nThe list holds 612 names. ^waiting-list\n")
    assert "The list holds 612 names." in report.text and "^waiting-list" not in report.text
    assert "^waiting-list" in removed
