"""Make Qt's SVG output render right in Typst: bake non-scaling strokes into coordinates.

QSvgGenerator writes each shape drawn with a cosmetic pen inside a group whose ``transform``
maps data to page (for a chart, e.g. ``matrix(5e-05,0,0,-0.73,...)``) and marks the shape
``vector-effect="non-scaling-stroke"`` so its stroke width stays in page units. Typst (resvg)
does not implement vector-effect: it scales the stroke by the data transform, which makes
lines hairlines or slabs. We apply the group's transform to the shape's coordinates instead
and drop the attribute; the stroke width is then already in page units. Text and images,
which have no such problem, keep the transform on themselves.

The input is our own generator's output (trusted, small), parsed with the standard library.
Shapes whose data we cannot rewrite keep their transform: wrong stroke weight at worst,
never a failed export.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_NON_SCALING = "non-scaling-stroke"
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Matrix = tuple[float, float, float, float, float, float]

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


class _Unsupported(ValueError):
    """Shape data we do not rewrite (relative or arc commands, skewed rectangles)."""


def bake_strokes(svg: bytes) -> bytes:
    """Return `svg` with every non-scaling-stroke shape's group transform baked in."""
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        _bake_group(group)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body).encode("utf-8")


def _bake_group(group: ET.Element) -> None:
    matrix = _parse_matrix(group.get("transform"))
    children = list(group)
    if matrix is None or not any(c.get("vector-effect") == _NON_SCALING for c in children):
        return
    transform = group.attrib.pop("transform")
    for child in children:
        if child.get("vector-effect") == _NON_SCALING:
            try:
                _bake_shape(child, matrix)
                del child.attrib["vector-effect"]
                continue
            except _Unsupported:
                pass  # a shape we cannot bake keeps the group's transform, as below
        child.set("transform", _join_transforms(transform, child.get("transform")))


def _join_transforms(outer: str, inner: str | None) -> str:
    return f"{outer} {inner}" if inner else outer


def _parse_matrix(text: str | None) -> Matrix | None:
    if not text:
        return None
    m = _MATRIX.match(text)
    if not m:
        return None
    parts = [float(p) for p in re.split(r"[\s,]+", m[1].strip())]
    if len(parts) != 6:
        return None
    a, b, c, d, e, f = parts
    return a, b, c, d, e, f


def _apply(mx: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = mx
    return a * x + c * y + e, b * x + d * y + f


def _num(v: float) -> str:
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _bake_shape(el: ET.Element, mx: Matrix) -> None:
    tag = el.tag.rsplit("}", 1)[-1]
    if tag == "path":
        el.set("d", _bake_path(el.get("d", ""), mx))
    elif tag in ("polyline", "polygon"):
        el.set("points", _bake_points(el.get("points", ""), mx))
    elif tag == "rect":
        _bake_rect(el, mx)
    elif tag == "line":
        x1, y1 = _apply(mx, float(el.get("x1", 0)), float(el.get("y1", 0)))
        x2, y2 = _apply(mx, float(el.get("x2", 0)), float(el.get("y2", 0)))
        el.set("x1", _num(x1))
        el.set("y1", _num(y1))
        el.set("x2", _num(x2))
        el.set("y2", _num(y2))
    elif tag in {"ellipse", "circle"}:
        _bake_ellipse(el, mx, tag)
    else:
        raise _Unsupported(tag)


def _bake_path(d: str, mx: Matrix) -> str:
    out: list[str] = []
    numbers: list[float] = []
    command = ""

    def flush() -> None:
        if command in "MLC":
            if len(numbers) % 2:
                raise _Unsupported("odd coordinate count")
            pairs = [_apply(mx, numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
            out.append(command + " ".join(f"{_num(x)},{_num(y)}" for x, y in pairs))
        elif command == "Z":
            out.append("Z")
        numbers.clear()

    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            if command:
                flush()
            if token not in "MLCZ":
                raise _Unsupported(f"path command {token}")
            command = token
        else:
            if not command:
                raise _Unsupported("path data starts with a number")
            numbers.append(float(token))
    if command:
        flush()
    return " ".join(out)


def _bake_points(points: str, mx: Matrix) -> str:
    values = [float(v) for v in re.split(r"[\s,]+", points.strip()) if v]
    if len(values) % 2:
        raise _Unsupported("odd point count")
    pairs = [_apply(mx, values[i], values[i + 1]) for i in range(0, len(values), 2)]
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in pairs)


def _bake_rect(el: ET.Element, mx: Matrix) -> None:
    a, b, c, d, _, _ = mx
    if b or c:
        raise _Unsupported("rotated rectangle")
    x, y = float(el.get("x", 0)), float(el.get("y", 0))
    w, h = float(el.get("width", 0)), float(el.get("height", 0))
    x0, y0 = _apply(mx, x, y)
    x1, y1 = _apply(mx, x + w, y + h)
    el.set("x", _num(min(x0, x1)))
    el.set("y", _num(min(y0, y1)))
    el.set("width", _num(abs(x1 - x0)))
    el.set("height", _num(abs(y1 - y0)))
    del a, d


def _bake_ellipse(el: ET.Element, mx: Matrix, tag: str) -> None:
    a, b, c, d, _, _ = mx
    if b or c:
        raise _Unsupported("rotated ellipse")
    cx, cy = _apply(mx, float(el.get("cx", 0)), float(el.get("cy", 0)))
    if tag == "circle":
        r = float(el.get("r", 0))
        if abs(abs(a) - abs(d)) > 1e-9:
            el.tag = f"{{{SVG_NS}}}ellipse"
            del el.attrib["r"]
            el.set("rx", _num(abs(a) * r))
            el.set("ry", _num(abs(d) * r))
        else:
            el.set("r", _num(abs(a) * r))
    else:
        el.set("rx", _num(abs(a) * float(el.get("rx", 0))))
        el.set("ry", _num(abs(d) * float(el.get("ry", 0))))
    el.set("cx", _num(cx))
    el.set("cy", _num(cy))
