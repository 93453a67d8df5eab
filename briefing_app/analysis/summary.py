"""The source summary statement (ICD 206), drafted from the library and the citations.

The facts (counts, kinds, grades, what the key judgments rest on, what corroborates and
what conflicts) are gathered here; the wording lives in `templates/source_summary.j2`, a
Jinja2 template an organisation can rewrite. It runs in Jinja's sandbox because it is
edited outside the code, and its output is plain text: paragraphs separated by blank lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..model.blocks import KeyJudgments, Scenarios
from ..model.briefing import Briefing
from ..model.grades import RELIABILITY
from ..model.snippet import Snippet
from ..model.source import Source
from ..paths import templates_dir
from .conflicts import citing_places
from .context import CheckContext, Conflict
from .errors import AnalysisError
from .sourcing import WEAK_GRADES

TEMPLATE_NAME = "source_summary.j2"

#: How the summary names each source type, singular and plural.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "article": ("news article", "news articles"),
    "social": ("social-media post or thread", "social-media posts or threads"),
    "report": ("report", "reports"),
    "statement": ("official statement", "official statements"),
    "state-media": ("state-media report", "state-media reports"),
    "dataset": ("dataset", "datasets"),
    "interview": ("interview note", "interview notes"),
    "other": ("other document", "other documents"),
}


@dataclass
class SourceFacts:
    id: str
    name: str  # the outlet or originator readers know it by
    title: str
    kind: str
    reliability: str
    reliability_words: str
    citations: int = 0
    judgments: list[str] = field(default_factory=list)  # ids of key judgments resting on it

    @property
    def phrase(self) -> str:
        return f"{self.name} ({self.reliability}, {self.reliability_words})"


@dataclass
class JudgmentFacts:
    id: str
    kind: str  # "key judgment" or "scenario"
    text: str
    likelihood: str
    confidence: str
    sources: list[SourceFacts]

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1

    @property
    def low_grade(self) -> bool:
        return bool(self.sources) and all(s.reliability in WEAK_GRADES for s in self.sources)

    @property
    def name(self) -> str:
        return f"{self.kind} {self.id}" if self.id else self.kind


@dataclass
class ConflictFacts:
    a: str
    b: str
    note: str
    a_source: str
    b_source: str
    addressed: bool


def summary_facts(
    briefing: Briefing,
    sources: Iterable[Source],
    snippets: Iterable[Snippet],
    conflicts: Iterable[Conflict] = (),
    *,
    library_count: int | None = None,
) -> dict[str, Any]:
    """Everything the template may use, as plain values (see templates/source_summary.j2).
    `library_count` is the size of the whole library when `sources` holds only the cited
    ones; by default it is the number of `sources`."""
    ctx = CheckContext.build(briefing, sources, snippets, as_of=date.min, conflicts=conflicts)
    facts: dict[str, SourceFacts] = {}

    def fact(source: Source) -> SourceFacts:
        if source.id not in facts:
            facts[source.id] = SourceFacts(
                source.id,
                _name(source),
                source.title,
                source.type,
                source.reliability,
                RELIABILITY.get(source.reliability, ""),
            )
        return facts[source.id]

    for citation in briefing.citations():
        source = ctx.source_of(citation.ref)
        if source is not None:
            fact(source).citations += 1
    judgments: list[JudgmentFacts] = []
    scenarios: list[JudgmentFacts] = []
    for _, _, block in briefing.blocks():
        if isinstance(block, KeyJudgments):
            for kj in block.items:
                backing = [fact(s) for s in ctx.sources_of(kj.cite)]
                for f in backing:
                    f.judgments.append(kj.id)
                judgments.append(
                    JudgmentFacts(
                        kj.id, "key judgment", kj.text, kj.likelihood, kj.confidence, backing
                    )
                )
        elif isinstance(block, Scenarios):
            for sc in block.items:
                scenarios.append(
                    JudgmentFacts(
                        sc.id,
                        "scenario",
                        sc.title,
                        sc.likelihood,
                        "",
                        [fact(s) for s in ctx.sources_of(sc.cite)],
                    )
                )
    used = sorted(facts.values(), key=lambda f: (-f.citations, f.id))
    kinds = Counter(f.kind for f in used)
    grades = Counter(f.reliability for f in used)
    key_sources = sorted(
        (f for f in used if f.judgments), key=lambda f: (-len(f.judgments), -f.citations, f.id)
    )
    cited_snippets = {c.ref for c in briefing.citations() if c.ref in ctx.snippets}
    weighed = judgments + scenarios
    return {
        "briefing": {"title": briefing.title, "date": briefing.date},
        "library_count": len(ctx.sources) if library_count is None else library_count,
        "sources": used,
        "kinds": [
            {
                "kind": k,
                "count": kinds[k],
                "phrase": f"{kinds[k]} {KIND_NAMES[k][0 if kinds[k] == 1 else 1]}",
            }
            for k in KIND_NAMES
            if kinds[k]
        ],
        "grades": [
            {
                "grade": g,
                "words": RELIABILITY[g],
                "count": grades[g],
                "phrase": f"{grades[g]} {g} ({RELIABILITY[g]})",
            }
            for g in RELIABILITY
            if grades[g]
        ],
        "unjudged": grades["F"],
        "unreliable": grades["E"],
        "judgments": judgments,
        "scenarios": scenarios,
        "key_sources": key_sources[:4],
        "corroborated": [j for j in judgments if len(j.sources) >= 2],
        "confirmed_snippets": sum(
            1 for ref in cited_snippets if ctx.snippets[ref].credibility == 1
        ),
        "cited_snippets": len(cited_snippets),
        "conflicts": _conflicts(ctx),
        "single_source": [j for j in weighed if j.single_source],
        "low_grade": [j for j in weighed if j.low_grade],
    }


def draft_source_summary(
    briefing: Briefing,
    sources: Iterable[Source],
    snippets: Iterable[Snippet],
    conflicts: Iterable[Conflict] = (),
    template: Path | None = None,
    *,
    library_count: int | None = None,
) -> list[str]:
    """The drafted statement as paragraphs, for the analyst to edit; `template` overrides
    `templates/source_summary.j2`. Raises AnalysisError for a broken template."""
    facts = summary_facts(briefing, sources, snippets, conflicts, library_count=library_count)
    text = _render(template or templates_dir() / TEMPLATE_NAME, facts)
    paragraphs = (" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n"))
    return [p for p in paragraphs if p]


def join_and(items: Iterable[Any], last: str = "and") -> str:
    """["a", "b", "c"] -> "a, b and c" (a filter for the template)."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural(count: int, singular: str, many: str = "") -> str:
    """plural(1, "source") -> "source"; plural(3, "source") -> "sources"."""
    return singular if count == 1 else (many or singular + "s")


def _render(path: Path, facts: dict[str, Any]) -> str:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise AnalysisError(
            f"the source summary template {path} cannot be read ({e}); restore it or "
            "reinstall the templates"
        ) from None
    env = SandboxedEnvironment(
        autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["join_and"] = join_and
    env.globals["plural"] = plural
    try:
        return env.from_string(source).render(**facts)
    except jinja2.TemplateSyntaxError as e:
        raise AnalysisError(
            f"the source summary template {path} has a syntax error at line {e.lineno}: {e.message}"
        ) from None
    except jinja2.exceptions.SecurityError as e:
        raise AnalysisError(
            f"the source summary template {path} tried something templates may not do ({e})"
        ) from None
    except (jinja2.UndefinedError, TypeError, ValueError) as e:
        raise AnalysisError(
            f"the source summary template {path} failed: {e}; it may use only the names "
            "listed at the top of the bundled template"
        ) from None


def _conflicts(ctx: CheckContext) -> list[ConflictFacts]:
    if not ctx.conflicts:
        return []  # finding the citing places splits every paragraph into sentences
    places = citing_places(ctx)
    cited = set().union(*(refs for _, refs in places)) if places else set()
    out = []
    for a, b, note in ctx.conflicts:
        if a not in cited and b not in cited:
            continue
        together = any(a in refs and b in refs for _, refs in places)
        out.append(ConflictFacts(a, b, note, _origin(ctx, a), _origin(ctx, b), together))
    return out


def _origin(ctx: CheckContext, ref: str) -> str:
    source = ctx.source_of(ref)
    return _name(source) if source is not None else ref


def _name(source: Source) -> str:
    """What readers call a source: the author of a post, else the outlet or originator."""
    if source.type == "social" and source.authors:
        return source.author_line()
    return source.container_title or source.publisher or source.author_line() or source.title
