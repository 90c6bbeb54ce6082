"""Tests for claimdesk.sources.sentences.split_sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdesk.sources.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def check_invariants(text: str) -> None:
    """The contract every caller relies on, whatever the heuristics decide."""
    spans = split_sentences(text)
    assert isinstance(spans, list)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert type(start) is int and type(end) is int
        assert 0 <= previous_end <= start < end <= len(text)  # ordered, disjoint, non-empty
        piece = text[start:end]
        assert piece == piece.strip(), (piece, text)
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    missed = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missed, (missed, text)


# --- concrete cases from real reports --------------------------------------

CASES = [
    # (text, expected sentences)
    (
        'Suffice it to say that in 1990, the "Island of Freedom" accounted for 2.8% of all '
        "Soviet exports and 5.1% of its imports. By comparison, all the other Latin American "
        "countries combined accounted for 0.8% of Soviet exports and 1.5% of imports.",
        [
            'Suffice it to say that in 1990, the "Island of Freedom" accounted for 2.8% of all '
            "Soviet exports and 5.1% of its imports.",
            "By comparison, all the other Latin American countries combined accounted for 0.8% "
            "of Soviet exports and 1.5% of imports.",
        ],
    ),
    (
        "Andrey Pyatakov, Russie.Nei. Visions, No. 119, Ifri, July 2020.",
        ["Andrey Pyatakov, Russie.Nei. Visions, No. 119, Ifri, July 2020."],
    ),
    (
        "See, for instance, A. I. Sizonenko, Ocherki istorii, Moscow, Nauka, 1971.",
        ["See, for instance, A. I. Sizonenko, Ocherki istorii, Moscow, Nauka, 1971."],
    ),
    (
        "In 2016, Daniel Ortega purchased a batch of Russian tanks for $50 million. "
        "The rapprochement…",
        [
            "In 2016, Daniel Ortega purchased a batch of Russian tanks for $50 million.",
            "The rapprochement…",
        ],
    ),
    (
        "Rosneft invested $5.8 billion in Venezuela. It lost most of it.",
        ["Rosneft invested $5.8 billion in Venezuela.", "It lost most of it."],
    ),
    (
        'Andrei Piatakov, "Russia and Latin America in the XXI century ..., op. cit. p. 30.',
        ['Andrei Piatakov, "Russia and Latin America in the XXI century ..., op. cit. p. 30.'],
    ),
    (
        "The U.S. National Security Strategy accuses Russia. It was 2017.",
        ["The U.S. National Security Strategy accuses Russia.", "It was 2017."],
    ),
    # "U.S." at a real sentence end, before a common sentence starter.
    (
        "Moscow blames the U.S. The Kremlin says so. Sanctions hit the U.S. In 2019 they grew.",
        ["Moscow blames the U.S.", "The Kremlin says so.", "Sanctions hit the U.S.",
         "In 2019 they grew."],
    ),
    ("Trade with the U.K. Treasury and the E.U. Commission fell.",
     ["Trade with the U.K. Treasury and the E.U. Commission fell."]),
    ("It left the E.U. But it stayed close.", ["It left the E.U.", "But it stayed close."]),
    # Titles and names.
    ("Dr. Smith met Mr. Putin and Mrs. Jones. Ms. Lee and Prof. Ivanov came too.",
     ["Dr. Smith met Mr. Putin and Mrs. Jones.", "Ms. Lee and Prof. Ivanov came too."]),
    ("Gen. Shoigu, Col. Ivanov, Lt. Petrov, Sen. Rubio, Rep. Engel and Gov. Abbott spoke.",
     ["Gen. Shoigu, Col. Ivanov, Lt. Petrov, Sen. Rubio, Rep. Engel and Gov. Abbott spoke."]),
    ("He moved to St. Petersburg. There he stayed.",
     ["He moved to St. Petersburg.", "There he stayed."]),
    ("According to S. Chemezov, exports grew. Yu. and A. A. Gromyko disagreed.",
     ["According to S. Chemezov, exports grew.", "Yu. and A. A. Gromyko disagreed."]),
    ("Cyrillic initials: А. И. Сизоненко wrote it. Он прав.",
     ["Cyrillic initials: А. И. Сизоненко wrote it.", "Он прав."]),
    ("It was Plan B. The plan failed.", ["It was Plan B.", "The plan failed."]),
    # Citations.
    ("Smith et al. 2019 disagree. Jones et al. Moscow, 2018.",
     ["Smith et al. 2019 disagree.", "Jones et al. Moscow, 2018."]),
    ("Smith et al. The study found nothing.", ["Smith et al.", "The study found nothing."]),
    ("Some states, e.g. Cuba, i.e. the island, agreed. Others, cf. Nicaragua, did not.",
     ["Some states, e.g. Cuba, i.e. the island, agreed.", "Others, cf. Nicaragua, did not."]),
    ("Cf. Table 2 and e.g. Venezuela vs. Colombia. Fine.",
     ["Cf. Table 2 and e.g. Venezuela vs. Colombia.", "Fine."]),
    ("See Vol. 3, pp. 18-38, p. 5, Nos. 3 and 4, Art. 5, Fig. 2 and ch. 4. Done.",
     ["See Vol. 3, pp. 18-38, p. 5, Nos. 3 and 4, Art. 5, Fig. 2 and ch. 4.", "Done."]),
    ("Ibid. p. 12. Ibid. 45. Ibid. The same source.",
     ["Ibid. p. 12.", "Ibid. 45.", "Ibid.", "The same source."]),
    ("Piatakov, op.cit. p. 5. Piatakov, op. cit. 45. Next.",
     ["Piatakov, op.cit. p. 5.", "Piatakov, op. cit. 45.", "Next."]),
    ("In J. Smith (ed.), Russia, Moscow. Next.", ["In J. Smith (ed.), Russia, Moscow.", "Next."]),
    ("Oil, gas, arms, etc. are traded. They buy tanks, jets, etc. The list is long.",
     ["Oil, gas, arms, etc. are traded.", "They buy tanks, jets, etc.", "The list is long."]),
    ("The answer was no. The deal died.", ["The answer was no.", "The deal died."]),
    # Dates, companies, approximations.
    ("Signed on Jan. 5, 2019 and Sept. 12 and Dec. 2020. Then ratified.",
     ["Signed on Jan. 5, 2019 and Sept. 12 and Dec. 2020.", "Then ratified."]),
    ("Rosneft Trading Inc. Director Smith resigned. The firm is Gazprom Co. Ltd.",
     ["Rosneft Trading Inc. Director Smith resigned.", "The firm is Gazprom Co. Ltd."]),
    ("It was bought by Acme Corp. The price was secret.",
     ["It was bought by Acme Corp.", "The price was secret."]),
    ("Built c. 1900, ca. 1910 or approx. 5 years later. Yes.",
     ["Built c. 1900, ca. 1910 or approx. 5 years later.", "Yes."]),
    # Numbers, versions, URLs.
    ("Inflation was 0.7% and pi is 3.14. Growth was 1.5 points.",
     ["Inflation was 0.7% and pi is 3.14.", "Growth was 1.5 points."]),
    ("Version 3.14.2 was released. The next is 4.0.", ["Version 3.14.2 was released.",
                                                        "The next is 4.0."]),
    ("See www.tass.ru and ifri.org for details. Also https://www.ifri.org/en/x.pdf today.",
     ["See www.tass.ru and ifri.org for details.",
      "Also https://www.ifri.org/en/x.pdf today."]),
    ("Available at ifri.org. The site lists it.", ["Available at ifri.org.",
                                                   "The site lists it."]),
    ("It met at 5 p.m. The talks failed.", ["It met at 5 p.m.", "The talks failed."]),
    # Question and exclamation marks, ellipses.
    ("Why did Moscow act? Because it could! Was it wise?",
     ["Why did Moscow act?", "Because it could!", "Was it wise?"]),
    ('"Why?" she asked. "Because!" he said.', ['"Why?" she asked.', '"Because!" he said.']),
    ("And so on… Then it ended. Maybe... or not.",
     ["And so on…", "Then it ended.", "Maybe... or not."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    # Closing quotes and brackets stay with the ending sentence.
    ("He called it “the end.” Next came war.", ["He called it “the end.”", "Next came war."]),
    ("He said 'stop.' Then he left.", ["He said 'stop.'", "Then he left."]),
    ("It fell (by 5%.) The rest grew. (It was 2020.) Then “«Quoted.»” Done.",
     ["It fell (by 5%.)", "The rest grew.", "(It was 2020.)", "Then “«Quoted.»”", "Done."]),
    # Footnote markers after the terminal punctuation.
    ("It began in 1990.² Next sentence. It ended.¹⁰ Then more.",
     ["It began in 1990.²", "Next sentence.", "It ended.¹⁰", "Then more."]),
    ("It cut imports.[3] Next. Also.”[12] Done.",
     ["It cut imports.[3]", "Next.", "Also.”[12]", "Done."]),
    ("As noted by the U.S.[4] Russia reacted.", ["As noted by the U.S.[4]", "Russia reacted."]),
    ("He said: “The water came back.” [8]\n\nNext. Again. [9] Done.",
     ["He said: “The water came back.” [8]", "Next.", "Again. [9]", "Done."]),
    # Line structure.
    ("A heading\n\nThe first paragraph\nwraps here. New one.\nOn a new line.",
     ["A heading", "The first paragraph\nwraps here.", "New one.", "On a new line."]),
    ("No punctuation here\n   \t\nnor here", ["No punctuation here", "nor here"]),
    ("Windows lines.\r\n\r\nSecond paragraph\r\ncontinues.",
     ["Windows lines.", "Second paragraph\r\ncontinues."]),
    ("Exports went to:\n- Cuba\n- Venezuela\nand more.",
     ["Exports went to:\n- Cuba\n- Venezuela\nand more."]),
    ("  leading and trailing whitespace  ", ["leading and trailing whitespace"]),
    ("One sentence.\n\n\n\nAnother.\n\n", ["One sentence.", "Another."]),
    ("Ends with a period.", ["Ends with a period."]),
    ("no terminal punctuation at all", ["no terminal punctuation at all"]),
    ("...", ["..."]),
    (". . .", [". . ."]),
    ("He said . . . The rest is lost. Why . . . ? No.",
     ["He said . . .", "The rest is lost.", "Why . . . ?", "No."]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_concrete_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    check_invariants(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\n \r\n\u3000\xa0"])
def test_empty_or_blank_text(text: str) -> None:
    assert split_sentences(text) == []


def test_offsets_index_the_original_text() -> None:
    text = "  Première phrase. Deuxième « citation. » Fin.\n\nNext."
    spans = split_sentences(text)
    assert spans == [(2, 18), (19, 41), (42, 46), (48, 53)]
    assert [text[a:b] for a, b in spans] == [
        "Première phrase.", "Deuxième « citation. »", "Fin.", "Next."]


def test_multi_paragraph_report_excerpt() -> None:
    text = (
        "Russia in Latin America\n\n"
        "In 2016, Daniel Ortega purchased a batch of Russian tanks for $50 million. "
        "The rapprochement worried the U.S. Congress, e.g. Sen. Rubio.¹ "
        "Rosneft invested $5.8 billion in Venezuela (see www.tass.ru).[2]\n"
        "It lost most of it!\n \n"
        "Conclusion\n\nWhat next?"
    )
    assert sentences(text) == [
        "Russia in Latin America",
        "In 2016, Daniel Ortega purchased a batch of Russian tanks for $50 million.",
        "The rapprochement worried the U.S. Congress, e.g. Sen. Rubio.¹",
        "Rosneft invested $5.8 billion in Venezuela (see www.tass.ru).[2]",
        "It lost most of it!",
        "Conclusion",
        "What next?",
    ]


def test_large_text_splits_every_sentence() -> None:
    # Speed is measured in bench/, not here; this checks the count on 2 MB.
    paragraph = (
        'In 1990, the "Island of Freedom" accounted for 2.8% of Soviet exports. '
        "The U.S. National Security Strategy accuses Russia, e.g. in Venezuela "
        "(see A. I. Sizonenko, op. cit. p. 30). Rosneft invested $5.8 billion.² "
        "It lost most of it!\n\n"
    )
    text = paragraph * (2_000_000 // len(paragraph))
    spans = split_sentences(text)
    assert len(spans) == 4 * (2_000_000 // len(paragraph))


# --- property test -----------------------------------------------------------

# Fragments that exercise the heuristics; joined at random with arbitrary text.
FRAGMENTS = [
    ".", "!", "?", "…", "...", "?!", ":", ",", " ", "  ", "\n", "\n\n", "\n \n", "\r\n",
    "\t", "\u3000", "\xa0", "\x1c", "\u2029", '"', "”", "“", "’", "'", "«", "»", "(", ")",
    "[", "]", "[3]", "²", "¹⁰", "U.S.", "U.K.", "E.U.", "Dr.", "Mr.", "No. 119", "pp.",
    "p.", "et al.", "e.g.", "i.e.", "cf.", "Cf.", "vs.", "etc.", "op. cit.", "op.cit.",
    "ibid.", "Ibid.", "Jan.", "Inc.", "A.", "I.", "S. Chemezov", "$5.8", "0.7%", "3.14",
    "1.2.3", "www.tass.ru", "ifri.org", "The", "It", "In", "the", "word", "Russia",
    "1990", "А.", "Он", "é", "ß", "ǅ", "𝔘", "日本",
]

BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40).map(
        "".join
    ),
)


@settings(max_examples=600, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_cover_text_exactly(text: str) -> None:
    check_invariants(text)


@settings(max_examples=300, database=None, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
def test_blank_line_always_ends_a_sentence(text: str) -> None:
    for start, end in split_sentences(text):
        assert not BLANK_LINE.search(text[start:end]), text[start:end]
