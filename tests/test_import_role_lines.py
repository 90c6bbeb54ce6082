"""An author's post under or beside the byline ("Transport correspondent", "Корреспондент отдела
экономики", "Redactora de Local") leaves the reading text with the byline, as "cover"; a short sentence
that opens with a post's noun, or a line with a figure or a quotation, stays. Pages of our own, built as
news and think-tank sites build their heads."""

from __future__ import annotations

import pytest

from claimdesk.sources.importer import parse_report
from claimdesk.sources.readers.html_byline import is_role_line

_BODY = ("<p>The harbour board will raise berth fees by 4.5% from 1 July 2024, the first rise since 2019, and put the "
         "£2.1 million it expects into dredging the inner basin, which silted up after the storms of 2022.</p>")


def _read(head: str, author: str = "Tamsin Hale"):
    page = (f'<html><head><title>Berth fees rise</title><meta name="author" content="{author}"></head><body><main><article>'
            f"<h1>Berth fees rise</h1>{head}{_BODY}</article></main></body></html>")
    report = parse_report(page.encode(), "html")
    return report, [piece.text for piece in report.removed if piece.kind == "cover"]


def test_a_post_beside_the_name_goes_with_it():
    report, cover = _read('<div class="byline"><a href="/p/hale">Tamsin Hale</a> Harbours correspondent</div>')
    assert report.authors == ["Tamsin Hale"]
    assert "Harbours correspondent" not in report.text and "Tamsin Hale Harbours correspondent" in cover
    assert report.text.startswith("Berth fees rise\n\nThe harbour board will raise berth fees by 4.5%")


def test_a_post_under_the_name_goes_in_russian_and_in_spanish():
    report, cover = _read('<p class="author">Анна Рябова</p><p class="author-post">Обозреватель отдела регионов</p>', "Анна Рябова")
    assert "Обозреватель отдела регионов" in cover and "Обозреватель" not in report.text
    report, cover = _read('<p class="firma">Lucía Ortega</p><p class="cargo">Redactora de Economía</p>', "Lucía Ortega")
    assert "Redactora de Economía" in cover and "Redactora" not in report.text


def test_a_degree_before_the_post_and_an_affiliation_after_it():
    report, cover = _read("<p>Д.э.н., профессор кафедры экономики транспорта, эксперт фонда</p>", "Пётр Львов")
    assert cover == ["Д.э.н., профессор кафедры экономики транспорта, эксперт фонда"]


@pytest.mark.parametrize("line", [
    "Economists expect berth fees to rise again",     # a plural: what economists say, not a post
    "Our correspondent visited the harbour.",          # a sentence: a full stop and no affiliation
    "Reporter's notebook: a week on the quay",         # a colon: a heading of the text
    "Analysts put the cost at £2.1 million",           # a figure
    "Chief executive quits amid dredging row",         # no post's noun
    "Editor “welcomes” the board’s decision",          # a quotation
])
def test_a_line_that_is_text_stays(line):
    assert not is_role_line(line, ["Tamsin Hale"])
    report, cover = _read(f"<p>{line}</p>")
    assert line not in cover and " ".join(line.split()) in report.text
