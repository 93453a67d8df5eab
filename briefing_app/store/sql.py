"""Small SQL helpers shared by the repositories."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

#: Ids per `IN (...)` list: well under SQLite's limit on bound parameters on any build.
CHUNK = 500


def chunked(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """`items` in runs of at most `size`, for `WHERE id IN (...)` queries."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
