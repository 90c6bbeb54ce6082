"""A publisher's imprint, as plain text prints it: the words it is told by.

The imprint is printed twice in many reports: on the page behind the cover (text_front_matter)
and at the foot of the last page or on the back cover (text_closing). Both read it with the
words kept here: the copyright notice and its year, the standard numbers, the printer, the
terms of reproduction and the licence.
"""

from __future__ import annotations

import re

COPYRIGHT_NOTICE = re.compile(r"^\s*(?:©|\(c\)|copyright\b).{0,100}$", re.I)
"""A line that is the copyright notice ("© ZEW 2024", "Copyright © International Labour Organization 2023")."""
COPYRIGHT_WITH_YEAR = re.compile(r"(?:©|\(c\)|\bcopyright\b).{0,80}\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.{0,10}©", re.I)
"""The notice and its year anywhere in a line ("All rights reserved. © United Nations 2023")."""
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\))\s*(?:[^\d©.;]{1,80}?,\s*)?(?P<year>(?:19|20)\d\d)\b", re.I)
"""The year of a notice ("© European Union, 2024")."""

STANDARD_NUMBER = re.compile(r"^\s*(?:e-?)?(?:ISBN|ISSN)\b|^\s*(?:https?://)?(?:dx\.)?doi\.org/|^\s*DOI\s*:", re.I | re.M)

PRINTER = (r"(?:printed|imprimé|impreso|gedruckt|stampato)\s+(?:in|at|by|en|par|por|auf|bei|a)\b"
           r"|(?:first published|première publication|publicado por primera vez)\b")
"""Who printed it, and when it first came out ("Printed in Switzerland", "First published 2023")."""
PRINTER_LINE = re.compile(rf"^\s*(?:{PRINTER})", re.I | re.M)

_REPRODUCTION = r"\b(?:reproduc\w*|reprint\w*|translat\w* (?:rights|into)|vervielfältig\w*|nachdruck\w*)\b"
REPRODUCTION = re.compile(_REPRODUCTION, re.I)
RIGHTS = re.compile(r"\b(?:permission|authori[sz]ation|autorización|autorisation|genehmigung|"
                    r"all rights reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten|"
                    r"creative commons|licen[cs]e\w*|licencia|rights and permissions)\b", re.I)
"""What is reserved or licensed, or who must permit it."""
LICENSED = re.compile(r"\b(?:is|are) licen[cs]ed under (?:a |the )?(?:creative commons|cc[- ]by|open government)", re.I)
_REPRINT_GRANTED = re.compile(
    _REPRODUCTION + r".{0,240}?\b(?:gestattet|erlaubt|genehmig\w*|permitted|allowed|permission|authori[sz]\w*|autoris\w*|autorizad\w*)\b",
    re.I | re.S)
_LICENCE_COPYRIGHT = re.compile(r"\bcopyright\b|\blicen[cs]e[ds]? under\b", re.I)
_LICENCE_TERMS = re.compile(
    r"\b(?:may be (?:copied|reproduced|re-?used)|you may re-?use\b|free of charge in any format|"
    r"open government licen[cs]e|reproduced (?:free of charge|for non-commercial))", re.I)
LICENCE_WORDS = re.compile(r"\b(?:reuse|re-use|licen[cs]ed?|creative commons|cc by|all rights reserved|reproduction|"
                           r"permission|tous droits réservés|alle rechte vorbehalten|weiterverwendung)\b", re.I)
"""The words of a page given over to the copyright ("The reuse policy of … / licensed under CC BY 4.0")."""


def speaks_of_reproduction(text: str) -> bool:
    """The text says on what terms it may be reproduced: reproduction, and a right, a licence or a permission."""
    return bool(REPRODUCTION.search(text) and RIGHTS.search(text))


def grants_reprint(text: str) -> bool:
    """'Nachdruck und sonstige Verbreitung … mit Quellenangabe gestattet': reproduction, then its permission."""
    return bool(_REPRINT_GRANTED.search(text))


def states_licence_terms(text: str) -> bool:
    """The copyright named and what may be copied ("… subject to copyright. The material may be copied or
    reproduced for non-commercial purposes only", the Open Government Licence)."""
    return bool(_LICENCE_COPYRIGHT.search(text) and _LICENCE_TERMS.search(text))
