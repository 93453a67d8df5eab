"""Name lists in the forms the styles ask for: full, inverted, family only, initials."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """A person (family/given) or an organisation (literal); frozen so it can key caches."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_org(self) -> bool:
        return bool(self.literal) or not self.given

    def full(self) -> str:
        return self.literal or " ".join(p for p in (self.given, self.family) if p)

    def inverted(self) -> str:
        if self.is_org:
            return self.literal or self.family
        return f"{self.family}, {self.given}"

    def last(self) -> str:
        return self.literal or self.family

    def initials(self) -> str:
        """ "Jane Anne" -> "J. A."; "Jean-Paul" -> "J.-P."; Cyrillic works the same."""
        words = []
        for word in self.given.replace(".", ". ").split():
            parts = [p for p in word.split("-") if p]
            words.append("-".join(p[0] + "." for p in parts))
        return " ".join(words)

    def family_initials(self) -> str:
        if self.is_org:
            return self.last()
        return f"{self.family}, {self.initials()}"

    def initials_family(self) -> str:
        if self.is_org:
            return self.last()
        return f"{self.initials()} {self.family}"


def series(names: list[str], conj: str, *, serial_comma: bool) -> str:
    """ "A", "A and B", "A, B, and C" (serial comma) or "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conj} {names[1]}"
    comma = "," if serial_comma else ""
    return ", ".join(names[:-1]) + f"{comma} {conj} {names[-1]}"


def given_first(names: tuple[Name, ...], *, et_al_min: int = 4) -> str:
    """Chicago notes: "Jane Smith, John Doe, and Ann Lee"; four or more: "Jane Smith et al."."""
    if len(names) >= et_al_min:
        return f"{names[0].full()} et al."
    return series([n.full() for n in names], "and", serial_comma=True)


def family_first(names: tuple[Name, ...], *, et_al_min: int = 11, et_al_use: int = 7) -> str:
    """Chicago/MLA bibliography: "Smith, Jane, and John Doe" (first name inverted only)."""
    if not names:
        return ""
    if len(names) >= et_al_min:
        shown = [names[0].inverted()] + [n.full() for n in names[1:et_al_use]]
        return ", ".join(shown) + ", et al."
    first = names[0].inverted()
    rest = [n.full() for n in names[1:]]
    if not rest:
        return first
    if len(names) == 2:
        return f"{first}, and {rest[0]}" if not names[0].is_org else f"{first} and {rest[0]}"
    return ", ".join([first, *rest[:-1]]) + f", and {rest[-1]}"


def mla_names(names: tuple[Name, ...]) -> str:
    """MLA 9 works cited: "Smith, Jane, and John Doe"; three or more: "Smith, Jane, et al."."""
    if len(names) >= 3:
        return f"{names[0].inverted()}, et al."
    return family_first(names)


def family_only(names: tuple[Name, ...], conj: str, *, et_al_min: int, serial_comma: bool) -> str:
    """Short forms and in-text citations: "Smith", "Smith and Doe", "Smith et al."."""
    if len(names) >= et_al_min:
        return f"{names[0].last()} et al."
    return series([n.last() for n in names], conj, serial_comma=serial_comma)


def apa_names(names: tuple[Name, ...]) -> str:
    """APA 7 reference list: "Smith, J., & Doe, J." (up to 20 names)."""
    shown = [n.family_initials() for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    if len(shown) == 2:
        return f"{shown[0]}, & {shown[1]}"
    if len(shown) > 20:
        return ", ".join(shown[:19]) + ", . . . " + shown[-1]
    return ", ".join(shown[:-1]) + f", & {shown[-1]}"


def harvard_names(names: tuple[Name, ...]) -> str:
    """Cite Them Right: "Smith, J. and Doe, J."; four or more: "Smith, J. et al."."""
    if len(names) >= 4:
        return f"{names[0].family_initials()} et al."
    return series([n.family_initials() for n in names], "and", serial_comma=False)


def ieee_names(names: tuple[Name, ...]) -> str:
    """IEEE: "J. Smith, J. Doe, and A. Lee"; seven or more: "J. Smith et al."."""
    if len(names) >= 7:
        return f"{names[0].initials_family()} et al."
    return series([n.initials_family() for n in names], "and", serial_comma=True)
