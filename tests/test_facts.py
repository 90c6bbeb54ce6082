"""Facts: the figures a sentence states, read as intervals, and how two sentences' facts compare."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.claims.facts import Difference, Fact, compare_facts, extract_facts

# The real corpus sentences (typed here, not read from the corpus files).
WERRA_HELICOPTERS = ("A major buyer of Russian helicopters, the Peruvian military apparatus would count nearly 100 "
                     "units, mobilized in particular in the fight against terrorism.")
IFRI_HELICOPTERS = ("According to various estimates, the Andean country possesses more than 100 civil and military "
                    "helicopters, some of which it uses for anti-terrorist operations.")
WERRA_VENEZUELA = ("between 2010 and 2016, Venezuela accounted for 80% of Russian arms and military equipment exports "
                   "to Latin America")
IFRI_VENEZUELA = ("Between 2010 and 2016, Venezuela accounted for 80% of all the Russian weapons and military "
                  "equipment sold to LAC.")


def facts(text):
    return [(f.kind, f.low, f.high, f.unit, f.text) for f in extract_facts(text)]


def one(text) -> Fact:
    found = extract_facts(text)
    assert len(found) == 1, found
    return found[0]


def differences(claim, source):
    return compare_facts(extract_facts(claim), extract_facts(source))[1]


def alike_texts(claim, source):
    return [(c.text, s.text) for c, s in compare_facts(extract_facts(claim), extract_facts(source))[0]]


# --- plain numbers, separators, scales, words ------------------------------------------------

@pytest.mark.parametrize(
    "text, value",
    [
        ("they counted 100", 100), ("they counted 1,200", 1200), ("they counted 1 200", 1200),
        ("they counted 1\u00a0200", 1200), ("a rate of 2.8", 2.8), ("a rate of 2,8", 2.8),
        ("they counted 1,200,000", 1_200_000), ("they counted 1.200.000", 1_200_000), ("worth 2.8 billion", 2.8e9),
        ("worth 5 thousand", 5000), ("worth 3 trillion", 3e12), ("worth 38 mln", 38e6), ("worth 3 bn", 3e9),
        ("worth 20k", 20_000), ("they counted twelve", 12), ("they counted ten", 10), ("they counted twenty-five", 25),
        ("they counted two hundred", 200), ("they counted a hundred", 100), ("they counted one million", 1e6),
        ("they counted two hundred and fifty", 250), ("they counted a dozen", 12),
    ],
)
def test_numbers(text, value):
    fact = one(text)
    assert fact.kind == "number"
    assert fact.low == fact.high == pytest.approx(value)
    assert text[fact.start:fact.end] == fact.text


def test_two_numbers_joined_by_and_stay_two():
    assert [f.low for f in extract_facts("it took two and three days")] == [2, 3]
    assert [(f.low, f.high) for f in extract_facts("between two and three")] == [(2, 3)]  # a range


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two Mi-171E helicopters", ["two"]), ("10 Mig-35s and 2 Mig-35Ds", ["10", "2"]), ("a batch of T-90S tanks", []),
        ("the G-20 summit", []), ("BTR-82A vehicles", []), ("Russian T-72B1 tanks", []), ("the Orlan-10E drone", []),
        ("in the 1990s", []), ("the 5th fleet", []), ("COVID-19 hit", []), ("see No. 119", []),
        ("ISBN 979-10-373-0188-1", []), ("https://example.org/2021/01/25/page", []), ("Pantsir S1 systems", []),
        ("13. Ibid., p. 12.", []),
    ],
)
def test_model_names_and_references_are_not_figures(text, expected):
    assert [f.text for f in extract_facts(text)] == expected


def test_a_lone_one_is_a_pronoun():
    assert extract_facts("one of the largest buyers") == []
    assert one("one percent of exports").low == 1


# --- percentages and fractions -----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, low, high",
    [
        ("80%", 80, 80), ("80 %", 80, 80), ("80 percent", 80, 80), ("80 per cent", 80, 80), ("eighty percent", 80, 80),
        ("0.7%", 0.7, 0.7), ("2,8 %", 2.8, 2.8), ("80\\%", 80, 80), ("12 percentage points", 12, 12),
        ("one fifth", 18, 22), ("a third of them", 30, 36.67), ("two thirds of them", 60, 73.33),
        ("half of the exports", 45, 55), ("a quarter of the exports", 22.5, 27.5), ("one in five", 18, 22),
        ("one-third", 30, 36.67), ("around 20-25% of its food", 18, 27.5),
    ],
)
def test_percentages(text, low, high):
    fact = one(text)
    assert fact.kind == "percent"
    assert (fact.low, fact.high) == (pytest.approx(low, rel=1e-3), pytest.approx(high, rel=1e-3))


def test_a_third_as_an_ordinal_is_not_a_fraction():
    assert extract_facts("a third country joined") == []
    assert extract_facts("in the first half of the year") == []


def test_parenthesised_exact_value_refines_the_approximate_one():
    assert facts("a third (32%) of the budget") == [("percent", 32, 32, None, "32%")]
    assert facts("about a third (32%) of it") == [("percent", 32, 32, None, "32%")]


def test_1990_percentages_and_year():
    text = "in 1990, the Island of Freedom accounted for 2.8% of all Soviet exports and 5.1% of its imports"
    assert facts(text) == [("year", 1990, 1990, None, "1990"), ("percent", 2.8, 2.8, None, "2.8%"),
                           ("percent", 5.1, 5.1, None, "5.1%")]


# --- money ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("$5.8 billion", 5.8e9, "USD"), ("\\$50 million", 50e6, "USD"), ("US$ 3 bn", 3e9, "USD"),
        ("US$20m", 20e6, "USD"), ("EUR38 mln", 38e6, "EUR"), ("EUR 38 million", 38e6, "EUR"),
        ("€14 million", 14e6, "EUR"), ("14 million euros", 14e6, "EUR"), ("£1.1 billion", 1.1e9, "GBP"),
        ("20 million euros", 20e6, "EUR"), ("5 billion rubles", 5e9, "RUB"), ("6 million roubles", 6e6, "RUB"),
        ("USD 2.1 billion", 2.1e9, "USD"), ("4 billion dollars", 4e9, "USD"), ("R$ 10 million", 10e6, "BRL"),
        ("\\$306 million-worth of arms", 306e6, "USD"), ("millions of dollars", 1e6, "USD"),
    ],
)
def test_money(text, value, currency):
    fact = one(text)
    assert (fact.kind, fact.unit) == ("money", currency)
    assert fact.low == pytest.approx(value)


def test_money_in_corpus_sentences():
    assert facts("In 2016, Daniel Ortega purchased a batch of Russian tanks for \\$50 million.") == [
        ("year", 2016, 2016, None, "2016"), ("money", 50e6, 50e6, "USD", "\\$50 million")]
    rosneft = "Rosneft has invested \\$5.8 billion in Venezuelan projects"
    assert facts(rosneft) == [("money", 5.8e9, 5.8e9, "USD", "\\$5.8 billion")]
    loan = "Russia approved a second large loan worth EUR38 mln in February 2019"
    assert facts(loan) == [("money", 38e6, 38e6, "EUR", "EUR38 mln"), ("date", 20190200, 20190231, None, "February 2019")]
    argentina = "the purchase by Argentina of two Mi-171E helicopters, for 20 million euros"
    assert facts(argentina) == [("quantity", 2, 2, "helicopter", "two"), ("money", 20e6, 20e6, "EUR", "20 million euros")]


def test_a_shared_scale_reaches_back():
    found = extract_facts("imports increased from \\$5 to \\$8.5 billion")
    assert [(f.low, f.unit) for f in found] == [(5e9, "USD"), (8.5e9, "USD")]


def test_metres_are_not_money():
    assert all(f.kind != "money" for f in extract_facts("a 100m tower"))


# --- years and dates -------------------------------------------------------------------------------

def test_years():
    assert facts("in 2019") == [("year", 2019, 2019, None, "2019")]
    assert [f.low for f in extract_facts("between 2010 and 2016")] == [2010, 2016]
    assert [(f.low, f.text) for f in extract_facts("in 2018-2019")] == [(2018, "2018"), (2019, "2019")]
    assert [(f.low, f.text) for f in extract_facts("in 1990-91")] == [(1990, "1990"), (1991, "91")]
    assert [f.low for f in extract_facts("since mid-2019")] == [2019]
    assert [f.kind for f in extract_facts("2010 and 2016")] == ["year", "year"]


def test_four_digit_counts_are_quantities_not_years():
    assert facts("2,870 spill events") == [("quantity", 2870, 2870, "event", "2,870")]
    assert facts("1990 tanks were sold") == [("quantity", 1990, 1990, "tank", "1990")]
    assert [f.kind for f in extract_facts("in 1990 tanks were sold")] == ["year"]
    assert [f.kind for f in extract_facts("more than 2000 tanks")] == ["quantity"]


@pytest.mark.parametrize(
    "text, low, high",
    [("on 14 May 2019", 20190514, 20190514), ("on May 14, 2019", 20190514, 20190514),
     ("on 2019-05-14", 20190514, 20190514), ("in February 2020", 20200200, 20200231),
     ("on 1 December 2016", 20161201, 20161201), ("in Sept. 2017", 20170900, 20170931)],
)
def test_dates(text, low, high):
    fact = one(text)
    assert (fact.kind, fact.low, fact.high) == ("date", low, high)


def test_may_the_verb_is_no_month():
    assert [f.kind for f in extract_facts("it may 2019 be")] == ["year"]


# --- qualifiers --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, low, high",
    [
        ("more than 100", 100, math.inf), ("over 100", 100, math.inf), ("above 100", 100, math.inf),
        ("exceeding 100", 100, math.inf), ("in excess of 100", 100, math.inf), ("at least 100", 100, math.inf),
        ("no fewer than 100", 100, math.inf), ("nearly 100", 85, 100), ("almost 100", 85, 100),
        ("just under 100", 85, 100), ("less than 100", 0, 100), ("fewer than 100", 0, 100), ("under 100", 0, 100),
        ("below 100", 0, 100), ("up to 100", 0, 100), ("no more than 100", 0, 100), ("about 100", 90, 110),
        ("around 100", 90, 110), ("approximately 100", 90, 110), ("roughly 100", 90, 110), ("some 100", 90, 110),
        ("circa 100", 90, 110), ("c. 100", 90, 110), ("an estimated 100", 90, 110), ("close to 100", 90, 110),
        ("did not exceed 100", 0, 100),
    ],
)
def test_qualifiers(text, low, high):
    fact = one(text)
    assert fact.text == text
    assert (fact.low, fact.high) == (pytest.approx(low), pytest.approx(high))


def test_open_and_closed_bounds():
    more, least, nearly, up_to = (one(t) for t in ("more than 100", "at least 100", "nearly 100", "up to 100"))
    assert more.low > 100 and least.low == 100
    assert nearly.high < 100 and up_to.high == 100


def test_qualifier_before_currency_and_fraction():
    assert facts("roughly \\$1 billion") == [("money", 0.9e9, 1.1e9, "USD", "roughly \\$1 billion")]
    fact = one("more than one third of them")
    assert fact.kind == "percent" and fact.low > 33.3 and fact.high == math.inf


def test_vague_amounts():
    fact = one("tens of thousands of people")
    assert (fact.kind, fact.unit, fact.low) == ("quantity", "person", 10_000) and fact.high < 100_000


def test_ranges():
    fact = one("between \\$6 billion and \\$10 billion")
    assert (fact.low, fact.high, fact.unit) == (6e9, 10e9, "USD")
    assert (one("between 6 and 10 billion rubles").low, one("25-30,000 people").low) == (6e9, 25_000)


# --- quantity units --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, unit",
    [
        ("100 civil and military helicopters", "helicopter"), ("nearly 100 units, mobilized", "unit"),
        ("39 new agreements", "agreement"), ("18 countries", "country"), ("12 Mi-35M combat helicopters", "helicopter"),
        ("56 \"Igla-S\" portable surface-to-air missile systems", "system"), ("4,600 tonnes", "tonne"),
        ("17 million viewers", "viewer"), ("500 people", "person"), ("four 200-megawatt power units", "megawatt"),
        ("3 batches", "batch"), ("10 Mig-35s", "mig-35"),
    ],
)
def test_quantity_units(text, unit):
    assert extract_facts(text)[-1].unit == unit
    assert extract_facts(text)[-1].kind == "quantity"


# --- comparing -----------------------------------------------------------------------------------

def test_peru_helicopters_conflict():
    assert differences(WERRA_HELICOPTERS, IFRI_HELICOPTERS) == [Difference("nearly 100", "more than 100", "quantity")]


def test_venezuela_80_percent_is_alike():
    alike, diffs = compare_facts(extract_facts(WERRA_VENEZUELA), extract_facts(IFRI_VENEZUELA))
    assert diffs == []
    assert [(c.text, s.text) for c, s in alike] == [("2010", "2010"), ("2016", "2016"), ("80%", "80%")]


@pytest.mark.parametrize(
    "claim, source, expected",
    [
        ("fell by 23%", "fell by 32%", [Difference("23%", "32%", "percent")]),
        ("€14 million", "€19 million", [Difference("€14 million", "€19 million", "money")]),
        ("2.1% of GDP", "1.2% of GDP", [Difference("2.1%", "1.2%", "percent")]),
        ("had grown to \\$19.1 billion", "had grown to \\$17.1 billion",
         [Difference("\\$19.1 billion", "\\$17.1 billion", "money")]),
        ("in 2016", "in 2017", [Difference("2016", "2017", "year")]),
        ("on 14 May 2019", "on 15 May 2019", [Difference("14 May 2019", "15 May 2019", "date")]),
        ("10 Mig-35s", "12 Mig-35s", [Difference("10", "12", "quantity")]),
        ("20-25% of food", "20-30% of food", [Difference("20-25%", "20-30%", "percent")]),
    ],
)
def test_differences(claim, source, expected):
    assert differences(claim, source) == expected


@pytest.mark.parametrize(
    "claim, source",
    [
        ("20 million euros", "EUR20 million"), ("EUR20 million", "€20 million"), ("one fifth", "20%"),
        ("one third", "32%"), ("between 2010 and 2016", "between 2010 and 2016"), ("\\$5.83 billion", "\\$5.8 billion"),
        ("tens of thousands of people", "20,000 people"), ("about 100 tanks", "nearly 100 tanks"),
        ("100 helicopters", "more than 100 helicopters"), ("in 2016", "in 2016 and 2017"), ("twelve tanks", "12 tanks"),
        ("in May 2019", "on 14 May 2019"), ("80 per cent", "eighty percent"),
    ],
)
def test_alike(claim, source):
    alike, diffs = compare_facts(extract_facts(claim), extract_facts(source))
    assert diffs == [] and alike


def test_greedy_pairs_by_closeness():
    assert alike_texts("rose from 41% to 58%", "rose from 41% in 2012 to 58% in 2021") == [("41%", "41%"), ("58%", "58%")]
    assert differences("2.8% of exports and 5.1% of imports", "1.8% of exports and 5.1% of imports") == [
        Difference("2.8%", "1.8%", "percent")]


@pytest.mark.parametrize(
    "claim, source",
    [
        ("\\$5.8 billion", "5.8 billion rubles"),  # currencies are never converted
        ("100 tanks", "100 helicopters"),  # different nouns
        ("80%", "in 2019"),  # different kinds
        ("in 2016", "the 80% share"),  # a year with no year to meet
    ],
)
def test_facts_without_partner_are_neither(claim, source):
    assert compare_facts(extract_facts(claim), extract_facts(source)) == ([], [])


def test_generic_units_meet_any_noun():
    assert differences("nearly 100 units", "more than 100 helicopters") == [
        Difference("nearly 100", "more than 100", "quantity")]
    assert differences("100 items", "100 helicopters") == []


# --- properties ------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["Russia", "sold", "100", "1,200", "1 200", "2,8", "2.8", "helicopters", "to", "Peru", "in", "2019", "2018-2019",
     "$", "\\$", "US$", "EUR", "€", "£", "billion", "million", "mln", "bn", "m", "%", "per cent", "percent", "nearly",
     "more than", "about", "between", "and", "one", "a", "third", "fifth", "half", "of", "(", ")", "32%", "May", "14",
     "-", "–", "Mi-171E", "T-90S", "tens", "thousands", "euros", "dollars", ",", ".", "twenty-five", "0", "9" * 40]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25).map(" ".join))
def test_extract_never_crashes_and_spans_hold(text):
    for fact in extract_facts(text):
        assert fact.text == text[fact.start:fact.end]
        assert fact.low <= fact.high
        assert not math.isnan(fact.low) and not math.isnan(fact.high)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_extract_on_arbitrary_text(text):
    found = extract_facts(text)
    for fact in found:
        assert fact.text == text[fact.start:fact.end]
    compare_facts(found, extract_facts(text[::-1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=20).map(" ".join), st.lists(PIECES, max_size=20).map(" ".join))
def test_compare_pairs_each_fact_at_most_once(claim, source):
    claim_facts, source_facts = extract_facts(claim), extract_facts(source)
    alike, diffs = compare_facts(claim_facts, source_facts)
    assert len(alike) + len(diffs) <= min(len(claim_facts), len(source_facts))
    assert len({id(c) for c, _ in alike}) == len(alike)


@pytest.mark.parametrize("text", [
    "Ifri, 27 rue de la Procession, 75740 Paris Cedex 15 – France Tel.: +33 (0)1 40 61 60 60",
    "and +33 (0)1 40 61 60 60.",
    "Phone: 020 7946 0958, fax 020 7946 0959",
])
def test_telephone_numbers_are_not_figures(text):
    assert [f.text for f in extract_facts(text) if "60" in f.text or "7946" in f.text or "0958" in f.text] == []


def test_signed_figures_are_still_figures():
    """The telephone rule needs a run of digit groups: "+3.2%" and "+12" stay figures."""
    assert [f.text for f in extract_facts("exports rose by +3.2% and imports by +12 units")] == ["3.2%", "12"]
