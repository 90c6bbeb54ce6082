"""Sentences in French, Spanish and German: abbreviations, ordinals and quotes."""

from __future__ import annotations

import pytest

from claimdesk.sources.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


FRENCH = [
    ("M. Dupont a rencontré Mme Martin. Elle était contente.",
     ["M. Dupont a rencontré Mme Martin.", "Elle était contente."]),
    ("MM. Dupont et Durand sont venus avec Mlle Roy. Ils ont parlé.",
     ["MM. Dupont et Durand sont venus avec Mlle Roy.", "Ils ont parlé."]),
    ("Les ports, p. ex. Calais, ont souffert. Le trafic a baissé.",
     ["Les ports, p. ex. Calais, ont souffert.", "Le trafic a baissé."]),
    ("Voir le rapport, cf. Durand, p. 12. Ensuite vient la suite.",
     ["Voir le rapport, cf. Durand, p. 12.", "Ensuite vient la suite."]),
    ("Il y avait du blé, du vin, etc. dans les cales. Le navire est parti.",
     ["Il y avait du blé, du vin, etc. dans les cales.", "Le navire est parti."]),
    ("César y arriva en 52 av. J.-C. Il y resta.", ["César y arriva en 52 av. J.-C.", "Il y resta."]),
    ("Le port date du Ier siècle av. J.-C. selon les fouilles. Rien ne le prouve.",
     ["Le port date du Ier siècle av. J.-C. selon les fouilles.", "Rien ne le prouve."]),
    ("Le quai n° 5 est fermé, voir t. 2, chap. 4. La raison est inconnue.",
     ["Le quai n° 5 est fermé, voir t. 2, chap. 4.", "La raison est inconnue."]),
    ("« Il pleut. » Puis il partit. « Pourquoi ? » demanda-t-elle. Personne ne sait !",
     ["« Il pleut. »", "Puis il partit.", "« Pourquoi ? » demanda-t-elle.", "Personne ne sait !"]),
    ("Il a lu J. Le Carré. Il a aimé.", ["Il a lu J. Le Carré.", "Il a aimé."]),
]

SPANISH = [
    ("El Sr. García llegó tarde. La Sra. López no vino.",
     ["El Sr. García llegó tarde.", "La Sra. López no vino."]),
    ("Véase el núm. 3, pág. 45 y págs. 50-52. Después, el informe.",
     ["Véase el núm. 3, pág. 45 y págs. 50-52.", "Después, el informe."]),
    ("Viajó a EE. UU. en 2019. Volvió en 2020.", ["Viajó a EE. UU. en 2019.", "Volvió en 2020."]),
    ("Viajó a EE. UU. El viaje fue largo.", ["Viajó a EE. UU.", "El viaje fue largo."]),
    ("Hay puertos, p. ej. Bilbao, que crecieron. ¿Por qué? ¡Nadie lo sabe!",
     ["Hay puertos, p. ej. Bilbao, que crecieron.", "¿Por qué?", "¡Nadie lo sabe!"]),
    ("La Dra. Ruiz y el Dr. Vega firmaron. “Es un acuerdo.” Así terminó.",
     ["La Dra. Ruiz y el Dr. Vega firmaron.", "“Es un acuerdo.”", "Así terminó."]),
    ("Fue fundada en el 19 a. C. por los romanos. Hoy es un puerto.",
     ["Fue fundada en el 19 a. C. por los romanos.", "Hoy es un puerto."]),
]

GERMAN = [
    ("Häfen, z. B. Hamburg, wuchsen. Die Kosten stiegen.", ["Häfen, z. B. Hamburg, wuchsen.", "Die Kosten stiegen."]),
    ("Siehe S. 12 und Nr. 5 bzw. Nr. 6. Das ist alles.", ["Siehe S. 12 und Nr. 5 bzw. Nr. 6.", "Das ist alles."]),
    ("Es gab Kräne, Schiffe u. a. Geräte. Alles war alt.", ["Es gab Kräne, Schiffe u. a. Geräte.", "Alles war alt."]),
    ("Das ist teuer, d. h. zu teuer. Ca. 300 Schiffe kamen.", ["Das ist teuer, d. h. zu teuer.", "Ca. 300 Schiffe kamen."]),
    ("Dr. Weber und Prof. Schmidt kamen am 3. März 2021 an. Sie blieben.",
     ["Dr. Weber und Prof. Schmidt kamen am 3. März 2021 an.", "Sie blieben."]),
    ("Der Hafen wurde am 15. September eröffnet. Im 19. Jahrhundert wuchs er.",
     ["Der Hafen wurde am 15. September eröffnet.", "Im 19. Jahrhundert wuchs er."]),
    ("Eröffnet 15. September 1890. Der Kai ist alt.", ["Eröffnet 15. September 1890.", "Der Kai ist alt."]),
    ("Nach dem 2. Weltkrieg kam der Wiederaufbau. Er dauerte lange.",
     ["Nach dem 2. Weltkrieg kam der Wiederaufbau.", "Er dauerte lange."]),
    ("„Es regnet.“ Dann ging er. „Warum?“ fragte sie.", ["„Es regnet.“", "Dann ging er.", "„Warum?“ fragte sie."]),
    ("Der Umsatz lag bei 3 Mio. Euro, vgl. Tab. 2. Die Kosten stiegen.",
     ["Der Umsatz lag bei 3 Mio. Euro, vgl. Tab. 2.", "Die Kosten stiegen."]),
    ("Die Zahl sank auf 12. Danach stieg sie.", ["Die Zahl sank auf 12.", "Danach stieg sie."]),
]


@pytest.mark.parametrize("text, expected", FRENCH + SPANISH + GERMAN, ids=[c[0][:40] for c in FRENCH + SPANISH + GERMAN])
def test_sentences_in_french_spanish_german(text, expected):
    assert sentences(text) == expected


def test_english_sentence_ends_after_numbers_and_initials_are_unchanged():
    assert sentences("The answer was 42. Growth followed. It was 2017. Then it fell.") == [
        "The answer was 42.", "Growth followed.", "It was 2017.", "Then it fell."]
    assert sentences("It was Plan B. The plan failed.") == ["It was Plan B.", "The plan failed."]


def test_long_runs_of_abbreviations_stay_linear():
    # Quadratic work on these would take minutes; linear work takes about a second.
    text = "z. B. " * 50_000 + "am 3. März " * 50_000 + "EE. UU. " * 50_000 + ". " * 100_000
    spans = split_sentences(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
