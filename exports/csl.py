"""CSL-JSON: every reference the corpus cites, and the corpus reports themselves.

CSL-JSON is what Zotero, Pandoc (citeproc) and most reference managers read, so
a checker can cite the sources behind the claim register in any style. The
export holds:

* one item per distinct *root* reference (footnotes of kind "reference" or
  "url"; an Ibid. or op. cit. adds nothing new) across every report in the
  register, claimed or not, because the field wants "every reference";
* one item per report of the corpus (type "report").

References are merged when they are the same work: notes that point to the same
corpus report (the parser matched them, even through a misspelt author), the
same normalised authors + title + year, or, for URL-only notes, the same URL.
Site-level addresses such as "www.tass.ru" are never used as a key on their
own, because many different articles share them.

The CSL type is guessed from the note, in this order: a corpus report ->
"report"; URL only -> "webpage"; a journal-looking container or a volume/issue
in the note -> "article-journal"; a newspaper or news agency -> "article-newspaper";
any other note with a URL -> "webpage"; organisations or nobody as authors ->
"report"; otherwise "book". For books and reports the container is the
publisher, for the others the container-title.
"""

from __future__ import annotations

import re
import unicodedata

from claimdesk.exports import register_format
from claimdesk.exports.atomic import write_text_atomic
from claimdesk.exports.register import Register
from claimdesk.sources.inert import json_for_embedding

ROOT_KINDS = ("reference", "url")

# Words that make a name an organisation's, not a person's.
_ORGANISATION_WORDS = re.compile(
    r"\b(authority|commission|directorate|group|association|observatory|institute|institut|ministry|council|agency|"
    r"committee|office|cent(?:re|er)|university|foundation|bank|organi[sz]ation|department|service|board|federation|"
    r"union|society|assembly|government|network|programme|program|project|press|ltd|inc|company|corporation|"
    r"cooperative|fund|trust|partnership|forum|working)\b",
    re.IGNORECASE,
)
# Particles that belong to the family name ("van Beethoven", "de la Cruz").
_PARTICLES = {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "ter", "ten", "bin", "al"}
_JOURNAL = re.compile(
    r"\b(journal|quarterly|review|letters|bulletin|annals|proceedings|studies|notes|magazine|revista|revue|zeitschrift|"
    r"ekonomika|otnosheniia)\b",
    re.IGNORECASE,
)
# "12(4)", "8, no. 1", "Vol. 3", "No. 6": a periodical's volume or issue.
_VOLUME_ISSUE = re.compile(r"\b\d+\s*\(\d+\)|\bno\.\s*\d|\bvol\.\s*\d", re.IGNORECASE)
_NEWSPAPER = re.compile(
    r"\b(gazeta|gazette|courier|times|post|tribune|herald|daily|pravda|news|novosti|noticias|kommersant|vedomosti|"
    r"izvestiia?|pa[ií]s|universal|folha|clar[ií]n|abc|tass|reuters|sputnik|ria|welt|meduza|infobae|finmarket|zvezda|vesti|kur'?er)\b",
    re.IGNORECASE,
)
_PAGE_LOCATOR = re.compile(r"^\s*(?:pp?\.?|pages?)\s*(\d[\d\s–—\-,]*)", re.IGNORECASE)
_TRAILING_PAGES = re.compile(r"(\d+)\s*[–—-]\s*(\d+)\.?\s*$")


# Names ------------------------------------------------------------------------

def is_organisation(name: str) -> bool:
    """A name that reads as an organisation's (no way to ask the author, so a guess)."""
    words = name.split()
    if _ORGANISATION_WORDS.search(name):
        return True
    # One word that is not an initial ("Ifri"), or a long run of words, is rarely a person.
    return len(words) == 1 or (len(words) > 4 and "," not in name)


def csl_name(name: str) -> dict:
    """CSL name object: "A. I. Sizonenko" -> given "A. I.", family "Sizonenko";
    "Evensen, Marit" -> family "Evensen", given "Marit"; organisations -> literal."""
    name = " ".join(name.split())
    if is_organisation(name):
        return {"literal": name}
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"family": family}
    words = name.split()
    # The family name is the last word, with any particles just before it.
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return {"family": " ".join(words[cut:]), "given": " ".join(words[:cut])}


def _plain(text: str | None) -> str:
    """Lower case, accents and punctuation removed: the form two spellings share."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c)).lower()).split())


# Dates and pages -------------------------------------------------------------

def date_parts(date: str | None) -> dict | None:
    """ "2020-07" -> {"date-parts": [[2020, 7]]}, as precise as the source says."""
    if not date:
        return None
    parts = [int(p) for p in re.findall(r"\d+", str(date))[:3]]
    return {"date-parts": [parts]} if parts else None


def page_of(locator: str | None) -> str | None:
    """ "pp. 18-38" -> "18-38"; "p. 6" -> "6"; a non-page locator ("table 2") -> None."""
    if not locator:
        return None
    match = _PAGE_LOCATOR.match(locator) or re.fullmatch(r"\s*(\d[\d\s–—\-]*)\s*", locator)
    return re.sub(r"\s+", "", match.group(1)).strip(",") if match else None


# Items -----------------------------------------------------------------------

def csl_type(note: dict) -> str:
    reference = note["reference"] or {}
    container = reference.get("container") or ""
    authors = reference.get("authors") or []
    if note.get("cites_report"):
        return "report"
    if not reference.get("title") and reference.get("url"):
        return "webpage"
    # Newspapers first: "Vesti Ekonomika" is a news site, not an economics journal.
    if _NEWSPAPER.search(container):
        return "article-newspaper"
    if _JOURNAL.search(container) or _VOLUME_ISSUE.search(note["text"]):
        return "article-journal"
    if reference.get("url"):
        return "webpage"
    if all(is_organisation(a) for a in authors):
        return "report"
    return "book"


def _work_keys(note: dict) -> list[tuple]:
    """The keys under which this note is the same work as another (see module docstring)."""
    reference = note["reference"] or {}
    keys = []
    if note.get("cites_report"):
        keys.append(("report", note["cites_report"]))
    if reference.get("title"):
        families = tuple(sorted(_plain(csl_name(a).get("family") or csl_name(a).get("literal")) for a in reference.get("authors") or []))
        keys.append(("work", families, _plain(reference["title"]), reference.get("year")))
    elif reference.get("url"):
        keys.append(("url", reference["url"].rstrip("/").lower()))
    return keys


def reference_item(report_id: str, note: dict) -> dict:
    reference = note["reference"] or {}
    kind = csl_type(note)
    item: dict = {"id": f"{report_id}-note-{note['number']}", "type": kind}
    if reference.get("title"):
        item["title"] = reference["title"]
    if reference.get("authors"):
        item["author"] = [csl_name(a) for a in reference["authors"]]
    if reference.get("year"):
        item["issued"] = date_parts(reference["year"])
    container = reference.get("container")
    if container:
        # A book's or report's "container" as the parser reads it is who published it.
        item["publisher" if kind in ("book", "report") else "container-title"] = container
    if reference.get("url"):
        item["URL"] = reference["url"]
    page = page_of(reference.get("locator"))
    if page is None and kind == "article-journal":
        trailing = _TRAILING_PAGES.search(note["text"])  # "Journal 8, no. 1 (2020): 3–27."
        page = f"{trailing.group(1)}-{trailing.group(2)}" if trailing else None
    if page:
        item["page"] = page
    item["note"] = f"cited in {report_id} note {note['number']}"
    return item


def report_item(report: dict) -> dict:
    item: dict = {"id": report["id"], "type": "report"}
    if report.get("title"):
        item["title"] = report["title"]
    if report.get("authors"):
        item["author"] = [csl_name(a) for a in report["authors"]]
    if date_parts(report.get("date")):
        item["issued"] = date_parts(report["date"])
    if report.get("publisher"):  # only when the store knows it; never guessed
        item["publisher"] = report["publisher"]
    item["note"] = f"claimdesk report {report['id']}, revision {report['revision']}"
    return item


def csl_items(register: Register) -> list[dict]:
    """The corpus reports first, then each distinct reference in report and note order."""
    items = [report_item(report) for report in register.reports]
    by_key: dict[tuple, dict] = {}
    for report in register.reports:
        for note in register.footnotes.get(report["id"], []):
            if note["kind"] not in ROOT_KINDS or not note.get("reference"):
                continue
            keys = _work_keys(note)
            if not keys:
                continue
            existing = next((by_key[k] for k in keys if k in by_key), None)
            if existing is not None:
                existing["note"] += f"; cited in {report['id']} note {note['number']}"
                for key, value in reference_item(report["id"], note).items():
                    existing.setdefault(key, value)  # a later note may know the URL or page
            else:
                existing = reference_item(report["id"], note)
                items.append(existing)
            for key in keys:
                by_key.setdefault(key, existing)
    return items


@register_format("csl")
def write_csl(register: Register, path) -> None:
    write_text_atomic(path, json_for_embedding(csl_items(register)) + "\n")
