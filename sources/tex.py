"""TeX as readable text: `$\\sqrt2$` reads "√2", `\\epsilon`-`\\delta` reads "ε-δ".

Markdown essays write math as TeX between dollars, and PDF converters leave TeX
fragments around footnote labels (`$<sup>^{16}\\ Cf,\\ \\underline{…}$`). Neither
may lose a figure or a word: known commands become their Unicode symbol, layout
commands (spacing, sizing) become a space or nothing, wrappers (`\\text{}`,
`\\underline{}`) become their content, and an unknown command keeps its name
without the backslash. Super- and subscripts keep their caret and underscore
("x^2", "a_i"), so a digit never merges with the digit before it.

The converter is a single left-to-right pass with bounded nesting, so a hostile
fragment costs time linear in its length.
"""

from __future__ import annotations

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
SYMBOLS = {
    "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "star": "⋆", "circ": "∘",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
    "simeq": "≃", "equiv": "≡", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫",
    "infty": "∞", "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "partial": "∂", "nabla": "∇",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
    "leftrightarrow": "↔", "Leftrightarrow": "⇔", "iff": "⇔", "implies": "⇒", "mapsto": "↦",
    "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
    "cup": "∪", "cap": "∩", "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃", "neg": "¬",
    "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "setminus": "∖",
    "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
    "degree": "°", "prime": "′", "angle": "∠", "perp": "⊥", "parallel": "∥", "mid": "|",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "hbar": "ℏ", "ell": "ℓ", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ",
    "lbrace": "{", "rbrace": "}", "vert": "|", "Vert": "‖", "backslash": "\\",
    "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "copyright": "©", "textdegree": "°", "euro": "€", "pounds": "£",
}
# Spacing commands: a thin or wide space in print, one space here ("\!" is negative).
SPACES = {"quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ", "space": " ", "newline": " ", "nobreak": ""}
ESCAPES = {",": " ", ";": " ", ":": " ", ">": " ", " ": " ", "!": "", "\\": " ", "{": "{", "}": "}", "%": "%",
           "$": "$", "&": "&", "#": "#", "_": "_", "|": "‖", "-": ""}
"""Control symbols: "\\," is a thin space, "\\%" a per cent sign, "\\-" a soft hyphen."""
# Commands that only size or style what follows: the text stays, the command goes.
LAYOUT = {
    "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "middle", "displaystyle",
    "textstyle", "scriptstyle", "limits", "nolimits", "rm", "bf", "it", "sf", "tt", "em", "normalfont",
    "small", "large", "Large", "footnotesize", "tiny", "huge", "centering", "noindent", "par", "relax",
}
# Commands whose one argument is their text.
WRAPPERS = {
    "text", "textrm", "textbf", "textit", "textsf", "texttt", "textup", "textnormal", "emph", "underline",
    "overline", "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathfrak", "mathscr",
    "boldsymbol", "bm", "operatorname", "mbox", "hbox", "fbox", "textsuperscript", "ensuremath",
    "mathbin", "mathrel", "mathop",
}
DOUBLE_STRUCK = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "P": "ℙ"}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "widetilde": "\u0303",
           "vec": "\u20d7", "dot": "\u0307", "ddot": "\u0308", "acute": "\u0301", "grave": "\u0300"}
ROOTS = {"2": "√", "3": "∛", "4": "∜"}
# Named functions print upright; their name is the text.
FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
             "log", "ln", "lg", "exp", "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "dim",
             "gcd", "deg", "arg", "ker", "Pr", "mod", "bmod", "pmod"}

_MAX_NESTING = 32
"""Braces nested deeper than this are read flat: no real formula goes near it,
and a hostile one must not exhaust the stack."""


def tex_to_text(source: str) -> str:
    """Readable Unicode text of a TeX fragment (without its `$` delimiters)."""
    text = _Reader(source).read_until_close(0)
    return " ".join(text.split()) if "\n" in text or "  " in text else text.strip()


class _Reader:
    """Reads a fragment left to right; every character is looked at a bounded number of times."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def read_until_close(self, depth: int) -> str:
        """Text up to the `}` closing the current group (or the end of the fragment)."""
        out: list[str] = []
        source = self.source
        while self.at < len(source):
            char = source[self.at]
            if char == "}":
                self.at += 1
                if depth:
                    return "".join(out)
                continue  # a stray closing brace is markup
            if char == "{":
                self.at += 1
                out.append(self.read_until_close(depth + 1) if depth < _MAX_NESTING else "")
            elif char == "\\":
                out.append(self.command(depth))
            elif char in "^_":
                self.at += 1
                out.append(char + _scripted(self.argument(depth)))
            elif char == "~":
                self.at += 1
                out.append(" ")
            else:
                self.at += 1
                out.append(char)
        return "".join(out)

    def argument(self, depth: int) -> str:
        """One argument: a `{group}`, a command, or a single character; spaces before it skipped."""
        source = self.source
        while self.at < len(source) and source[self.at] == " ":
            self.at += 1
        if self.at >= len(source):
            return ""
        char = source[self.at]
        if char == "{":
            self.at += 1
            return self.read_until_close(depth + 1) if depth < _MAX_NESTING else ""
        if char == "\\":
            return self.command(depth)
        if char == "}":
            return ""
        start = self.at
        self.at += 1
        if char.isalpha():
            # TeX would take one letter ("\\frac{x} total" is x/t, then "otal"); a word is
            # never split here: the argument is the whole word.
            while self.at < len(source) and source[self.at].isalpha():
                self.at += 1
            return source[start:self.at]
        return char

    def verbatim_argument(self, depth: int) -> str:
        """A URL's argument: its characters as they are ("~", "_", "%" are not TeX there)."""
        if self.at < len(self.source) and self.source[self.at] == "{":
            end = self.source.find("}", self.at)
            if end != -1:
                value = self.source[self.at + 1:end]
                self.at = end + 1
                return value
        return self.argument(depth)

    def optional_argument(self) -> str | None:
        """A `[...]` right after a command (`\\sqrt[3]{x}`), read as plain text."""
        if self.at < len(self.source) and self.source[self.at] == "[":
            end = self.source.find("]", self.at, self.at + 40)
            if end != -1:
                value = self.source[self.at + 1:end]
                self.at = end + 1
                return value
        return None

    def command(self, depth: int) -> str:
        source = self.source
        start = self.at + 1
        end = start
        while end < len(source) and source[end].isascii() and source[end].isalpha():
            end += 1
        if end == start:  # a control symbol: "\%", "\,", "\\"
            self.at = start + 1
            symbol = source[start:start + 1]
            return ESCAPES.get(symbol, symbol)
        name = source[start:end]
        self.at = end + (source[end:end + 1] == "*")  # "\section*" reads as "\section"
        return self.named(name, depth)

    def named(self, name: str, depth: int) -> str:
        if name in GREEK:
            return GREEK[name]
        if name in SYMBOLS:
            return SYMBOLS[name]
        if name in SPACES:
            return SPACES[name]
        if name in LAYOUT:
            return ""
        if name in FUNCTIONS:
            return name
        if name in WRAPPERS:
            return self.argument(depth)
        if name == "mathbb":
            content = self.argument(depth)
            return DOUBLE_STRUCK.get(content, content)
        if name in ACCENTS:
            content = self.argument(depth)
            return content + ACCENTS[name] if len(content) == 1 else content
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            numerator, denominator = self.argument(depth), self.argument(depth)
            return f"{_operand(numerator)}/{_operand(denominator)}"
        if name == "sqrt":
            index = (self.optional_argument() or "2").strip()
            radicand = _operand(self.argument(depth))
            return ROOTS[index] + radicand if index in ROOTS else f"({index})√{radicand}"
        if name == "url":
            return self.verbatim_argument(depth)
        if name == "href":
            target, label = self.verbatim_argument(depth), self.argument(depth)
            return f"{label} ({target})" if label and label != target else target
        # Unknown: the name is still information ("\\foo" reads "foo"); a group after it stays apart.
        follows_group = self.at < len(self.source) and self.source[self.at] == "{"
        return name + (" " if follows_group else "")


def _is_simple(text: str) -> bool:
    """A run of letters, digits and decimal points reads unambiguously without parentheses."""
    return bool(text) and all(char.isalnum() or char in ".′" for char in text)


def _operand(text: str) -> str:
    text = text.strip()
    return text if _is_simple(text) else f"({text})"


def _scripted(text: str) -> str:
    """What follows a caret or underscore: "2", "ij", or "(n+1)"."""
    text = text.strip()
    return text if _is_simple(text) or len(text) == 1 else f"({text})"
