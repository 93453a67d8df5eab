"""Draws the sample project's Pokrovsk schematic (pokrovsk-schematic.png) with Qt, offscreen.

The picture is a diagram of our own, not a copy of any map: positions are approximate and
nothing is to scale. Run it from anywhere to regenerate the PNG next to this script:

    QT_QPA_PLATFORM=offscreen python resources/sample/images/make_schematic.py
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)

WIDTH, HEIGHT = 1600, 1000
OUT = Path(__file__).with_name("pokrovsk-schematic.png")
FONT = "DejaVu Sans"

# Muted palette: readable in print and for the common forms of colour blindness.
PAPER = QColor("#F6F4EF")
INK = QColor("#2B2B2B")
GREY = QColor("#6B6B6B")
RUSSIAN_FILL = QColor(176, 84, 72, 70)
RUSSIAN_EDGE = QColor("#A4493D")
ARROW_FILL = QColor(164, 73, 61, 150)
UKRAINIAN_FILL = QColor(70, 110, 150, 45)
UKRAINIAN_EDGE = QColor("#466E96")
ROAD = QColor("#7A6A55")
FIRE = QColor("#C0392B")
CORRIDOR = QColor("#2E7D6B")

TOWNS = {
    "Pokrovsk": QPointF(640, 560),
    "Myrnohrad": QPointF(870, 540),
    "Dobropillia": QPointF(820, 170),
}


def font(size: int, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont(FONT)
    f.setPixelSize(size)
    f.setBold(bold)
    f.setItalic(italic)
    return f


def draw_areas(p: QPainter) -> None:
    """Ukrainian-held ground to the north, Russian-held and contested ground to the south."""
    north = QPainterPath()
    north.moveTo(0, 90)
    north.lineTo(WIDTH, 90)
    north.lineTo(WIDTH, 330)
    north.cubicTo(1250, 360, 1120, 420, 1010, 430)
    north.lineTo(590, 430)
    north.cubicTo(470, 420, 330, 380, 0, 360)
    north.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(UKRAINIAN_FILL)
    p.drawPath(north)

    south = QPainterPath()
    south.moveTo(0, HEIGHT)
    south.lineTo(0, 760)
    south.cubicTo(250, 740, 420, 720, 540, 700)
    south.cubicTo(700, 690, 820, 700, 960, 690)
    south.cubicTo(1150, 680, 1350, 700, WIDTH, 660)
    south.lineTo(WIDTH, HEIGHT)
    south.closeSubpath()
    p.setBrush(RUSSIAN_FILL)
    p.drawPath(south)
    pen = QPen(RUSSIAN_EDGE, 2, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    edge = QPainterPath()
    edge.moveTo(0, 760)
    edge.cubicTo(250, 740, 420, 720, 540, 700)
    edge.cubicTo(700, 690, 820, 700, 960, 690)
    edge.cubicTo(1150, 680, 1350, 700, WIDTH, 660)
    p.drawPath(edge)


def pincer(p: QPainter, curve: tuple[QPointF, QPointF, QPointF, QPointF], width: float) -> None:
    """A broad shaded arrow along a cubic curve (start, controls, tip) with a triangle head."""
    start, c1, c2, tip = curve
    head_len = width * 1.1
    dx, dy = tip.x() - c2.x(), tip.y() - c2.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    neck = QPointF(tip.x() - ux * head_len, tip.y() - uy * head_len)
    spine = QPainterPath(start)
    spine.cubicTo(c1, c2, neck)
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    shape = stroker.createStroke(spine)
    head = QPainterPath()
    half = width * 0.95
    head.addPolygon(
        QPolygonF(
            [
                QPointF(neck.x() + nx * half, neck.y() + ny * half),
                tip,
                QPointF(neck.x() - nx * half, neck.y() - ny * half),
            ]
        )
    )
    head.closeSubpath()
    shape = shape.united(head).simplified()
    p.setPen(QPen(RUSSIAN_EDGE, 2))
    p.setBrush(ARROW_FILL)
    p.drawPath(shape)


def draw_pincers(p: QPainter) -> None:
    pincer(p, (QPointF(430, 830), QPointF(430, 600), QPointF(500, 460), QPointF(645, 400)), 62)
    pincer(p, (QPointF(1110, 820), QPointF(1110, 600), QPointF(1010, 460), QPointF(875, 400)), 62)
    # Pressure towards Dobropillia: a lighter, dashed arrow from the east.
    pen = QPen(RUSSIAN_EDGE, 4, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(1150, 470))
    path.cubicTo(QPointF(1130, 330), QPointF(1010, 230), QPointF(880, 190))
    p.drawPath(path)
    arrow_head(p, QPointF(920, 200), QPointF(866, 186), RUSSIAN_EDGE)
    p.setPen(RUSSIAN_EDGE)
    p.setFont(font(20, italic=True))
    p.drawText(
        QRectF(780, 226, 200, 60), Qt.AlignmentFlag.AlignRight, "pressure towards\nDobropillia"
    )


def arrow_head(p: QPainter, start: QPointF, tip: QPointF, colour: QColor) -> None:
    dx, dy = tip.x() - start.x(), tip.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    size = 20
    polygon = QPolygonF(
        [
            tip,
            QPointF(tip.x() - ux * size + nx * size * 0.6, tip.y() - uy * size + ny * size * 0.6),
            QPointF(tip.x() - ux * size - nx * size * 0.6, tip.y() - uy * size - ny * size * 0.6),
        ]
    )
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPolygon(polygon)


def draw_road(p: QPainter) -> None:
    """T0504 drawn as a road into the area from the north-east, with strike marks along it."""
    path = QPainterPath(TOWNS["Pokrovsk"])
    path.cubicTo(QPointF(760, 470), QPointF(980, 400), QPointF(1180, 300))
    path.cubicTo(QPointF(1300, 240), QPointF(1420, 200), QPointF(1560, 170))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#FFFFFF"), 11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)
    p.setPen(QPen(ROAD, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)
    p.setPen(QPen(FIRE, 4))
    for t in (0.28, 0.40, 0.52, 0.64, 0.76):
        strike_mark(p, path.pointAtPercent(t))
    p.setPen(ROAD)
    p.setFont(font(22, bold=True))
    p.drawText(QPointF(1290, 290), "T0504")
    p.setFont(font(18))
    p.setPen(FIRE)
    p.drawText(
        QRectF(1290, 300, 300, 60),
        Qt.AlignmentFlag.AlignLeft,
        "under drone and artillery fire;\nno daylight traffic",
    )


def strike_mark(p: QPainter, at: QPointF, size: float = 9) -> None:
    p.drawLine(QPointF(at.x() - size, at.y() - size), QPointF(at.x() + size, at.y() + size))
    p.drawLine(QPointF(at.x() - size, at.y() + size), QPointF(at.x() + size, at.y() - size))


def draw_corridor(p: QPainter) -> None:
    """The gap between the arrowheads, with a dimension line and its label."""
    y = 395
    left, right = QPointF(662, y), QPointF(858, y)
    pen = QPen(CORRIDOR, 3)
    p.setPen(pen)
    p.drawLine(left, right)
    for end in (left, right):
        p.drawLine(QPointF(end.x(), y - 14), QPointF(end.x(), y + 14))
    p.setFont(font(22, bold=True))
    p.drawText(QRectF(560, 320, 400, 34), Qt.AlignmentFlag.AlignCenter, "corridor < 5 km")


def draw_towns(p: QPainter) -> None:
    offsets = {"Pokrovsk": (-150, 30), "Myrnohrad": (22, 36), "Dobropillia": (22, -6)}
    for name, at in TOWNS.items():
        p.setPen(QPen(INK, 3))
        p.setBrush(QColor("#FFFFFF"))
        p.drawEllipse(at, 16, 16)
        p.setBrush(INK)
        p.drawEllipse(at, 7, 7)
        dx, dy = offsets[name]
        p.setFont(font(26, bold=True))
        outlined_text(p, QPointF(at.x() + dx, at.y() + dy), name)
    p.setPen(GREY)
    p.setFont(font(18, italic=True))
    p.drawText(QPointF(1400, 120), "to Kramatorsk →")


def outlined_text(p: QPainter, at: QPointF, text: str) -> None:
    """Text with a paper-coloured halo so it stays legible over shading and lines."""
    path = QPainterPath()
    path.addText(at, p.font(), text)
    p.setPen(
        QPen(PAPER, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPath(path)


def draw_area_labels(p: QPainter) -> None:
    p.setFont(font(20, italic=True))
    p.setPen(UKRAINIAN_EDGE)
    p.drawText(QPointF(40, 135), "Ukrainian-held")
    p.setPen(RUSSIAN_EDGE)
    p.drawText(QPointF(40, 960), "Russian-held")
    p.drawText(
        QRectF(470, 615, 640, 60),
        Qt.AlignmentFlag.AlignCenter,
        "contested zone: Russian infiltration groups\nin the southern districts",
    )


def draw_legend(p: QPainter) -> None:
    box = QRectF(1170, 680, 400, 300)
    p.setPen(QPen(QColor("#BDB7AB"), 1.5))
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRoundedRect(box, 8, 8)
    p.setPen(INK)
    p.setFont(font(20, bold=True))
    p.drawText(QPointF(box.x() + 20, box.y() + 36), "Legend")
    p.setFont(font(17))
    x, y = box.x() + 20, box.y() + 62
    rows = [
        ("area", UKRAINIAN_FILL, UKRAINIAN_EDGE, "Ukrainian-held area"),
        ("area", PAPER, GREY, "Contested zone"),
        ("area", RUSSIAN_FILL, RUSSIAN_EDGE, "Russian-held area"),
        ("area", ARROW_FILL, RUSSIAN_EDGE, "Russian axis of advance"),
        ("road", ROAD, FIRE, "Road under fire (strikes)"),
        ("corridor", CORRIDOR, CORRIDOR, "Remaining corridor"),
        ("town", INK, INK, "Town"),
    ]
    for kind, fill, edge, label in rows:
        swatch = QRectF(x, y - 13, 44, 22)
        if kind == "area":
            p.setPen(QPen(edge, 1.5))
            p.setBrush(fill)
            p.drawRect(swatch)
        elif kind == "road":
            p.setPen(QPen(fill, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(x + 2, y - 2), QPointF(x + 42, y - 2))
            p.setPen(QPen(edge, 3))
            strike_mark(p, QPointF(x + 22, y - 2), 7)
        elif kind == "corridor":
            p.setPen(QPen(fill, 3))
            p.drawLine(QPointF(x + 2, y - 2), QPointF(x + 42, y - 2))
            p.drawLine(QPointF(x + 2, y - 11), QPointF(x + 2, y + 7))
            p.drawLine(QPointF(x + 42, y - 11), QPointF(x + 42, y + 7))
        else:
            p.setPen(QPen(INK, 2.5))
            p.setBrush(QColor("#FFFFFF"))
            p.drawEllipse(QPointF(x + 22, y - 2), 10, 10)
            p.setBrush(INK)
            p.drawEllipse(QPointF(x + 22, y - 2), 4, 4)
        p.setPen(INK)
        p.drawText(QPointF(x + 60, y + 4), label)
        y += 34


def draw_frame(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFFFFF"))
    p.drawRect(QRectF(0, 0, WIDTH, 90))
    p.setPen(INK)
    p.setFont(font(30, bold=True))
    p.drawText(QPointF(40, 50), "Pokrovsk and Myrnohrad: the closing pincer, early November 2025")
    p.setPen(GREY)
    p.setFont(font(18))
    p.drawText(QPointF(40, 78), "Positions approximate, from open sources to 9 November 2025")
    p.setPen(QPen(QColor("#BDB7AB"), 2))
    p.drawLine(QPointF(0, 90), QPointF(WIDTH, 90))
    # North arrow
    cx, cy = 1530, 30
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx, cy - 18),
                QPointF(cx - 11, cy + 16),
                QPointF(cx, cy + 8),
                QPointF(cx + 11, cy + 16),
            ]
        )
    )
    p.setPen(INK)
    p.setFont(font(18, bold=True))
    p.drawText(QRectF(cx - 20, cy + 18, 40, 26), Qt.AlignmentFlag.AlignCenter, "N")


def draw_footer(p: QPainter) -> None:
    p.setPen(INK)
    p.setFont(font(20, bold=True, italic=True))
    p.drawText(QPointF(560, 960), "Schematic, not to scale")


def render() -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(PAPER)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    draw_areas(p)
    draw_road(p)
    draw_pincers(p)
    draw_corridor(p)
    draw_towns(p)
    draw_area_labels(p)
    draw_legend(p)
    draw_frame(p)
    draw_footer(p)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    image = render()
    if not image.save(str(OUT), "PNG"):
        print(f"could not write {OUT}", file=sys.stderr)
        return 1
    print(f"wrote {OUT} ({WIDTH}x{HEIGHT})")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
