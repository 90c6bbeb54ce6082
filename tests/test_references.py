"""Footnote classification and reference parsing, on notes from the real corpus and invented ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.sources.model import FOOTNOTE_KINDS, Reference
from claimdesk.sources.references import classify_note, find_locator, op_cit_key, parse_reference

# A few notes typed in from the corpus (Ifri, Pyatakov 2020; Werra, Fauré 2021), cleaned of HTML.
IFRI_MONROE = ("The Monroe Doctrine is a declaration of the principles of American foreign policy, made in 1823 "
               "by President James Monroe. The doctrine’s essence is captured in the phrase “America for "
               "Americans” and entails the idea that the Western hemisphere is the USA’s prerogative.")
IFRI_SIZONENKO = ("See, for instance, A. I. Sizonenko, *Ocherki istorii sovetsko-latinoamerikanskikh otnoshenij "
                  "(1924-1970)* [Sketches From the History of Soviet-Latin American Relations (1924-1970)], "
                  "Moscow, Nauka, 1971.")
IFRI_BELOKONOVA = ("E. Belokonova, “Argentinskij kandidat na post glavy MAGATE posetit Rossiiu” [The Argentine "
                   "Candidate for the Head of IAEA to Visit Russia], *Komsomol’skaia Pravda*, 6 August 2019, "
                   "available at: www.kp.ru.")
IFRI_CHEMEZOV = ('S. Chemezov, S. Goreslavskij, "Diversifikatsiia rossijskogo eksporta vooruzhenij: venesuel\'skij '
                 'case study" [The Diversification of Russian Arms Exports: A Venezuelan Case Study], Vol. 63, '
                 "No. 2, 2019, p. 29-35.")
IFRI_PIATAKOV = ('A. Piatakov, "Vooruzhennye sily Venesuely: epoha Ugo Chavesa" [The Armed Forces of Venezuela: '
                 "The Hugo Chavez Era], *Latinskaia Amerika*, No. 6, 2019.")
IFRI_EAEU = ("“Bolivia zainteresovana v razvitii dialoga s EAES” [Bolivia Is Interested in Developed a Dialogue "
             "With the EAEU], Eurasian Economic Commission, 9 April 2019, available at: www.eurasiancommission.org.")
IFRI_LOU = ('K. Lou, R. Sagdiev, "Kak Rossiia zakopala milliardy dollarov v zbyuchie peski Venesuely" [How Russia '
            "Buried Billions of Dollars in the Quicksand of Venezuela], *Reuters*, 14 March 2019, available at: "
            "<https://ru.reuters.com>.")
IFRI_EKSPORT = ('"Eksport rossijskikh obrazovatel\'nykh uslug. Statisticheskij sbornik" [The Export of Russian '
                "Educational Services. A Statistical Compendium], Center for Social Forecast and Marketing, Moscow, "
                "2018. The figures relate to data for 2017. Available at: <http://socioprognoz-ru.lgb.ru>.")
IFRI_TWO_CITES = ('See, for instance, D. M. Rozental, "Venesuel\'skij uzal latinoamerikanskoj politiki Moskvyy" '
                  "[The Venezuelan Node in the Latin American Policy of Moscow], *Latinskaia Amerika*, 2018, No. 10; "
                  'A. O\'Brien, "Venezuela and Russia: Geopolitical Allies in the 21st Century", *Yale Review of '
                  "International Studies*, March 2019, available at: <http://yris.yira.org>.")
WERRA_PIATAKOV = ('Andrei Piatakov, "Russia and Latin America in the 21st century: a difficult rapprochement, '
                  "Russia.Nei.Visions, n°119. Ifri, July 2020.")
WERRA_TIRADO = ('Arantxa Tirado and Félix Caballero Escalante, "Rusia en America Latina: amenaza pour EE.UU?", '
                "celag.org https://www.celag.org/rusia-en-america-latina-amenaza-para-eeuu/")
WERRA_OPCIT = 'Andrei Piatakov, "Russia and Latin America in the XXI century ..., op.cit'


@pytest.mark.parametrize("text, kind", [
    # ibid
    ("Ibid", "ibid"), ("Ibid.", "ibid"), ("Ibid., p. 4", "ibid"), ("ibid., pp. 18-20.", "ibid"),
    ("Ibidem.", "ibid"), ("Id.", "ibid"), ("Idem, p. 4.", "ibid"), ("*Ibid.*", "ibid"),
    # op. cit.
    (WERRA_OPCIT, "op_cit"), ("Op.cit,", "op_cit"), ("Op.cit", "op_cit"), ("op. cit., p. 5", "op_cit"),
    ("Smith, op cit, p. 5.", "op_cit"), ("Smith, loc. cit.", "op_cit"),
    ('Arantxa Tirado and Félix Caballero Escalante, "Rusia en America Latina ..., op.cit,', "op_cit"),
    ("Evensen, *Salmon, Silt and Subsidies*, op. cit., p. 2.", "op_cit"),
    # url
    ("Cf, https://www.zona-militar.com/2021/05/24/proyectos-militares-argentinos/", "url"),
    ("See https://www.zona-militar.com/2021/05/05/la-argentina-realiza-el-pedido/", "url"),
    ("https://www.zona-militar.com/2021/03/17/contacto-entre-el-ministerio/", "url"),
    ("Cf. <https://example.org/page>.", "url"), ("www.example.org", "url"),
    ("Cf, http://psk.blog.24heures.ch/archive/2021/01/25/avions-de-combat% C2% A0-870457.html", "url"),
    ("Source: https://example.org/a?b=1 (accessed 3 May 2020).", "url"),
    # references
    (WERRA_PIATAKOV, "reference"), (WERRA_TIRADO, "reference"), (IFRI_SIZONENKO, "reference"),
    (IFRI_BELOKONOVA, "reference"), (IFRI_CHEMEZOV, "reference"), (IFRI_EAEU, "reference"),
    (IFRI_EKSPORT, "reference"), (IFRI_TWO_CITES, "reference"),
    ("Trade Map, International Trade Center, available at: <https://trademap.org>.", "reference"),
    ('"Letter to Steven T. Mnuchin—The US Secretary of Treasury", 12 December 2017, available at: '
     "<http://jeffduncan.house.gov>.", "reference"),
    ("John Smith, The Rise of Things, London: Penguin, 2005.", "reference"),
    ("Smith, J., The Rise of Things, London, 2005, pp. 18–38.", "reference"),
    ("Aldra Regional Water Authority, Capital Programme Review 2015–2020 (Halden Quay: ARWA, 2021), 18.", "reference"),
    ("Aldous-Penn, R. (2020). Who pays for clean rivers? Coastal Policy Notes, 3, 12–19.", "reference"),
    ("“Putin meets Maduro in Moscow”, The Guardian, 25 September 2019.", "reference"),
    ("Estuary Shellfish Growers’ Association, final mortality count for 2022, quoted in “Oyster losses worse "
     "than first feared”, The Wenning Courier, 3 March 2023.", "reference"),
    # commentary
    (IFRI_MONROE, "note"), ("It opened in September 2014.", "note"), ("The figures relate to data for 2017.", "note"),
    ("Key agreements are NAFA (USA, Canada, Mexico), partially amended in 2018 and CAFTA-RD, a free trade "
     "agreement with Central American countries.", "note"),
    ("Interview with Zdeněk Horák, chair of the Ostrand fishers’ cooperative, Ostrand, 18 April 2024.", "note"),
    ("Harbour Institute interviews with members of the fishers' cooperatives, October–November 2021.", "note"),
    ("Russia, Cuba and Venezuela signed an agreement in 2008.", "note"),
    ("“America for Americans” is the phrase that sums it up.", "note"),
    ("As Putin said, “Russia is back”, in 2014.", "note"),
    ("The data are published at https://example.org/data and updated monthly.", "note"),
    ("ID cards have been required since 1997.", "note"), ("Identity matters here.", "note"), ("", "note"),
])
def test_classify_note(text, kind):
    assert classify_note(text) == kind


def test_journal_article_with_translation_in_brackets():
    ref = parse_reference(IFRI_PIATAKOV)
    assert ref == Reference(authors=["A. Piatakov"], title="Vooruzhennye sily Venesuely: epoha Ugo Chavesa",
                            container="Latinskaia Amerika", year="2019")


def test_two_authors_pages_and_no_container():
    ref = parse_reference(IFRI_CHEMEZOV)
    assert ref.authors == ["S. Chemezov", "S. Goreslavskij"]
    assert ref.title == "Diversifikatsiia rossijskogo eksporta vooruzhenij: venesuel'skij case study"
    assert ref.container is None  # "Vol. 63", "No. 2" are not containers
    assert (ref.year, ref.locator) == ("2019", "p. 29-35")


def test_newspaper_with_date_and_bare_web_address():
    ref = parse_reference(IFRI_BELOKONOVA)
    assert ref.authors == ["E. Belokonova"]
    assert ref.title == "Argentinskij kandidat na post glavy MAGATE posetit Rossiiu"
    assert (ref.container, ref.year, ref.url) == ("Komsomol’skaia Pravda", "2019", "www.kp.ru")


def test_no_authors_when_the_note_starts_with_the_title():
    ref = parse_reference(IFRI_EAEU)
    assert ref.authors == []
    assert ref.title == "Bolivia zainteresovana v razvitii dialoga s EAES"
    assert (ref.container, ref.year) == ("Eurasian Economic Commission", "2019")
    assert ref.url == "www.eurasiancommission.org"


def test_angle_bracket_url_and_two_initialled_authors():
    ref = parse_reference(IFRI_LOU)
    assert ref.authors == ["K. Lou", "R. Sagdiev"]
    assert (ref.container, ref.url) == ("Reuters", "https://ru.reuters.com")


def test_year_of_publication_not_of_the_data():
    ref = parse_reference(IFRI_EKSPORT)
    assert ref.year == "2018"
    assert ref.container == "Center for Social Forecast and Marketing"
    assert ref.url == "http://socioprognoz-ru.lgb.ru"


def test_book_after_a_lead_in_skips_the_city():
    ref = parse_reference(IFRI_SIZONENKO)
    assert ref.authors == ["A. I. Sizonenko"]
    assert ref.title == "Ocherki istorii sovetsko-latinoamerikanskikh otnoshenij (1924-1970)"
    assert (ref.container, ref.year) == ("Nauka", "1971")


def test_only_the_first_of_two_citations():
    ref = parse_reference(IFRI_TWO_CITES)
    assert ref.authors == ["D. M. Rozental"]
    assert (ref.container, ref.year, ref.url) == ("Latinskaia Amerika", "2018", None)


def test_unclosed_title_quote_stops_before_the_series():
    ref = parse_reference(WERRA_PIATAKOV)
    assert ref.authors == ["Andrei Piatakov"]
    assert ref.title == "Russia and Latin America in the 21st century: a difficult rapprochement"
    assert (ref.container, ref.year) == ("Russia.Nei.Visions", "2020")


def test_and_between_authors_and_a_site_before_the_url():
    ref = parse_reference(WERRA_TIRADO)
    assert ref.authors == ["Arantxa Tirado", "Félix Caballero Escalante"]
    assert ref.title == "Rusia en America Latina: amenaza pour EE.UU?"
    assert ref.container == "celag.org"
    assert ref.url == "https://www.celag.org/rusia-en-america-latina-amenaza-para-eeuu/"
    assert ref.year is None


def test_chicago_journal_article_with_comma_inside_the_quotes():
    ref = parse_reference('Karel Mertens, Anouk Vliegen, and Sam Ordway, "Glass Eel Recruitment in North Sea '
                          'Estuaries, 1990–2019," *Estuarine Ecology Letters* 31 (2021): 77–94.')
    assert ref.authors == ["Karel Mertens", "Anouk Vliegen", "Sam Ordway"]
    assert ref.title == "Glass Eel Recruitment in North Sea Estuaries, 1990–2019"
    assert (ref.container, ref.year) == ("Estuarine Ecology Letters", "2021")


def test_web_page_with_access_date_ignores_years_in_title_and_url():
    ref = parse_reference('Aldra Basin Commission, "Water Quality Monitoring Results 2012–2021," accessed '
                          "February 10, 2022, https://www.aldra-basin.example/monitoring/results-2021.")
    assert ref.authors == ["Aldra Basin Commission"]
    assert ref.year == "2022"
    assert ref.url == "https://www.aldra-basin.example/monitoring/results-2021"


def test_titles_years_do_not_count_as_publication_year():
    ref = parse_reference("“Resolutions From the 72nd Session (2017-2018)”, UN General Assembly, "
                          "available at: www.un.org.")
    assert (ref.title, ref.container, ref.year) == ("Resolutions From the 72nd Session (2017-2018)",
                                                    "UN General Assembly", None)


def test_book_with_publisher_and_city():
    ref = parse_reference("R. Ellis, *The New Russian Engagement with Latin America: Strategic Position, "
                          "Commerce, and Dreams of the Past*, Carlisle, Strategic Studies Institute, 2015, p. 30.")
    assert ref.title == "The New Russian Engagement with Latin America: Strategic Position, Commerce, and Dreams of the Past"
    assert (ref.container, ref.year, ref.locator) == ("Strategic Studies Institute", "2015", "p. 30")
    ref = parse_reference("John Smith, The Rise of Things, London: Penguin, 2005.")
    assert (ref.authors, ref.title, ref.container, ref.year) == (["John Smith"], "The Rise of Things", "Penguin", "2005")


def test_book_with_parenthesised_publication_facts():
    ref = parse_reference("Aldra Regional Water Authority, *Capital Programme Review 2015–2020* "
                          "(Halden Quay: ARWA, 2021), 18.")
    assert ref.authors == ["Aldra Regional Water Authority"]
    assert (ref.title, ref.container, ref.year) == ("Capital Programme Review 2015–2020", "ARWA", "2021")


def test_apa_author_date():
    ref = parse_reference('Evensen, Marit, & Kowalczyk, Tomasz (2022). "Salmon, Silt and Subsidies: Water '
                          'Quality and Fisheries in the Aldra Basin". Harbour Institute, p. 6.')
    assert ref.authors == ["Evensen, Marit", "Kowalczyk, Tomasz"]
    assert ref.title == "Salmon, Silt and Subsidies: Water Quality and Fisheries in the Aldra Basin"
    assert (ref.container, ref.year, ref.locator) == ("Harbour Institute", "2022", "p. 6")
    ref = parse_reference("Le Guénec, N., & Brask, O. (2021). Marine heatwaves and summer mortality of cupped "
                          "oysters. *Journal of Shellfish Science*, 12(4), 301–318.")
    assert ref.authors == ["Le Guénec, N.", "Brask, O."]
    assert ref.title == "Marine heatwaves and summer mortality of cupped oysters"
    assert (ref.container, ref.year) == ("Journal of Shellfish Science", "2021")


def test_secondary_source_quoted_in_a_newspaper():
    ref = parse_reference("Estuary Shellfish Growers’ Association, final mortality count for 2022, quoted in "
                          "“Oyster losses worse than first feared”, The Wenning Courier, 3 March 2023.")
    assert (ref.title, ref.container, ref.year) == ("Oyster losses worse than first feared",
                                                    "The Wenning Courier", "2023")


def test_guillemets_and_nested_quotes():
    ref = parse_reference("I. Ivanov, «Rossiia i Latinskaia Amerika», *Mezhdunarodnaia zhizn’*, No. 4, 2015, pp. 18–38.")
    assert (ref.title, ref.container, ref.locator) == ("Rossiia i Latinskaia Amerika", "Mezhdunarodnaia zhizn’", "pp. 18-38")
    ref = parse_reference("“‘Rabotaem chestno’. Kakoe rossijskoe oruzhie pol’zuetsia sprosom” [“We Work "
                          "Honestly”], *TASS*, 4 April 2019, available at: www.tass.ru.")
    assert ref.title == "‘Rabotaem chestno’. Kakoe rossijskoe oruzhie pol’zuetsia sprosom"
    assert ref.container == "TASS"


def test_url_only_and_non_references():
    assert parse_reference("Cf, https://www.clarin.com/politica/acuerdo-putin_0_Q3Jmi70dO.html") == \
        Reference(url="https://www.clarin.com/politica/acuerdo-putin_0_Q3Jmi70dO.html")
    assert parse_reference("See <https://example.org/a_(b)>.").url == "https://example.org/a_(b)"
    assert parse_reference("It opened in September 2014.") is None
    assert parse_reference(IFRI_MONROE) is None
    assert parse_reference("Ibid., p. 12.") is None


@pytest.mark.parametrize("text, locator", [
    ("Ibid., p. 12.", "p. 12"), ("op. cit., pp. 18–38.", "pp. 18-38"), ("Ibid., p.30", "p. 30"),
    ("Smith, 2005, page 4.", "p. 4"), ("No page, n°119.", None), ("Vol. 60, No. 11, 2016.", None),
])
def test_find_locator(text, locator):
    assert find_locator(text) == locator


@pytest.mark.parametrize("text, key", [
    (WERRA_OPCIT, ("piatakov", "russia and latin america in the xxi century")),
    ('Andrei Piatakov, "Cooperacion entre rusia y Argentina ..., Op.cit,', ("piatakov", "cooperacion entre rusia y argentina")),
    ('Arantxa Tirado and Félix Caballero Escalante, "Rusia en America Latina ..., op.cit,', ("tirado", "rusia en america latina")),
    ("Op.cit,", (None, None)), ("Op.cit", (None, None)), ("op. cit., p. 5", (None, None)),
    ("Smith, op. cit., p. 5", ("smith", None)), ("Smith, J., op. cit.", ("smith", None)),
    ("Evensen, *Salmon, Silt and Subsidies*, op. cit., p. 2.", ("evensen", "salmon silt and subsidies")),
    ("Evensen, Salmon, Silt and Subsidies, op. cit., p. 2.", ("evensen", "salmon silt and subsidies")),
    ("Evensen, *Salmon, Silt*, op. cit., p. 9.", ("evensen", "salmon silt")),
    ("*The Rise of Things*, op. cit., p. 3.", (None, "the rise of things")),
    ("Félix Caballero Escalante, op. cit.", ("escalante", None)),
])
def test_op_cit_key(text, key):
    assert op_cit_key(text) == key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200) |
       st.lists(st.sampled_from(['"', "“", "”", "«", "*", ",", " ", "A.", "Smith", "2019", "p. 4", "[x]", "op.cit",
                                 "Ibid", "https://a.b/c", "(", ")", ":", ";", ". ", "available at:", "and"]),
                max_size=25).map("".join))
def test_never_crashes_and_kinds_agree(text):
    kind = classify_note(text)
    assert kind in FOOTNOTE_KINDS
    ref = parse_reference(text)
    assert (ref is None) if kind in ("note", "ibid") else (ref is None or isinstance(ref, Reference))
    if kind == "reference":
        assert ref.title or ref.url or ref.year or ref.authors
    if ref and ref.year:
        assert re.fullmatch(r"(18|19|20)\d\d", ref.year)
    surname, title = op_cit_key(text)
    assert surname is None or surname == surname.lower()


def test_every_ifri_footnote(ifri):
    """The 63 Ifri notes: three are commentary, all others are references with a title."""
    commentary = {1, 5, 9}
    assert len(ifri.footnotes) == 63
    for footnote in ifri.footnotes:
        kind = classify_note(footnote.text)
        assert kind == ("note" if footnote.number in commentary else "reference"), (footnote.number, footnote.text)
        if kind == "reference":
            assert parse_reference(footnote.text).title, (footnote.number, footnote.text)


@pytest.mark.parametrize("note, kind", [
    ("Tamtéž, s. 14.", "ibid"), ("Tamże, s. 3.", "ibid"), ("T.a.p., blz. 7.", "ibid"),
    ("Novák, cit. d., s. 9.", "op_cit"), ("Kowalski, dz. cyt., s. 12.", "op_cit"),
])
def test_ibid_and_op_cit_in_czech_polish_and_dutch(note, kind):
    assert classify_note(note) == kind
