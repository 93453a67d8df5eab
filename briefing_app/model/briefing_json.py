"""Briefing JSON: the documented interchange format (docs/briefing-json.md), both ways.

Reading collects every problem with its JSON path instead of stopping at the first, so a
tool that writes briefings gets one complete list of what to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any

from .blocks import (
    BLOCK_TYPES,
    Block,
    Chart,
    Image,
    KeyJudgments,
    Paragraph,
    Quote,
    Scenarios,
    Signposts,
    Table,
)
from .briefing import NOTE_PLACEMENTS, QUOTE_LANGUAGES, Briefing, Section
from .chart import ChartSpec, DataTable
from .errors import ValidationError, ValidationErrors
from .estimative import check_confidence, check_diagnosticity, get_scale
from .markings import get_scheme
from .source import check_date
from .text import clean_text
from .tradecraft import SIGNPOST_STATUSES, KeyJudgment, Scenario, Signpost

FORMAT_VERSION = 1
MAX_DEPTH = 64  # Briefing JSON is shallow; anything deeper is hostile or broken

_META_FIELDS = {
    "id", "title", "subtitle", "authors", "organisation", "date", "classification",
    "marking_scheme", "distribution", "style", "notes", "template", "scale", "show_bands",
    "keywords", "edition_of", "sections", "format", "version", "quote_language",
}


class _Reader:
    """Reads one JSON object at a path, recording errors instead of raising."""

    def __init__(self, data: Any, path: str, errors: list[ValidationError]) -> None:
        self.path = path
        self.errors = errors
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if self.ok else {}
        if not self.ok:
            self.error("must be an object", "")

    def error(self, message: str, key: str | int = "") -> None:
        self.errors.append(ValidationError(message, self.at(key)))

    def at(self, key: str | int) -> str:
        if key == "":
            return self.path
        return f"{self.path}[{key}]" if isinstance(key, int) else f"{self.path}.{key}"

    def allow(self, names: Iterable[str]) -> None:
        allowed = set(names)
        for key in self.data:
            if key not in allowed:
                self.error(f"unknown field {key!r}; allowed: {', '.join(sorted(allowed))}", key)

    def text(self, key: str, default: str = "", required: bool = False) -> str:
        if key not in self.data:
            if required:
                self.error("is required", key)
            return default
        value = self.data[key]
        if value is None:
            return default
        if not isinstance(value, str):
            self.error(f"must be text, not {type(value).__name__}", key)
            return default
        return clean_text(value)

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error("must be a list of text", key)
            return []
        return [clean_text(v) for v in value]

    def refs(self, key: str, known: set[str] | None) -> list[str]:
        refs = [r.lstrip("@") for r in self.texts(key)]
        if known is not None:
            for i, ref in enumerate(refs):
                if ref not in known:
                    self.errors.append(
                        ValidationError(
                            f"unknown snippet or source id {ref!r}", f"{self.at(key)}[{i}]"
                        )
                    )
        return refs

    def objects(self, key: str, required: bool = False) -> list[tuple[str, Any]]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error("is required", key)
            return []
        if not isinstance(value, list):
            self.error("must be a list", key)
            return []
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    def checked(self, key: str, check: Callable[[str, str], Any], default: Any = "") -> Any:
        raw = self.text(key)
        if not raw:
            return default
        try:
            return check(raw, self.at(key))
        except ValidationError as e:
            self.errors.append(e)
            return default


def briefing_from_dict(
    data: Any, known_refs: set[str] | None = None, *, check_ids: bool = True
) -> Briefing:
    """Build and validate a briefing; raise ValidationErrors listing every problem.

    `known_refs` is the set of snippet and source ids in the project; None skips the
    reference check (for reading a file before a project is at hand). `check_ids=False`
    skips the whole-briefing checks (unique scenario/signpost ids, scenario <-> signpost
    references): a single block cannot pass them alone, and a stored briefing must load
    even when an edit left a reference dangling (the analysis checks report that).
    """
    errors: list[ValidationError] = []
    _check_depth(data, errors)
    if errors:
        raise ValidationErrors(errors)
    r = _Reader(data, "$", errors)
    if not r.ok:
        raise ValidationErrors(errors)
    r.allow(_META_FIELDS)
    scale_key = r.text("scale", "icd203")
    scale = None
    try:
        scale = get_scale(scale_key, r.at("scale"))
    except ValidationError as e:
        errors.append(e)
    scheme = None
    try:
        scheme = get_scheme(r.text("marking_scheme"), r.at("marking_scheme"))
    except ValidationError as e:
        errors.append(e)

    def marking(reader: _Reader, key: str = "marking") -> str:
        value = reader.text(key)
        if not value:
            return ""
        if scheme is None:
            reader.error(
                "a portion marking needs the briefing's marking_scheme (us, uk, nato, eu, tlp)",
                key,
            )
            return value
        level = scheme.lookup(value)
        if level is None:
            allowed = ", ".join(lv.portion for lv in scheme.levels)
            reader.error(f"marking {value!r} is not in the {scheme.name}; use one of: {allowed}",
                         key)
            return value
        return level.portion

    def likelihood(reader: _Reader, key: str = "likelihood") -> str:
        value = reader.text(key)
        if not value or scale is None:
            return value
        try:
            return scale.normalise(value, reader.at(key))
        except ValidationError as e:
            errors.append(e)
            return value

    quote_language = r.text("quote_language", "translation")
    if quote_language not in QUOTE_LANGUAGES:
        r.error("must be translation or original", "quote_language")
    notes = r.text("notes", "footnotes")
    if notes not in NOTE_PLACEMENTS:
        r.error("must be footnotes or endnotes", "notes")
    date = r.checked("date", check_date)
    show_bands = r.data.get("show_bands", True)
    if not isinstance(show_bands, bool):
        r.error("must be true or false", "show_bands")
        show_bands = True
    if "format" in r.data and r.data["format"] != "briefing-json":
        r.error("must be 'briefing-json'", "format")
    version = r.data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        r.error(
            f"this file is Briefing JSON version {version!r}; this program reads up to "
            f"version {FORMAT_VERSION}: update Briefing Studio",
            "version",
        )

    briefing = Briefing(
        id=r.text("id"),
        title=r.text("title", required=True),
        subtitle=r.text("subtitle"),
        authors=r.texts("authors"),
        organisation=r.text("organisation"),
        date=date,
        classification=r.text("classification"),
        marking_scheme=scheme.key if scheme else r.text("marking_scheme"),
        distribution=r.text("distribution"),
        style=r.text("style", "chicago-notes"),
        notes=notes,
        template=r.text("template", "strategic"),
        scale=scale.key if scale else scale_key,
        show_bands=show_bands,
        quote_language=quote_language,
        keywords=r.texts("keywords"),
        edition_of=r.text("edition_of"),
    )
    ctx = _Context(errors, known_refs, marking, likelihood)
    for path, item in r.objects("sections", required=True):
        section = _section(item, path, ctx)
        if section is not None:
            briefing.sections.append(section)
    if check_ids:
        _check_ids(ctx)
    if errors:
        raise ValidationErrors(errors)
    return briefing


class _Context:
    def __init__(
        self,
        errors: list[ValidationError],
        known: set[str] | None,
        marking: Callable[..., str],
        likelihood: Callable[..., str],
    ) -> None:
        self.errors = errors
        self.known = known
        self.marking = marking
        self.likelihood = likelihood
        # Where each scenario and signpost was read, so cross-reference errors point at it.
        self.scenarios: list[tuple[Scenario, str]] = []
        self.signposts: list[tuple[Signpost, str]] = []


def _section(data: Any, path: str, ctx: _Context) -> Section | None:
    r = _Reader(data, path, ctx.errors)
    if not r.ok:
        return None
    r.allow({"id", "heading", "level", "blocks", "marking"})
    level = r.data.get("level", 1)
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 3:
        r.error("must be 1, 2 or 3", "level")
        level = 1
    section = Section(
        heading=r.text("heading", required=True),
        level=level,
        id=r.text("id"),
        marking=ctx.marking(r, "marking"),
    )
    for bpath, item in r.objects("blocks"):
        block = _block(item, bpath, ctx)
        if block is not None:
            section.blocks.append(block)
    return section


def _block(data: Any, path: str, ctx: _Context) -> Block | None:
    r = _Reader(data, path, ctx.errors)
    if not r.ok:
        return None
    kind = r.data.get("type")
    if kind not in BLOCK_TYPES:
        r.error(f"unknown block type {kind!r}; use one of: {', '.join(BLOCK_TYPES)}", "type")
        return None
    common = {"type", "id", "marking"}
    block_id = r.text("id")
    mark = ctx.marking(r)
    if kind == "paragraph":
        r.allow(common | {"text"})
        text = r.text("text", required=True)
        _check_inline_refs(text, r.at("text"), ctx)
        return Paragraph(text, id=block_id, marking=mark)
    if kind == "quote":
        r.allow(common | {"snippet", "locator"})
        ref = r.text("snippet", required=True).lstrip("@")
        if ctx.known is not None and ref and ref not in ctx.known:
            r.error(f"unknown snippet id {ref!r}", "snippet")
        return Quote(ref, r.text("locator"), id=block_id, marking=mark)
    if kind == "chart":
        return _chart(r, common, block_id, mark, ctx)
    if kind == "key_judgments":
        r.allow(common | {"items"})
        kjs = [_key_judgment(item, p, ctx) for p, item in r.objects("items", required=True)]
        return KeyJudgments([k for k in kjs if k], id=block_id, marking=mark)
    if kind == "scenarios":
        r.allow(common | {"items"})
        scs = [_scenario(item, p, ctx) for p, item in r.objects("items", required=True)]
        return Scenarios([s for s in scs if s], id=block_id, marking=mark)
    if kind == "signposts":
        r.allow(common | {"items"})
        sps = [_signpost(item, p, ctx) for p, item in r.objects("items", required=True)]
        return Signposts([s for s in sps if s], id=block_id, marking=mark)
    if kind == "table":
        r.allow(common | {"caption", "columns", "rows", "cite"})
        columns = r.texts("columns")
        rows: list[list[str]] = []
        for rpath, row in r.objects("rows"):
            if not isinstance(row, list) or not all(isinstance(c, str) for c in row):
                ctx.errors.append(ValidationError("a row must be a list of text", rpath))
                continue
            if len(row) != len(columns):
                ctx.errors.append(
                    ValidationError(
                        f"row has {len(row)} cells but the table has {len(columns)} columns",
                        rpath,
                    )
                )
            rows.append([clean_text(c) for c in row])
        return Table(r.text("caption"), columns, rows, r.refs("cite", ctx.known),
                     id=block_id, marking=mark)
    # image
    r.allow(common | {"path", "caption", "description", "attachment", "cite"})
    attachment = r.data.get("attachment")
    if attachment is not None and (not isinstance(attachment, int) or isinstance(attachment, bool)):
        r.error("must be a whole number (an attachment id in the project)", "attachment")
        attachment = None
    image = Image(r.text("path"), r.text("caption"), r.text("description"), attachment,
                  r.refs("cite", ctx.known), id=block_id, marking=mark)
    if not image.path and image.attachment is None:
        r.error("an image needs a path (or an attachment id)", "path")
    return image


def _chart(r: _Reader, common: set[str], block_id: str, mark: str, ctx: _Context) -> Chart:
    from .chart import CHART_KINDS

    r.allow(common | {"kind", "title", "caption", "description", "x_label", "y_label", "unit",
                      "data", "cite", "caption_marking"})
    kind = r.text("kind", required=True)
    if kind and kind not in CHART_KINDS:
        r.error(f"unknown chart kind {kind!r}; use one of: {', '.join(CHART_KINDS)}", "kind")
    table = DataTable()
    data = _Reader(r.data.get("data", {}), r.at("data"), ctx.errors)
    if data.ok:
        data.allow({"columns", "rows"})
        table.columns = data.texts("columns")
        for rpath, row in data.objects("rows"):
            if not isinstance(row, list):
                ctx.errors.append(ValidationError("a row must be a list", rpath))
                continue
            table.rows.append([clean_text(c) if isinstance(c, str) else c for c in row])
        try:
            table.validate(r.at("data"))
        except ValidationError as e:
            ctx.errors.append(e)
    spec = ChartSpec(
        kind=kind,
        title=r.text("title"),
        caption=r.text("caption"),
        description=r.text("description"),
        x_label=r.text("x_label"),
        y_label=r.text("y_label"),
        unit=r.text("unit"),
        data=table,
        cite=r.refs("cite", ctx.known),
    )
    if ctx.known is not None:
        for ref in spec.row_citations():
            if ref not in ctx.known:
                r.error(f"unknown snippet or source id {ref!r} in the cite column", "data")
    return Chart(spec, id=block_id, marking=mark, caption_marking=ctx.marking(r, "caption_marking"))


def _key_judgment(data: Any, path: str, ctx: _Context) -> KeyJudgment | None:
    r = _Reader(data, path, ctx.errors)
    if not r.ok:
        return None
    r.allow({"id", "text", "likelihood", "confidence", "cite", "marking"})
    text = r.text("text", required=True)
    return KeyJudgment(
        text=text,
        likelihood=ctx.likelihood(r),
        confidence=r.checked("confidence", check_confidence),
        cite=r.refs("cite", ctx.known),
        marking=ctx.marking(r),
        id=r.text("id"),
    )


def _scenario(data: Any, path: str, ctx: _Context) -> Scenario | None:
    r = _Reader(data, path, ctx.errors)
    if not r.ok:
        return None
    r.allow({"id", "title", "label", "likelihood", "narrative", "drivers", "signposts", "cite",
             "marking"})
    scenario = Scenario(
        id=r.text("id", required=True),
        title=r.text("title", required=True),
        likelihood=ctx.likelihood(r),
        label=r.text("label"),
        narrative=r.text("narrative"),
        drivers=r.texts("drivers"),
        signposts=r.texts("signposts"),
        cite=r.refs("cite", ctx.known),
        marking=ctx.marking(r),
    )
    ctx.scenarios.append((scenario, path))
    return scenario


def _signpost(data: Any, path: str, ctx: _Context) -> Signpost | None:
    r = _Reader(data, path, ctx.errors)
    if not r.ok:
        return None
    r.allow({"id", "name", "description", "threshold", "signals", "status", "last_reviewed",
             "review_every_days", "diagnosticity", "cite", "marking"})
    status = r.text("status", "not observed")
    if status not in SIGNPOST_STATUSES:
        r.error(f"unknown status {status!r}; use one of: {', '.join(SIGNPOST_STATUSES)}", "status")
    every = r.data.get("review_every_days")
    if every is not None and (not isinstance(every, int) or isinstance(every, bool) or every < 1):
        r.error("must be a whole number of days, 1 or more", "review_every_days")
        every = None
    diag: dict[str, str] = {}
    raw = r.data.get("diagnosticity", {})
    if not isinstance(raw, dict):
        r.error("must be an object mapping scenario ids to ratings", "diagnosticity")
        raw = {}
    for scenario_id, rating in raw.items():
        where = f"{r.at('diagnosticity')}.{scenario_id}"
        try:
            diag[str(scenario_id)] = check_diagnosticity(str(rating), where)
        except ValidationError as e:
            ctx.errors.append(e)
    signpost = Signpost(
        id=r.text("id", required=True),
        name=r.text("name", required=True),
        description=r.text("description"),
        threshold=r.text("threshold"),
        signals=r.text("signals"),
        status=status,
        last_reviewed=r.checked("last_reviewed", check_date),
        review_every_days=every,
        diagnosticity=diag,
        cite=r.refs("cite", ctx.known),
        marking=ctx.marking(r),
    )
    ctx.signposts.append((signpost, path))
    return signpost


def _check_inline_refs(text: str, path: str, ctx: _Context) -> None:
    if ctx.known is None:
        return
    from .inline import citations_in

    for c in citations_in(text):
        if c.ref not in ctx.known:
            ctx.errors.append(ValidationError(f"unknown snippet or source id {c.ref!r}", path))


def _check_ids(ctx: _Context) -> None:
    """Scenario and signpost ids must be unique and cross-references must resolve; each
    problem is reported at the item (or the reference) that causes it."""
    scenarios: set[str] = set()
    for s, path in ctx.scenarios:
        if s.id in scenarios:
            ctx.errors.append(ValidationError(f"scenario id {s.id!r} is used twice", f"{path}.id"))
        scenarios.add(s.id)
    signposts: set[str] = set()
    for sp, path in ctx.signposts:
        if sp.id in signposts:
            ctx.errors.append(ValidationError(f"signpost id {sp.id!r} is used twice", f"{path}.id"))
        signposts.add(sp.id)
    for s, path in ctx.scenarios:
        for i, ref in enumerate(s.signposts):
            if ref not in signposts:
                ctx.errors.append(ValidationError(
                    f"scenario {s.id!r} names signpost {ref!r}, which no signposts block defines",
                    f"{path}.signposts[{i}]"))
    for sp, path in ctx.signposts:
        for ref in sp.diagnosticity:
            if ref not in scenarios:
                ctx.errors.append(ValidationError(
                    f"signpost {sp.id!r} rates scenario {ref!r}, which no scenarios block defines",
                    f"{path}.diagnosticity.{ref}"))


def _check_depth(data: Any, errors: list[ValidationError]) -> None:
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            errors.append(ValidationError(
                f"nested more than {MAX_DEPTH} levels deep; Briefing JSON is never this deep",
                "$"))
            return
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


# ---------------------------------------------------------------- writing


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as Briefing JSON; empty optional fields are left out for readability."""
    out: dict[str, Any] = {"format": "briefing-json", "version": FORMAT_VERSION}
    for name in ("id", "title", "subtitle", "authors", "organisation", "date", "classification",
                 "marking_scheme", "distribution", "style", "notes", "template", "scale",
                 "show_bands", "quote_language", "keywords", "edition_of"):
        value = getattr(briefing, name)
        if name == "quote_language" and value == "translation":
            continue
        if value or name in ("title", "style", "notes", "template", "scale", "show_bands"):
            out[name] = value
    out["sections"] = [_section_dict(s) for s in briefing.sections]
    return out


def _section_dict(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if section.id:
        out["id"] = section.id
    out["heading"] = section.heading
    out["level"] = section.level
    if section.marking:
        out["marking"] = section.marking
    out["blocks"] = [block_to_dict(b) for b in section.blocks]
    return out


def block_to_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"type": block.type}
    if isinstance(block, Chart):
        spec = block.spec
        out.update(_compact({
            "id": block.id, "marking": block.marking, "kind": spec.kind, "title": spec.title,
            "caption": spec.caption, "caption_marking": block.caption_marking,
            "description": spec.description, "x_label": spec.x_label, "y_label": spec.y_label,
            "unit": spec.unit, "cite": spec.cite,
        }))
        out["kind"] = spec.kind
        out["data"] = {"columns": spec.data.columns, "rows": spec.data.rows}
        return out
    for f in fields(block):
        if f.name == "type":
            continue
        value = getattr(block, f.name)
        if f.name == "items":
            out["items"] = [_compact(vars(item)) for item in value]
        elif value not in ("", None, [], {}) or f.name in ("text", "snippet"):
            out[f.name] = value  # kept when 0: attachment ids are numbers, 0 included
    return out


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def block_from_dict(data: Any, scheme_key: str = "", scale_key: str = "icd203",
                    known_refs: set[str] | None = None) -> Block:
    """Read one block (the store keeps blocks as Briefing JSON objects)."""
    wrapper = {"title": "-", "marking_scheme": scheme_key, "scale": scale_key,
               "sections": [{"heading": "-", "blocks": [data]}]}
    briefing = briefing_from_dict(wrapper, known_refs, check_ids=False)
    return briefing.sections[0].blocks[0]
