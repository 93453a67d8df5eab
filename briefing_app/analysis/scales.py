"""Changing a briefing's estimative scale: each term moves to the nearest band of the new
scale, and the analyst gets a list of what changed and what to reread."""

from __future__ import annotations

from datetime import date

from ..model.briefing import Briefing
from ..model.estimative import convert_term, get_scale
from .context import CheckContext
from .language import term_uses


def convert_scale(briefing: Briefing, new_scale: str) -> list[str]:
    """Switch `briefing` (in place) to the scale `new_scale` ("icd203", "uk-yardstick").

    Key judgment and scenario terms are mapped to the rung whose band midpoint is nearest;
    prose is not rewritten (grammar and emphasis are the analyst's), but every sentence
    whose likelihood words the new scale lacks is listed so it can be reread. Returns one
    line per change; [] when the briefing already uses that scale.
    """
    target = get_scale(new_scale)
    source = get_scale(briefing.scale)
    if target.key == source.key:
        return []
    changes: list[str] = []
    for _, _, block in briefing.blocks():
        for item in getattr(block, "items", []):
            if not getattr(item, "likelihood", ""):
                continue
            old_term = source.lookup(item.likelihood)
            new_term = convert_term(item.likelihood, source, target)
            what = (
                f"key judgment {item.id}"
                if block.type == "key_judgments"
                else (f"scenario {item.id} ({item.title})")
            )
            if old_term is not None and old_term.term == new_term.term:
                changes.append(f"{what}: {new_term.term} ({old_term.band} → {new_term.band})")
            else:
                before = f"{old_term.term} ({old_term.band})" if old_term else item.likelihood
                changes.append(f"{what}: {before} → {new_term.term} ({new_term.band})")
            item.likelihood = new_term.term
    briefing.scale = target.key
    changes += _prose_to_reread(briefing)
    return changes


def _prose_to_reread(briefing: Briefing) -> list[str]:
    ctx = CheckContext.build(briefing, (), (), as_of=date.min)
    lines: list[str] = []
    for prose in ctx.prose():
        for n, sentence in enumerate(prose.sentences, 1):
            foreign = [words for words, use in term_uses(sentence.text, ctx.scale) if use is None]
            if foreign:
                lines.append(
                    f"reread {prose.location} (sentence {n}): {', '.join(map(repr, foreign))} "
                    f"is not a term of the {ctx.scale.name}"
                )
    return lines
