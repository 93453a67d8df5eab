"""Sources for the citation tests: one of each kind the golden files cover (written by us)."""

from __future__ import annotations

from briefing_app.model.source import Person, Source


def news() -> Source:
    return Source(
        "news", "Title of the Article", "article", [Person("Smith", "Jane")], "Outlet Name",
        issued="2025-11-07", url="https://example.org/a", accessed="2025-11-08", reliability="B",
    )  # fmt: skip


def unsigned() -> Source:
    return Source(
        "unsigned", "Drones Strike Port Overnight", "article", [], "The Daily Ledger",
        issued="2025-10-02", url="https://example.org/b", reliability="C",
    )  # fmt: skip


def social() -> Source:
    return Source(
        "social", "Air defence active over the city tonight", "social",
        [Person("Kovalenko", "Olena")], "X", issued="2025-11-09",
        url="https://x.com/okoval/status/1", reliability="F", extra={"handle": "okoval"},
    )  # fmt: skip


def report() -> Source:
    org = "Centre for Maritime Studies"
    return Source(
        "report", "Shipping Risk in the Black Sea: Annual Assessment", "report",
        [Person(literal=org)], publisher=org, issued="2025-06",
        url="https://example.org/risk.pdf", reliability="A",
    )  # fmt: skip


def statement() -> Source:
    org = "Ministry of Foreign Affairs"
    return Source(
        "statement", "Statement on the Grain Corridor", "statement", [Person(literal=org)],
        issued="2025-09-15", url="https://example.gov/statement", reliability="B",
        extra={"genre": "press release", "title-short": "Grain Corridor Statement"},
    )  # fmt: skip


def cyrillic() -> Source:
    return Source(
        "cyrillic", "Обстановка в регионе", "article", [Person("Петров", "Иван")],
        "Вечерние новости", issued="2025-08-20", url="https://example.ru/c", language="ru",
        reliability="D",
    )  # fmt: skip


def other() -> Source:
    """A different source, cited in between to break ibid."""
    return Source(
        "other", "Another Piece", "article", [Person("Doe", "John")], "Other Outlet",
        issued="2024-01-05", url="https://example.org/o",
    )  # fmt: skip


KINDS = {
    "news": news,
    "unsigned": unsigned,
    "social": social,
    "report": report,
    "statement": statement,
    "cyrillic": cyrillic,
}
