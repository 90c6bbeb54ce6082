"""The passage index of a big report is computed partly in the parsing process while
the report is saved (library._tokens_ahead): whichever process computes a token
string, the index must hold exactly norm_tokens of its sentence."""

from __future__ import annotations

import claimdesk.library as library
from claimdesk.isolated_parse import ParseWorker
from claimdesk.library import import_paths
from claimdesk.store.passages import TokensAhead, norm_tokens

SENTENCES = [
    "Exports of grain rose to US$2.8 billion in 2019, twice the level of 2015.",
    "The Ministry counted one hundred and twelve new wells; 40% were dry.",
    "Über 3,5 Mio. Menschen nutzten die Fähre (laut Bericht, S. 12).",
    "Le trafic a baissé de 12 % entre 2018 et 2020.",
]


def test_the_parsing_process_tokenises_as_this_process_does():
    worker = ParseWorker()
    try:
        assert worker.tokenise(SENTENCES, seconds=60) == [norm_tokens(s) for s in SENTENCES]
    finally:
        worker.close()


def test_tokens_are_used_only_for_the_text_they_were_computed_for():
    waited = []
    ahead = TokensAhead(10, ["Alpha rose 5%.", "Beta fell."], lambda: waited.append(1) or ["alpha rose 5 percent", "beta fell"])
    assert ahead.norm_of(9, "Alpha rose 5%.") is None  # before its share
    assert ahead.norm_of(10, "Alpha rose 6%.") is None  # another text at that ordinal
    assert ahead.norm_of(12, "Gamma.") is None  # past its share
    assert waited == []  # nothing asked of the other process for a text it does not hold
    assert ahead.norm_of(11, "Beta fell.") == "beta fell"
    assert ahead.norm_of(10, "Alpha rose 5%.") == "alpha rose 5 percent"
    assert waited == [1]


def test_tokens_that_could_not_be_had_are_computed_here():
    ahead = TokensAhead(0, ["Beta fell."], lambda: None)
    assert ahead.norm_of(0, "Beta fell.") is None
    short = TokensAhead(0, ["Beta fell.", "Gamma."], lambda: ["beta fell"])  # a truncated reply is not trusted
    assert short.norm_of(0, "Beta fell.") is None


def _big_report(tmp_path, sentences: int):
    lines = ["Grain exports", "", "By A. Tester", ""]
    lines += [f"{SENTENCES[i % len(SENTENCES)][:-1]}, case {i}." for i in range(sentences)]
    path = tmp_path / "big.txt"
    path.write_text("\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5)), encoding="utf-8")
    return path


def test_a_big_report_is_indexed_exactly_with_tokens_from_both_processes(tmp_path, store, monkeypatch):
    shared = []
    real = ParseWorker.tokenise

    def counting(self, texts, seconds):
        shared.append(len(texts))
        return real(self, texts, seconds)

    monkeypatch.setattr(ParseWorker, "tokenise", counting)
    monkeypatch.setattr(library, "TOKENISE_AHEAD_MIN", 200)
    import_paths(store, [_big_report(tmp_path, 600)])
    rows = store.db.execute("SELECT ordinal, text, norm FROM passages ORDER BY ordinal").fetchall()
    assert len(rows) >= 600
    assert shared and 0 < shared[0] < len(rows)  # the parsing process did a share, not all
    assert [norm for _, _, norm in rows] == [norm_tokens(text) for _, text, _ in rows]
    assert [ordinal for ordinal, _, _ in rows] == list(range(len(rows)))


def test_when_the_parsing_process_fails_to_tokenise_the_index_is_still_whole(tmp_path, store, monkeypatch):
    monkeypatch.setattr(ParseWorker, "tokenise", lambda self, texts, seconds: None)
    monkeypatch.setattr(library, "TOKENISE_AHEAD_MIN", 200)
    import_paths(store, [_big_report(tmp_path, 600)])
    rows = store.db.execute("SELECT text, norm FROM passages ORDER BY ordinal").fetchall()
    assert len(rows) >= 600 and [norm for _, norm in rows] == [norm_tokens(text) for text, _ in rows]
