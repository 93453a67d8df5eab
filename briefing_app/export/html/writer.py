"""write_html: the resolved document through a sandboxed, autoescaping Jinja2 template.

The house template lives in `templates/html/`; a template folder may carry its own
`html.j2`. Every template runs in Jinja2's sandbox with autoescaping on, so neither the
briefing's text nor a template dropped into the templates folder can run code or inject
markup. The page needs nothing from outside: CSS is inlined and images are data: URIs.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ...paths import templates_dir
from ..atomic import ExportError, atomic_output
from ..document import ResolvedDocument
from ..pdf.data import to_typst_data

HOUSE_FOLDER = "html"
HOUSE_TEMPLATE = "briefing.html.j2"
USER_TEMPLATE = "html.j2"
STYLESHEET = "style.css"
#: Link targets a reader's browser may follow; anything else is printed as plain text.
SAFE_SCHEMES = {"http", "https", "mailto", "ftp"}


def write_html(doc: ResolvedDocument, target: Path) -> Path:
    """Render `doc` to `target` (replaced only on success) and return `target`."""
    target = Path(target)
    page = render_html(doc)
    with atomic_output(target, "w") as handle:
        handle.write(page)
    return target


def render_html(doc: ResolvedDocument) -> str:
    template = _template(doc.meta.template)
    try:
        return template.render(context(doc))
    except jinja2.TemplateError as e:
        raise ExportError(
            f"the HTML template for {doc.meta.template!r} failed: {e}; fix or remove "
            f"templates/{doc.meta.template}/{USER_TEMPLATE}"
        ) from None


def context(doc: ResolvedDocument) -> dict[str, Any]:
    """The template's variables: the same data the PDF templates read, with images inline."""
    data = to_typst_data(doc, break_words=False)
    obj = data.obj
    uris = {
        name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for name, png in data.images.items()
    }
    for block in obj["blocks"]:
        if block["t"] == "figure":
            block["src"] = uris.get(block["img"], "")
    _drop_unsafe_links(obj)
    return {
        "doc": obj,
        "meta": obj["meta"],
        "template": doc.meta.template,
        "css": _read(templates_dir() / HOUSE_FOLDER / STYLESHEET),
        "toc": [b for b in obj["blocks"] if b["t"] == "heading" and b["level"] <= 2],
    }


def _drop_unsafe_links(value: Any) -> None:
    if isinstance(value, dict):
        link = value.get("l")
        if isinstance(link, str) and urlsplit(link).scheme.lower() not in SAFE_SCHEMES:
            del value["l"]
        for v in value.values():
            _drop_unsafe_links(v)
    elif isinstance(value, list):
        for v in value:
            _drop_unsafe_links(v)


def _template(key: str) -> jinja2.Template:
    own = templates_dir() / key / USER_TEMPLATE
    folder = own.parent if own.is_file() else templates_dir() / HOUSE_FOLDER
    name = USER_TEMPLATE if own.is_file() else HOUSE_TEMPLATE
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder), str(templates_dir() / HOUSE_FOLDER)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        return env.get_template(name)
    except jinja2.TemplateError as e:
        raise ExportError(f"the HTML template {folder / name} cannot be read: {e}") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise ExportError(
            f"the HTML stylesheet {path} is missing ({e.strerror}); reinstall Briefing Studio"
        ) from None
