"""Who wrote a judgment, as its head says so, for the HTML and the plain-text readers alike.

A court's opinion names its writer in a line of its own near the top: "MR. JUSTICE
HARTWELL delivered the opinion of the Court." (the U.S. reports), "Reasons for Judgment
of the Honourable Madam Justice Okonkwo-Reid:" and "Written Reasons by:" over the name
(Canadian courts), "Opinion by Judge Ruiz", "Motifs du jugement de l'honorable juge
Tremblay", and in the Commonwealth's style the name over the text, under the heading
"JUDGMENT" (South Africa's "KRUGER-NDLOVU J", the SCA's "Mocumie JA (Molemela JA concurring):").
The writer is the opinion's author; the rest of the panel is not.

The Supreme Court of Canada's head says it twice: "Reasons for Judgment: (paras. 1 to 27)" over
"Marchetti J. (Thibodeau C.J. and … concurring)", and "The judgment of the Court was delivered
by" over "Marchetti J. —"; Ireland's "JUDGMENT of Ms. Justice Farrelly delivered on the 23rd day
of …"; a U.S. district court's "CARLA M. OSTRANDER, United States District Judge." under its
"OPINION AND ORDER".

Where no line names the writer, a court's own field for its panel names the judges ("Coram:
Kruger-Ndlovu J", Peachjam's (Kenya Law's) metadata list "Judges" / "AK Ndirangu-Obuya").
"""

from __future__ import annotations

import re

# A judge's style and name: "Mr. Justice Hartwell", "Madam Justice Okonkwo-Reid", "CHIEF JUSTICE
# WARREN", "Judge Ruiz", "juge Tremblay"; "The Honourable" in front is dropped.
_HONOURABLE = r"(?:the\s+(?:right\s+)?hon(?:ou)?rable\s+|l'honorable\s+)?"
_STYLED_JUDGE = (
    r"(?P<judge>(?:(?:mr|mrs|ms|madam|madame|mister)\.?\s+)?(?:chief\s+|associate\s+|lord\s+|lady\s+)?"
    r"(?:justice|judge|juge|juez|jueza|richter(?:in)?)\s+"
    r"[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,2})"
)
_WRITER_LINES = [
    # "MR. JUSTICE HARTWELL delivered the opinion of the Court.", "Judge Ruiz delivered the opinion of the court"
    re.compile(rf"^\W*{_HONOURABLE}{_STYLED_JUDGE},?\s+delivered\s+the\s+opinion\s+of\s+the\s+court\b", re.I),
    # "Hartwell, J., delivered the opinion of the Court."
    re.compile(r"^\W*(?P<judge>[A-Z][\w'’-]+,\s+(?:C\.\s?J\.|P\.\s?J\.|J\.))\s*,?\s+delivered\s+the\s+opinion\s+of\s+the\s+court\b",
               re.I),
    # "Reasons for Judgment of the Honourable Madam Justice Okonkwo-Reid:", "Opinion by Judge Ruiz"
    re.compile(rf"^\W*(?:(?:oral\s+)?reasons\s+for\s+(?:judgment|decision)\s+of|opinion\s+(?:of\s+the\s+court\s+)?by|"
               rf"motifs\s+(?:du\s+jugement|de\s+la\s+décision)\s+(?:de|rendus\s+par)|opinión\s+de\s+la?)\s+"
               rf"{_HONOURABLE}{_STYLED_JUDGE}\s*:?\s*$", re.I),
    # "JUDGMENT of Ms. Justice Farrelly delivered on the 23rd day of September, 2019" (Ireland, England)
    re.compile(rf"^\W*(?:(?:ex\s+tempore|reserved|oral)\s+)?(?:judg(?:e)?ment|ruling|decision)\s+of\s+{_HONOURABLE}{_STYLED_JUDGE}"
               rf"\s+(?:delivered|given)\b", re.I),
    # "CARLA M. OSTRANDER, United States District Judge.", "MOLLOY, District Judge.", "SMITH, Circuit Judge:"
    re.compile(r"^\W*(?P<judge>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}),\s+(?i:(?:(?:united\s+states|u\.\s?s\.|chief|senior)\s+)*"
               r"(?:district|circuit|magistrate|bankruptcy)\s+judge)\s*[.:]?\s*$"),
    # a state appellate court's writer over the opinion: "HALLOWAY, Judge.", "RUSH, Chief Justice."
    re.compile(r"^\W*(?P<judge>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}),\s+(?i:(?:chief\s+|senior\s+|associate\s+)?(?:judge|justice))\s*[.:]\s*$"),
]
# "Written Reasons by:" (or "Reasons for Judgment by:") on a line of its own, the writer on the next.
# The Supreme Court of Canada's "Reasons for Judgment:" over the paragraphs they run to ("(paras. 1 to 27)")
# and the writer; "The judgment of the Court was delivered by" over "Marchetti J. —".
_WRITER_LABEL = re.compile(r"^\W*(?:written\s+)?reasons(?:\s+for\s+judgment)?\s+by\s*:\s*$|^\W*motifs\s+écrits\s+par\s*:\s*$|"
                           r"^\W*reasons\s+for\s+judgment\s*:\s*(?:\((?:paras?|paragraphs?)\.?\s[^()]{1,40}\))?\s*$|"
                           r"^\W*(?:the\s+)?(?:judgment|opinion|reasons\s+for\s+judgment)\s+of\s+the\s+court\s+(?:was|were)\s+delivered\s+by\s*:?\s*$",
                           re.I)
# "(paras. 1 to 27)" on a line of its own under the label.
_PARAGRAPHS_RUN = re.compile(r"^\W*\((?:paras?|paragraphs?)\.?\s[^()]{1,40}\)\s*$", re.I)
_STYLED_JUDGE_LINE = re.compile(rf"^\W*{_HONOURABLE}{_STYLED_JUDGE}\s*[,:]?\s*$", re.I)

# The Commonwealth's style after a judge's name: J (judge), JA (of appeal), AJ and AJA (acting),
# JP and DJP (judge president, deputy), ADJP, CJ and DCJ (chief justice, deputy).
_POSTNOMINALS = ("ADJP", "AJA", "AJP", "DJP", "DCJ", "CJ", "JP", "JA", "AJ", "J")
_POSTNOMINAL = "(?:" + "|".join(_POSTNOMINALS) + ")"
# Canada's are dotted: "Marchetti J.", "Thibodeau C.J.", "Dufresne J.A.".
_DOTTED_POSTNOMINAL = r"(?:C\.\s?J\.|J\.\s?A\.|J\.)"
# Hong Kong's "Hon Ho JA (giving the Judgment of the Court):": the style before the name is no part of it.
_NAMED_WITH_POSTNOMINAL = (
    rf"(?:(?:The\s+)?Hon(?:ourable|\.)?\s+)?(?P<judge>(?:[A-Z]\.\s?){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}},?\s+(?:{_DOTTED_POSTNOMINAL}|{_POSTNOMINAL}\b))"
)
_JUDGMENT_HEADING = re.compile(r"^\W*(?:ex\s+tempore\s+|reasons\s+for\s+|supplementary\s+)?judg(?:e)?ment(?:\s*\([^()]{1,40}\))?\W*$", re.I)
# New Zealand's heading names the writer itself: "JUDGMENT OF HARLAND J", "RESERVED JUDGMENT OF
# ELLIS J [Costs]", "JUDGMENT (NO 2) OF PALMER J".
_JUDGMENT_OF_WRITER = re.compile(
    rf"^\W*(?:(?:reserved|oral|interim|ex\s+tempore|supplementary)\s+)?judg(?:e)?ment\s+(?:\([^()]{{1,40}}\)\s+)?of\s+"
    rf"{_NAMED_WITH_POSTNOMINAL}(?:\s*\[[^\[\]]{{1,40}}\]|\s*\([^()]{{1,60}}\))?\s*[.:]?\s*$", re.I)
# The writer's line under it, case kept (the postnominal is in capitals): "KRUGER-NDLOVU J",
# "Mocumie JA (Molemela and Makgoka JJA concurring):", "M. KRUGER-NDLOVU, J".
# "Marchetti J. (Thibodeau C.J. and Okafor-Leduc, Halvorsen and Bélanger JJ. concurring)", "Marchetti J. —".
_WRITER_UNDER_HEADING = re.compile(rf"^\W*{_NAMED_WITH_POSTNOMINAL}(?:\s*\([^()]{{1,200}}\))?\s*[:—–-]?\s*$")
# Singapore's and Malaysia's judgments open with the writer's line and no heading over it, a
# colon closing it: "Lim Kah Hui J:", "Sundaresh Menon CJ (delivering the grounds of decision of the court):".
_WRITER_LINE_WITH_COLON = re.compile(rf"^\W*{_NAMED_WITH_POSTNOMINAL}(?:\s*\([^()]{{1,200}}\))?\s*:\s*$")
_LINES_UNDER_HEADING = 2

HEAD_LINES = 120
"""The writer is named in the judgment's head; a line further down quoting another court is not."""


def opinion_writer(lines: list[str]) -> str | None:
    """The judge the head names as the opinion's writer, styled as written ("Mr. Justice Hartwell")."""
    lines = [_unspaced(" ".join(line.split())) for line in lines[:HEAD_LINES]]
    for index, line in enumerate(lines):
        for pattern in (*_WRITER_LINES, _JUDGMENT_OF_WRITER, _WRITER_LINE_WITH_COLON):
            match = pattern.match(line)
            if match:
                return _styled(match.group("judge"))
        if _WRITER_LABEL.match(line):
            following = next((later for later in lines[index + 1:index + 4] if later and not _PARAGRAPHS_RUN.match(later)), "")
            match = _STYLED_JUDGE_LINE.match(following) or _WRITER_UNDER_HEADING.match(following)
            if match:
                return _styled(match.group("judge"))
        if _JUDGMENT_HEADING.match(line):
            for following in [later for later in lines[index + 1:index + 6] if later][:_LINES_UNDER_HEADING]:
                match = _WRITER_UNDER_HEADING.match(following) or _STYLED_JUDGE_LINE.match(following)
                if match:
                    return _styled(match.group("judge"))
    return None


# India's and Word's judgment templates letter-space the heading: "J U D G M E N T".
_LETTER_SPACED = re.compile(r"^(?P<lead>\W*)(?P<letters>[^\W\d_](?: [^\W\d_]){3,})(?P<trail>\W*)$")


def _unspaced(line: str) -> str:
    """"J U D G M E N T" -> "JUDGMENT"; any other line as it is."""
    match = _LETTER_SPACED.match(line)
    return match.group("lead") + match.group("letters").replace(" ", "") + match.group("trail") if match else line


# A court's field for the judgment's writer: courts.ie's "Judgment by:" / "Farrelly J."; the judge
# rapporteur who drafts it, as Portugal's and Spain's databases name the field ("Relator:" | "MARIA
# HELENA SARMENTO" on dgsi.pt, "Ponente:" on CENDOJ).
WRITER_FIELD_LABEL = re.compile(r"^\W*(?:(?:judg(?:e)?ment|opinion|decision|ruling)(?:\s+(?:delivered|given|written))?\s+by"
                                r"|(?:ju[ií]za?\s+)?relatora?|(?:magistrad[oa]\s+)?ponente)\s*[:：]?\s*$", re.I)

# A court's field for its panel: "Coram: Kruger-Ndlovu J", "Judges: AK Ndirangu-Obuya".
# Hong Kong's front sheet: "Before:" | "Deputy High Court Judge Leung Wai-man in Court".
PANEL_LABEL = re.compile(r"^\W*(?:judges?|judge\(s\)|justices?|coram|bench|quorum|before)\s*[:：]?\s*$", re.I)
_PANEL_LINE = re.compile(r"^\W*(?:judges?|judge\(s\)|coram|quorum)\s*[:：]\s*(?P<value>\S.*)$", re.I)
_PANEL_SEPARATOR = re.compile(r"\s*[;,]\s*(?:and\s+)?|\s+(?:and|&)\s+")
# ...and a Spanish court's courtesy before a judge's name ("Doña Matilde Corbalán Ruiz", "Excmo. Sr. D. …").
_STYLE_PREFIX = re.compile(r"^(?:(?:the\s+)?hon(?:ou)?(?:rable|\.)?|(?:excm[oa]\.?\s+)?(?:sra?\.?\s+)?(?:don|doña|dña\.|dª|d\.))\s+", re.I)
# A judicial office before the name, not part of it: Hong Kong's "Deputy High Court Judge Leung
# Wai-man", "Deputy District Judge Chan"; and where the judge sat, after it: "… in Court", "… in Chambers".
# An office before the name: "District Judge", and Scotland's "Appeal Sheriff", "Sheriff Principal", "Sheriff".
_OFFICE_PREFIX = re.compile(r"^(?:(?:deputy\s+)?(?:high\s+court|district|circuit|county\s+court)\s+judge|"
                            r"(?:appeal\s+)?sheriff(?:\s+principal)?)\s+", re.I)
_SITTING_SUFFIX = re.compile(r"\s+in\s+(?:open\s+)?(?:court|chambers)$", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z]\.?){1,3}$|^[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*\.?$")
_PARTICLES = {"van", "von", "de", "der", "du", "le", "la", "da", "di", "del", "dos"}
_NOT_JUDGE_WORDS = {"court", "tribunal", "division", "chamber", "bench", "full", "section", "registrar", "magistrate",
                    "high", "supreme", "appeal", "appeals", "the", "of", "no", "yes", "none", "n/a", "all"}
PANEL_MAX_CHARS = 200


def panel_names(value: str) -> list[str]:
    """The judges a panel field names, styled as written; [] unless every part is a judge's name."""
    value = " ".join(value.split())
    if not value or len(value) > PANEL_MAX_CHARS:
        return []
    # "M. KRUGER-NDLOVU, J": the style, not a name of its own ("HI Ong'udi, JA Makau": JA's initials)
    value = re.sub(rf",\s*(?={_POSTNOMINAL}\s*(?:$|[;,]|\s(?:and|&)\s))", " ", value)
    names = []
    for piece in _PANEL_SEPARATOR.split(value):
        piece = _STYLE_PREFIX.sub("", piece.strip(" .")).strip()
        piece = _OFFICE_PREFIX.sub("", _SITTING_SUFFIX.sub("", piece)).strip()
        styled = _STYLED_JUDGE_LINE.match(piece)
        if styled:
            names.append(_styled(styled.group("judge")))
            continue
        tokens = piece.split()
        if not 2 <= len(tokens) <= 5 or any(token.lower().strip(".") in _NOT_JUDGE_WORDS for token in tokens):
            return []
        if not all(_NAME_TOKEN.match(token) or token in _PARTICLES or token in _POSTNOMINALS for token in tokens):
            return []
        names.append(_styled(piece))
    return names


def panel(lines: list[str]) -> list[str]:
    """The judges of the first "Coram:" or "Judges:" line of the head."""
    for line in lines[:HEAD_LINES]:
        match = _PANEL_LINE.match(" ".join(line.split()))
        if match:
            return panel_names(match.group("value"))
    return []


def _styled(judge: str) -> str:
    """"MR. JUSTICE HARTWELL" -> "Mr. Justice Hartwell"; a name in mixed case is kept as written."""
    judge = judge.strip(" ,:")
    if not judge.isupper():
        return judge
    return " ".join(word if word.strip(",") in _POSTNOMINALS else "-".join(part.capitalize() for part in word.split("-"))
                    for word in judge.split())


# The judge who drafted the decision, as an Italian court signs it at its end: "Ilaria BONFADINI, Redattore"
# (the Corte costituzionale), "Mario ROSSI, Estensore" (the Consiglio di Stato, the Cassazione).
_SIGNED_AS_WRITER = re.compile(
    r"^\W*(?P<judge>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,4})\s*,\s*(?:redattore|redattrice|estensore|relatore|relatrice)\W*$",
    re.I)
SIGNATURE_LINES = 40
"""The signatures close the decision: its last lines."""


# An American appellate opinion signed by its writer, the office on the line under the name: "Judy C.
# Hartwell" / "Justice" (the Texas courts of appeals' memorandum opinions), "… / Chief Justice".
# A Czech or Slovak senate's presiding judge signs "JUDr. Marek Doležal" / "předseda senátu".
_OFFICE_UNDER_NAME = re.compile(r"^\W*(?:(?:(?:chief|associate|presiding|senior|circuit|district)\s+)?(?:justice|judge)"
                                r"|předsed(?:a|kyně) senátu|predsed(?:a|níčka) senátu)\W*$", re.I)
# A degree before the name is no part of it: "JUDr.", "Mgr.", "Dr.", "Prof.", "Ing.", "doc."
_DEGREES = re.compile(r"^(?:(?:JUDr|Mgr|Dr|Prof|Ing|doc|PhDr|RNDr)\.\s*)+")
_SIGNED_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\.?)(?:\s+(?:[A-Z][\w'’-]*\.?|(?:de|van|von|del|da)\b)){1,4}$")


# A Dutch judgment's closing formula: "Deze uitspraak is gedaan door mr. E.M. Hoekstra, rechter, in
# aanwezigheid van mr. T. Wierenga, griffier." (the clerk is no writer), "… door mr. A. de Vries, voorzitter, …".
_DUTCH_DECIDED_BY = re.compile(
    r"\buitspraak is gedaan door (?:mr\.\s*)?(?P<judge>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|de|der|den|ter|ten)){0,4}),"
    r"\s+(?:rechter|voorzitter|kantonrechter|raadsheer|lid van de enkelvoudige kamer)\b")


def signing_writer(lines: list[str]) -> str | None:
    """The judge the decision's signatures name as its drafter, or None."""
    last = [" ".join(line.split()) for line in lines[-SIGNATURE_LINES:]]
    for line in last:
        match = _SIGNED_AS_WRITER.match(line) or _DUTCH_DECIDED_BY.search(line)
        if match:
            return match.group("judge")
    for name, office in zip(last, last[1:]):
        name = _DEGREES.sub("", name)
        if _OFFICE_UNDER_NAME.match(office) and _SIGNED_NAME.match(name):
            return _styled(name)
    return None
