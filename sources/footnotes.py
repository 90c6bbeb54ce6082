"""Footnotes: definitions joined to their markers, classified, and resolved.

Resolution is CSL's position logic run backwards. "Ibid." is the previous note's
source; "op. cit." is the last earlier note by the same author (and, among
several works by that author, the one whose title the note abbreviates); a bare
"op. cit." can only be a guess at the most recent reference, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from rapidfuzz import fuzz, process

from claimdesk.sources.blocks import Block
from claimdesk.sources.inline import EMPHASIS_MARK, render_inline
from claimdesk.sources.model import Footnote, Reference
from claimdesk.sources.references import (
    CaseCitation,
    analyse_note,
    looks_like_unparsed_citation,
    reads_as_prose,
    cases_cited,
    case_short_form,
    citation_locator,
    cited_note,
    ends_with_ibid,
    fold,
    op_cit_key,
    op_cit_names,
    surname,
    works_cited,
)
from claimdesk.sources.report_matching import normalise_name

_URL = re.compile(r"https?://[^\s<>\"”]+|www\.[^\s<>\"”]+")
_CITING_KINDS = ("reference", "url")


def build_footnotes(notes: list[Block], markers: list[tuple[int | str, int]], warnings: list[str]) -> tuple[list[Footnote], list[tuple[int | str, int]]]:
    """Footnotes in document order, and the dangling markers (no definition)."""
    footnotes: list[Footnote] = []
    by_label: dict[int | str, Footnote] = {}
    taken = {block.label for block in notes}
    copies: set[int | str] = set()
    for block in notes:
        label = block.label
        if label in by_label:
            label = _copy_label(block.label, taken)
            taken.add(label)
            copies.add(label)
            warnings.append(f"footnote {block.label} is defined twice; both kept, the second as note {label!r}"
                            if label == f"{block.label}-2" else
                            f"footnote {block.label} is defined again; all kept, this one as note {label!r}")
        footnote = _footnote(label, block.text)
        by_label[label] = footnote
        footnotes.append(footnote)
    dangling = []
    for label, offset in markers:
        if label in by_label:
            by_label[label].marker_offsets.append(offset)
        else:
            dangling.append((label, offset))
            warnings.append(f"marker {label} at offset {offset} has no footnote text (dangling marker)")
    for footnote in footnotes:
        # A second definition never has a marker of its own; the "defined twice" warning already says so.
        if not footnote.marker_offsets and footnote.number not in copies:
            warnings.append(f"footnote {footnote.number} has no marker in the text (orphan footnote)")
    _resolve(footnotes, warnings)
    return footnotes, dangling


def _copy_label(label: int | str, taken: set[int | str]) -> str:
    """The label of a second (third...) definition of ``label``: "3-2", "3-3", ...

    A note's text is never dropped, so a repeated definition becomes a note of its
    own. Its label is a str, which no numbered marker can ever be: the text's
    markers keep pointing at the first definition (the one that came first in the
    document, and the one readers see first), and the copy can never capture a
    marker by accident. The suffix counts the definitions ("3-2" is the second
    note 3) and skips any label the document already uses, so a pandoc note
    named "3-2" keeps its own. Stored labels are JSON, and the store sorts str
    labels after the numbered ones, so nothing downstream needs to know.
    """
    count = 2
    while f"{label}-{count}" in taken:
        count += 1
    return f"{label}-{count}"


_ORPHAN_LABEL_PUNCTUATION = re.compile(r"^[.,;:)]\s+(?=\S)")


def _footnote(label: int | str, text: str) -> Footnote:
    marked = _repair_broken_urls(re.sub(r"\s+", " ", render_inline(text, emphasis=True)).strip())
    printed_label = f"[{label}] "
    if marked.startswith(printed_label) and len(marked) > len(printed_label):
        # wagtail-footnotes and some CMSs print the note's own label in its text: "[3] Ibid. …"
        marked = marked[len(printed_label):]
    # The punctuation of a label the reader kept as the note's number ("<a href=#ref1>1</a>. Ibid.") or
    # between two back-links ("1), 5) Archief …"): what is left of the apparatus, never a sentence's start.
    marked = _ORPHAN_LABEL_PUNCTUATION.sub("", marked, count=1)
    footnote = Footnote(number=label, text=marked.replace(EMPHASIS_MARK, ""))
    # Endnotes printed as paragraphs often repeat their number ("3. Ibid., p. 4."): the text keeps it
    # (it may be the note's own figure: note 5 can cite "5 U.S.C. § 552"), the reading of the note does not.
    unlabelled = _without_printed_number(label, marked)
    footnote.kind, footnote.reference = _classify(_without_printed_number(label, footnote.text),
                                                  unlabelled.replace(EMPHASIS_MARK, "*"))
    return footnote


def _without_printed_number(label: int | str, text: str) -> str:
    """The note's text after its own number printed at its start ("3. ", "3) ", "3 ")."""
    printed = re.match(rf"{re.escape(str(label))}[.)]?\s+(?=\S)", text)
    return text[printed.end():] if printed else text


def _repair_broken_urls(text: str) -> str:
    """PDF converters break URLs at percent escapes: "larussie% C2% A0-8.html"."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"(https?://\S*%)\s+([0-9A-Fa-f]{2})", r"\1\2", text)
    return text


def _classify(text: str, emphasised: str) -> tuple[str, Reference | None]:
    kind, reference = analyse_note(emphasised)
    if kind == "reference":
        return ("reference", reference) if reference else ("note", None)
    if kind == "url":
        url = _URL.search(text)
        return "url", Reference(url=url.group(0).rstrip(".,;)>") if url else None)
    return kind, None


_SURNAME_PART_MIN = 3
"""Shorter parts of a compound surname ("y", "de", "da") name nobody."""


class _CitationHistory:
    """The works cited so far, most recent last, and indexed by author surname and case party.

    A long report has thousands of notes; looking an op. cit. up by surname keeps
    resolution linear instead of rescanning every earlier note each time.
    """

    def __init__(self) -> None:
        self.recent: dict[int, Footnote] = {}
        self.by_surname: dict[str, dict[int, Footnote]] = {}
        self.cases: list[tuple[CaseCitation, Footnote, Reference]] = []
        self._case_checked: set[int] = set()

    def cite(self, root: Footnote) -> None:
        key = id(root)
        self.recent.pop(key, None)
        self.recent[key] = root
        for author in root.reference.authors if root.reference else []:
            name = normalise_name(surname(author) or "")
            # A compound surname ("Lafuente Sancho, María", "Ortega y Gasset") is cited by either
            # part too; so is the word before the last of a name of three ("María Lafuente Sancho").
            parts = [part for part in name.split() if len(part) >= _SURNAME_PART_MIN] if " " in name else []
            words = author.split()
            if "," not in author and len(words) >= 3 and words[-2][:1].isupper() and len(words[-2]) >= _SURNAME_PART_MIN:
                parts.append(normalise_name(words[-2]))
            for key_name in filter(None, [name, *parts]):
                works = self.by_surname.setdefault(key_name, {})
                works.pop(key, None)
                works[key] = root
        if root.kind == "reference":
            self.remember_cases(root)

    def remember_cases(self, note: Footnote) -> None:
        """The cases a note cites in full, for a later short form ("Carver, supra") to find, also
        when the note is commentary around them ("52 Stat. 1060 … The point was left open in Carver v. …")."""
        key = id(note)
        if key not in self._case_checked:
            self._case_checked.add(key)
            self.cases.extend((case, note, reference) for case, reference in cases_cited(note.text))

    def most_recent(self) -> Footnote | None:
        return next(reversed(self.recent.values()), None)

    def works_by(self, wanted: str, limit: int | None = None) -> list[Footnote]:
        """Works by an author, most recent first (at most limit); the surname may be spelt differently."""
        name = normalise_name(wanted)
        works = self.by_surname.get(name)
        if works is None and self.by_surname:
            best = process.extractOne(name, list(self.by_surname), scorer=fuzz.ratio, score_cutoff=80)
            works = self.by_surname[best[0]] if best else None
        return list(islice(reversed(works.values()), limit)) if works else []

    def latest(self, limit: int) -> list[Footnote]:
        return list(islice(reversed(self.recent.values()), limit))

    def cases_named(self, short: CaseCitation) -> list[tuple[CaseCitation, Footnote, Reference]]:
        """Earlier full citations of a case a short form names by a party, most recent first."""
        (wanted,) = short.parties[:1] or [""]
        return [(case, root, reference) for case, root, reference in reversed(self.cases)
                if wanted and any(party == wanted or party.startswith(wanted + " ") for party in case.parties)]


# An abbreviated title is looked for among this many of the latest works.
_TITLE_SEARCH_DEPTH = 100


@dataclass
class _Resolution:
    """Where a subsequent note points, how sure that is, and (for a note that cites several works) which work."""

    root: Footnote | None
    guess: bool = False
    why: str | None = None
    """The warning to give: why the resolution is a guess, or why there is none."""
    reference: Reference | None = None
    """The work within the root note, when it is not the root's own (first) reference."""


def _resolve(footnotes: list[Footnote], warnings: list[str]) -> None:
    """Point every ibid and op. cit. (and supra, a.a.O., short case form) at the root note that holds the full reference."""
    history = _CitationHistory()
    earlier: dict[int | str, Footnote] = {}
    previous: Footnote | None = None
    previous_root: Footnote | None = None  # the work the previous note cites, which an ibid repeats
    for footnote in footnotes:
        if footnote.kind == "note" and ends_with_ibid(footnote.text):
            footnote.kind = "ibid"  # the note's source is the work before, though it opens with commentary
        named = _named_short_form(footnote, history, earlier) if footnote.kind in _NAMED_SHORT_FORM_KINDS else None
        if named is not None:
            footnote.kind = "op_cit"
            previous_root = _apply(footnote, named, history, warnings)
        elif footnote.kind in _CITING_KINDS:
            full = _full_form(footnote, history)
            if full is not None:
                # Chicago's short form ("Karabeg, “An Unfinished Convention,” 214."): a reference that
                # names the work of an earlier note; an Ibid. after it repeats that work too.
                footnote.resolves_to = full.number
                footnote.reference = replace(full.reference, locator=citation_locator(footnote.text) or footnote.reference.locator)
                history.cite(full)
                previous_root = full
            else:
                history.cite(footnote)
                previous_root = footnote
        elif footnote.kind in ("ibid", "op_cit"):
            if footnote.kind == "ibid":
                found = _ibid_root(footnote, previous, previous_root, history)
            else:
                found = _short_form_root(footnote, history, earlier)
            previous_root = _apply(footnote, found, history, warnings)
        else:
            # Commentary has no work for an Ibid. to repeat; a citation we could not parse has, and so
            # has commentary that cites a work after a semicolon ("…was 19.4 per cent; Bee Unit, *Survey* (2024), p. 5.").
            previous_root = footnote if looks_like_unparsed_citation(footnote.text) or works_cited(footnote.text) else None
            history.remember_cases(footnote)
        earlier.setdefault(footnote.number, footnote)
        previous = footnote


# The Commonwealth courts' short form: a note opens with the name an earlier note gave the work
# and a pinpoint, "SAFA at [31]–[33]." (note 1 cited "Statement of Agreed Facts … (SAFA)"),
# "Wilkins at [41]" (note 2 cited "Wilkins v Coastal Appliance Group Pty Ltd (2019) 271 FCR 404").
# Only a name an earlier note defined or cited as a case: "Meeting at 10 am" names nothing.
_NAMED_SHORT_FORM = re.compile(r"^\W*(?:see(?: also)?\s+)?(?P<name>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}),?\s+at\s+"
                               r"(?:\[\d|paras?\.?\s*\d|pp?\.?\s*\d|\d)")
_NAMED_SHORT_FORM_KINDS = ("note", "reference", "url")


def _named_short_form(footnote: Footnote, history: _CitationHistory, earlier: dict[int | str, Footnote]) -> _Resolution | None:
    opening = _NAMED_SHORT_FORM.match(footnote.text)
    if opening is None or " v " in opening.group("name"):
        return None
    name = opening.group("name").rstrip(".")
    defined = re.compile(rf"\((?:the\s+|hereafter\s+|hereinafter\s+)?[\"“‘']?{re.escape(name)}[\"”’']?\)"
                         rf"|\b(?:hereafter|hereinafter)[,:]?\s+(?:cited as\s+|referred to as\s+)?[\"“‘']?{re.escape(name)}\b")
    for note in islice(reversed(earlier.values()), _TITLE_SEARCH_DEPTH):
        if defined.search(note.text):
            root = earlier.get(note.resolves_to, note) if note.kind in ("ibid", "op_cit") else note
            return _Resolution(root)
    cases = history.cases_named(CaseCitation(name))
    if cases:
        _, root, reference = cases[0]
        return _Resolution(root, reference=reference)
    return None


_SHORT_TITLE_WORDS_MIN = 2
"""A short title of one word ("Report") would name too many works."""


def _full_form(footnote: Footnote, history: _CitationHistory) -> Footnote | None:
    """The earlier note holding the full reference that this one gives in short form, else None.

    A short form names the first author's surname and the opening words of the title, and no
    year, publisher or address: the latest earlier work whose first author and title agree."""
    short = footnote.reference
    if short is None or not short.authors or not short.title or short.year or short.url or (
            short.container and not _comment_after_locator(footnote.text, short)):
        return None
    title = _title_words(short.title)
    if len(title) < _SHORT_TITLE_WORDS_MIN:
        return None
    for earlier in history.works_by(surname(short.authors[0]) or short.authors[0], limit=_TITLE_SEARCH_DEPTH):
        full = earlier.reference
        # The full form gives the year: an earlier note without one may be a short form itself.
        if earlier is footnote or full is None or not full.authors or not full.year:
            continue
        same_author = normalise_name(surname(full.authors[0]) or "") == normalise_name(surname(short.authors[0]) or "")
        if same_author and _title_words(full.title or "")[:len(title)] == title:
            return earlier
    return None


def _comment_after_locator(text: str, reference: Reference) -> bool:
    """"…, *Route 7 Frequent Corridor*, p. 51. The auditor's regional comparison…": what was read as the
    container is the sentence after the citation's page, the note's comment on it."""
    page = text.find(reference.locator) if reference.locator else -1
    return page >= 0 and text.find(reference.container, page + len(reference.locator)) > page


def _title_words(title: str) -> list[str]:
    """A title's words, casefolded, without the article a short title may drop ("The Drainage …" -> "Drainage …")."""
    words = re.findall(r"\w+", title.casefold())
    return words[1:] if len(words) > 1 and words[0] in _LEADING_ARTICLES else words


_LEADING_ARTICLES = {"the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "los", "las", "il", "lo", "de", "het"}


def _apply(footnote: Footnote, found: _Resolution, history: _CitationHistory, warnings: list[str]) -> Footnote | None:
    """Record a resolution on the note and give its warning; the root becomes the latest work cited."""
    if found.why:
        warnings.append(f"footnote {footnote.number}: {found.why}")
    if found.root is None:
        return None
    root = found.root
    footnote.resolves_to = root.number
    footnote.resolution_guess = found.guess
    reference = found.reference or root.reference
    if reference:
        footnote.reference = replace(reference, locator=citation_locator(footnote.text))
    history.cite(root)
    return root


_LEGAL_ID = re.compile(r"\W*Id\b")


def _ibid_root(footnote: Footnote, previous: Footnote | None, previous_root: Footnote | None,
               history: _CitationHistory) -> _Resolution:
    """Ibid. is the previous note's work; with commentary between, or several works before it, a guess."""
    if previous_root is None and previous is not None and previous.kind == "note" and \
            (not reads_as_prose(previous.text) or not _LEGAL_ID.match(footnote.text)):
        # "Ex. D to the Complaint." then "Id. at 5.": Id. repeats the note right before it. So does an
        # Ibid. after a note of commentary ("Administrative data were provided under agreements with …"
        # then "Ibid. Match rates were 81 percent."): it says "the same place", and the place is that
        # note, whatever work was cited before it. Not so a court's "Id." after prose, which as often
        # repeats an authority cited in the text.
        return _Resolution(previous, True, f"ibid after footnote {previous.number}, which was not read as a reference: "
                                           f"taken as its source (a guess)")
    if previous_root is None:
        root = history.most_recent()
        if root is None:
            return _Resolution(None, why="ibid with no earlier reference to point to")
        return _Resolution(root, True, f"ibid resolved to footnote {root.number} by position alone (a guess)")
    if previous is not None and len(works_cited(previous.text)) > 1:
        return _Resolution(previous_root, True, f"ibid after footnote {previous.number}, which cites several works: "
                                                f"taken as the first of them (a guess)")
    if previous is not None and previous.resolution_guess:
        return _Resolution(previous_root, True, f"ibid repeats footnote {previous.number}, whose resolution is a guess")
    return _Resolution(previous_root)


def _short_form_root(footnote: Footnote, history: _CitationHistory, earlier: dict[int | str, Footnote]) -> _Resolution:
    """The work an op. cit., a.a.O., supra or short case form repeats."""
    pointer = cited_note(footnote.text)
    if pointer:
        found = _noted_root(footnote, pointer, earlier)
        if found:
            return found
        root, _ = _op_cit_root(footnote.text, history)
        why = f"names note {pointer[0]}, which is not an earlier note"
        return _Resolution(root, root is not None, f"{why}; resolved to footnote {root.number} by author or position "
                                                   f"instead (a guess)" if root else why)
    case = case_short_form(footnote.text)
    if case:
        return _case_root(case, history)
    root, guess = _op_cit_root(footnote.text, history)
    if guess or root is None:
        root, guess = _opening_root(footnote.text, earlier) or (root, guess)
    if guess or root is None:
        titled = _titled_root(footnote.text, earlier)
        if titled is not None:
            return _Resolution(titled)
    if guess or root is None:
        mentioning = _mentioning_root(footnote.text, earlier)
        if mentioning:
            return _Resolution(mentioning, True, f"op. cit. resolved to footnote {mentioning.number}, the latest note "
                                                 f"that names its author in passing (a guess)")
    if guess or root is None:
        named = _named_root(footnote.text, earlier)
        if named:
            return _Resolution(named, True, f"op. cit. resolved to footnote {named.number}, the latest note naming "
                                            f"{', '.join(op_cit_names(footnote.text))} as it does (a guess)")
    if root is None:
        return _Resolution(None, why="op. cit. with no earlier reference to point to")
    return _Resolution(root, guess, f"op. cit. resolved to footnote {root.number} by position alone (a guess)" if guess else None)


def _opening_root(text: str, earlier: dict[int | str, Footnote]) -> tuple[Footnote, bool] | None:
    """The latest earlier note that opens with the name an op. cit. gives, when the full
    citation was not read as a reference: "Deutsches Institut für Kommunalfinanzen,
    a. a. O., S. 44." repeats the note that opens "Deutsches Institut für Kommunalfinanzen,"."""
    _, name = op_cit_key(text)
    if not name:
        return None
    wanted = normalise_name(name)
    for note in islice(reversed(earlier.values()), _TITLE_SEARCH_DEPTH):
        if note.kind == "note" and normalise_name(note.text.split(",", 1)[0]) == wanted:
            return note, False
    return None


# A work's title between the book-title marks of Chinese and Japanese: 《…》, 『…』, 「…」.
_MARKED_TITLE = re.compile(r"《[^《》\n]{1,200}》|『[^『』\n]{1,200}』|「[^「」\n]{1,200}」")


def _titled_root(text: str, earlier: dict[int | str, Footnote]) -> Footnote | None:
    """The latest earlier note giving the title an op. cit. names between book-title marks:
    "前引《本市交通年报》，第 15 页。" repeats the note that cites 《本市交通年报》 in full."""
    title = _MARKED_TITLE.search(text)
    if title is None:
        return None
    for note in islice(reversed(earlier.values()), _TITLE_SEARCH_DEPTH):
        if note.kind in ("note", "reference", "url") and title.group() in note.text:
            return note
    return None


def _mentioning_root(text: str, earlier: dict[int | str, Footnote]) -> Footnote | None:
    """The latest earlier note naming the op. cit.'s author inside commentary, which cites the work in
    passing: "…is in Sir Ralph Payne-Gallwey's Book of Duck Decoys (1886)…" for "Payne-Gallwey, op. cit."."""
    wanted, _ = op_cit_key(text)
    if not wanted:
        return None
    for note in islice(reversed(earlier.values()), _TITLE_SEARCH_DEPTH):
        if note.kind == "note" and f" {wanted} " in f" {fold(note.text)} ":
            return note
    return None


def _named_root(text: str, earlier: dict[int | str, Footnote]) -> Footnote | None:
    """The latest earlier note (not itself a short form) naming every capitalised word by which an op. cit.
    with no author names its work: "Compare the Corporation returns, op. cit." repeats "Minutes of the
    Corporation of Arnmouth, 1820-1864", not the commentary cited last."""
    if op_cit_key(text)[0]:
        return None
    names = op_cit_names(text)
    if not names:
        return None
    for note in islice(reversed(earlier.values()), _TITLE_SEARCH_DEPTH):
        if note.kind in ("note", "reference") and all(re.search(rf"\b{re.escape(name)}\b", note.text) for name in names):
            return note
    return None


def _noted_root(footnote: Footnote, pointer: tuple[str, bool], earlier: dict[int | str, Footnote]) -> _Resolution | None:
    """"Smith, supra note 3": the root of note 3, following its own ibid or op. cit.; None when there is no earlier note 3."""
    label, several_notes = pointer
    target = earlier.get(int(label)) or earlier.get(label)
    if target is None:
        return None
    root = target
    if target.kind in ("ibid", "op_cit") and target.resolves_to is not None:
        root = earlier.get(target.resolves_to, target)
    if several_notes:
        return _Resolution(root, True, f"names several notes from note {label}: taken as note {label} (a guess)")
    works = works_cited(root.text)
    if len(works) < 2:
        return _Resolution(root)
    wanted = op_cit_key(footnote.text)[0]
    for work in works:
        if wanted and any(normalise_name(surname(author) or "") == normalise_name(wanted) for author in work.authors):
            return _Resolution(root, reference=work)
    return _Resolution(root, True, f"note {label} cites several works: taken as the first of them (a guess)")


def _case_root(case: CaseCitation, history: _CitationHistory) -> _Resolution:
    """A short case form names the case by a party; its volume and reporter confirm the decision."""
    named = history.cases_named(case)
    for full, root, reference in named:
        if (full.volume, fold(full.reporter or "")) == (case.volume, fold(case.reporter or "")):
            return _Resolution(root, reference=reference)
        if case.volume is None and len(case.parties) > 1 and full.parties == case.parties:
            return _Resolution(root, reference=reference)  # "Carver v. Platte Valley Irrigation Co., supra": both parties
    if named:
        _, root, reference = named[0]
        why = (f"short citation of {case.name} ({case.volume} {case.reporter}) matches footnote {root.number} "
               f"by party name only (a guess)")
        return _Resolution(root, True, why, reference)
    return _Resolution(None, why=f"short citation of {case.name} with no earlier full citation of that case")


def _op_cit_root(text: str, history: _CitationHistory) -> tuple[Footnote | None, bool]:
    """The last earlier work by the note's author; among several, the one its title abbreviates."""
    wanted_surname, short_title = op_cit_key(text)
    # The latest works by that author only: a long report cites one author thousands of
    # times, and an op. cit. abbreviates a work cited not long before.
    candidates = history.works_by(wanted_surname, _TITLE_SEARCH_DEPTH) if wanted_surname else []
    author_found = bool(candidates)
    if not candidates:
        candidates = history.latest(_TITLE_SEARCH_DEPTH)
    if not candidates:
        return None, False
    if short_title and not author_found:
        # "Observatorio Municipal de la Vivienda, op. cit.": an organisation names its own work.
        wanted = normalise_name(short_title)
        by_organisation = [c for c in candidates if c.reference and any(normalise_name(a) == wanted for a in c.reference.authors)]
        if by_organisation:
            return by_organisation[0], False
    if short_title and len(candidates) > 1:
        titled = [c for c in candidates if c.reference and c.reference.title]
        best = process.extractOne(
            short_title.lower(), [c.reference.title.lower() for c in titled], scorer=fuzz.partial_ratio, score_cutoff=70
        )
        if best:
            return titled[best[2]], False
    if author_found and len(candidates) > 1:
        # "Holloway, op. cit." names a work cited under Holloway's name: her own before
        # the later "Varga, T. and Holloway, M. E.", in which she is the second author.
        first_authored = [c for c in candidates if _first_author_is(c, wanted_surname)]
        if first_authored:
            return first_authored[0], False
    # Without an author to go by, the most recent reference is only a guess.
    return candidates[0], not author_found


def _first_author_is(note: Footnote, wanted_surname: str) -> bool:
    authors = note.reference.authors if note.reference else []
    return bool(authors) and normalise_name(surname(authors[0]) or "") == normalise_name(wanted_surname)
