"""Front matter is read as data: YAML aliases, deep nesting and huge blocks are refused (issue 11)."""

from __future__ import annotations

from claimdesk.sources.importer import parse_report

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
)


def _front(yaml_text: str):
    return parse_report(f"---\n{yaml_text}---\n\n# Harbour dues\n\nDues rose by 5% in 2021.\n".encode(), "md")


def test_a_billion_laughs_is_refused_with_a_warning_and_the_body_is_read():
    report = _front(LAUGHS)
    assert "Dues rose by 5% in 2021." in report.text
    assert any("aliases" in warning for warning in report.warnings)


def test_deep_nesting_is_refused():
    report = _front("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "Dues rose by 5% in 2021." in report.text
    assert any("front matter" in warning for warning in report.warnings)


def test_ordinary_front_matter_is_still_read():
    report = _front('title: "Harbour dues"\nauthor: Ana Lima\ndate: 2021-04-09\ntags: [ports, dues]\n')
    assert (report.title, report.authors, report.date) == ("Harbour dues", ["Ana Lima"], "2021-04-09")
