"""schema.org ClaimReview as JSON-LD: the form search engines and fact-check
aggregators (Google Fact Check Tools, the Duke Reporters' Lab) read.

Only reviewed claims are published: a claim still "unreviewed" has no verdict
to publish. Claims joined by confirmed duplicate links are one claim made in
several reports, so each cluster yields ONE ClaimReview, written on its
representative claim (the reviewed member with the highest confidence, ties to
the earliest created), and ``itemReviewed.appearance`` lists every report of
the cluster, ``firstAppearance`` the earliest by report date.

Rating: ``ratingValue`` comes from the status, not from confidence, because
confidence says how sure the reviewer is, not how true the claim is:

    false 1, disputed 2, unverifiable 3, verified 5   (worstRating 1, bestRating 5)

``alternateName`` carries the verdict in words ("False", "Disputed",
"Unverifiable", "True"), which is what Google shows; the reviewer's note, when
there is one, is the rating's ``ratingExplanation``.

``claimReviewed`` is cut to 75 characters at a word boundary with "…", as
Google recommends; the full quote is in ``itemReviewed.text``.

The publisher (the review's author, an Organization) comes from the caller or
from $CLAIMDESK_PUBLISHER_NAME / $CLAIMDESK_PUBLISHER_URL. Identifiers are URNs
(``urn:claimdesk:review:{id}``) so they stay the same whatever the publisher;
``url`` (publisher url + ``#claim-{id}``) is only written when a url is known.
The reviewer's login is not published: the review speaks for the publisher.
"""

from __future__ import annotations

import os

from claimdesk.exports import register_format
from claimdesk.exports.atomic import write_text_atomic
from claimdesk.exports.csl import is_organisation
from claimdesk.exports.register import Register
from claimdesk.sources.inert import json_for_embedding

REVIEWED = ("verified", "disputed", "false", "unverifiable")
RATINGS = {"false": (1, "False"), "disputed": (2, "Disputed"), "unverifiable": (3, "Unverifiable"), "verified": (5, "True")}
MAX_CLAIM_CHARS = 75


def publisher_from_environment() -> dict:
    return {"name": os.environ.get("CLAIMDESK_PUBLISHER_NAME") or "claimdesk", "url": os.environ.get("CLAIMDESK_PUBLISHER_URL") or None}


def shorten(text: str, limit: int = MAX_CLAIM_CHARS) -> str:
    """At most limit characters, cut at a word boundary and ended with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]  # room for the ellipsis
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]  # drop the half word
    return cut.rstrip(" ,;:.–—-") + "…"


def _agent(name: str) -> dict:
    return {"@type": "Organization" if is_organisation(name) else "Person", "name": name}


def _authors(report: dict) -> list[dict]:
    return [_agent(name) for name in report.get("authors") or []]


def _creative_work(report: dict) -> dict:
    """One report where the claim appears. Reports have no public URL, so the
    report id is its identifier (and, as a URN, its @id)."""
    work = {"@type": "CreativeWork", "@id": f"urn:claimdesk:report:{report['id']}", "identifier": report["id"]}
    if report.get("title"):
        work["name"] = report["title"]
    if report.get("authors"):
        work["author"] = _authors(report)
    if report.get("date"):
        work["datePublished"] = report["date"]
    return work


def _date_sort_key(report: dict) -> tuple:
    # "2020-07" sorts before "2021-07"; an undated report goes last.
    return (report.get("date") is None, report.get("date") or "", report["id"])


def representative(members: list[dict]) -> dict | None:
    """The reviewed member with the highest confidence, else the earliest created."""
    reviewed = [claim for claim in members if claim["status"] in REVIEWED]
    if not reviewed:
        return None
    return min(reviewed, key=lambda c: (-(c["confidence"] or 0), c["created"] or "", c["id"]))


def groups(register: Register) -> list[list[dict]]:
    """Each cluster's claims, then each claim that is in no cluster, alone."""
    by_id = {claim["id"]: claim for claim in register.claims}
    grouped, seen = [], set()
    for cluster in register.clusters:
        members = [by_id[i] for i in cluster if i in by_id]
        seen.update(claim["id"] for claim in members)
        grouped.append(members)
    grouped += [[claim] for claim in register.claims if claim["id"] not in seen]
    return grouped


def claim_review(register: Register, members: list[dict], publisher: dict) -> dict | None:
    claim = representative(members)
    if claim is None:
        return None  # nobody has reviewed any claim of the group yet
    report = register.report(claim["report"]) or {"id": claim["report"]}
    value, verdict = RATINGS[claim["status"]]
    rating = {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": verdict}
    if claim["note"]:
        rating["ratingExplanation"] = claim["note"]

    # Every report of the cluster, once, earliest first.
    reports = {}
    for member in members:
        reports.setdefault(member["report"], register.report(member["report"]) or {"id": member["report"]})
    appearances = [_creative_work(r) for r in sorted(reports.values(), key=_date_sort_key)]

    item = {
        "@type": "Claim",
        # The cluster id is its smallest claim id (as in store.links.cluster_map).
        "@id": f"urn:claimdesk:claim:{min(member['id'] for member in members)}",
        "text": claim["quote"],
        "appearance": appearances,
        "firstAppearance": appearances[0],
    }
    if report.get("authors"):
        item["author"] = _authors(report)
    if report.get("date"):
        item["datePublished"] = report["date"]

    organisation = {"@type": "Organization", "name": publisher["name"]}
    if publisher.get("url"):
        organisation["url"] = publisher["url"]
    review = {
        "@type": "ClaimReview",
        "@id": f"urn:claimdesk:review:{claim['id']}",
    }
    if publisher.get("url"):
        review["url"] = f"{publisher['url'].rstrip('#')}#claim-{claim['id']}"
    review.update(
        {
            "claimReviewed": shorten(claim["quote"]),
            "reviewRating": rating,
            "itemReviewed": item,
            "author": organisation,
            "datePublished": (claim["updated"] or claim["created"] or "")[:10],
        }
    )
    return review


def claim_reviews(register: Register, publisher: dict | None = None) -> dict:
    # Configuration is read at export time, so a changed setting needs no restart.
    publisher = publisher_from_environment() if publisher is None else {"name": "claimdesk", "url": None, **publisher}
    graph = [review for members in groups(register) if (review := claim_review(register, members, publisher))]
    return {"@context": "https://schema.org", "@graph": graph}


@register_format("claimreview")
def write_claimreview(register: Register, path, *, publisher: dict | None = None) -> None:
    document = claim_reviews(register, publisher)
    # Made for <script type="application/ld+json">: "</script" can never appear in it.
    write_text_atomic(path, json_for_embedding(document) + "\n")
