"""Charts drawn on the server as inline SVG: the partner network, a timeline, figures beside targets.

Every piece of text that goes into the SVG is escaped here (the result is returned as ``Markup`` for Jinja), and
colours are presentation attributes, not inline styles, so the strict Content-Security-Policy holds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

TYPE_COLOURS = {"visit": "#1b6ca8", "agreement": "#2e8b57", "award": "#b8860b", "project": "#8e44ad",
                "figure": "#555555", "target": "#c0392b"}
FIGURE_COLOUR, TARGET_COLOUR = "#1b6ca8", "#c0392b"


def _attr(value: object) -> str:
    return str(escape(str(value)))


def fmt_number(value: float | int | None) -> str:
    """A compact, language-neutral number: 14500000000 -> ``14.5B``, 6300000 -> ``6.3M``, 1200 -> ``1,200``."""
    if value is None:
        return "—"
    v = float(value)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"


@dataclass(frozen=True)
class Node:
    code: str
    label: str
    count: int
    href: str


def network(focus: Node, partners: Sequence[Node], title: str, width: int = 560, height: int = 440) -> Markup:
    """The focus country in the middle, its partners on a circle, edges as thick as their fact counts."""
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 60
    top = max((p.count for p in partners), default=1) or 1
    edges, nodes = [], []
    n = max(len(partners), 1)
    for i, p in enumerate(partners):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        w = 1.5 + 8 * p.count / top
        edges.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#8fb3d1" '
                     f'stroke-width="{w:.1f}" stroke-linecap="round"/>')
        r = 14 + 10 * p.count / top
        ly = y + r + 16 if y >= cy else y - r - 8
        nodes.append(
            f'<a href="{_attr(p.href)}" class="node" data-country="{_attr(p.code)}">'
            f'<title>{escape(p.label)}: {p.count}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" stroke="#1b6ca8" stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" class="count">{p.count}</text>'
            f'<text x="{x:.1f}" y="{ly:.1f}" text-anchor="middle" class="label">{escape(p.label)}</text></a>')
    centre = (f'<a href="{_attr(focus.href)}" class="node focus" data-country="{_attr(focus.code)}">'
              f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="40" fill="#1b6ca8"/>'
              f'<text x="{cx:.1f}" y="{cy + 6:.1f}" text-anchor="middle" fill="#ffffff" class="label">'
              f'{escape(focus.label)}</text></a>')
    return Markup(
        f'<svg class="chart network" viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(edges) + "".join(nodes) + centre + "</svg>")


_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_position(date: str | None) -> float | None:
    """An ISO date (any precision; an interval by its start) as a fractional year, or ``None``."""
    if not date:
        return None
    m = _YEAR.match(str(date))
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 6), int(m.group(3) or 15)
    return year + (month - 1) / 12 + (day - 1) / 365


@dataclass(frozen=True)
class Mark:
    date: str | None
    type: str
    label: str
    href: str


def timeline(marks: Sequence[Mark], title: str, rtl: bool = True, width: int = 760, height: int = 130) -> Markup:
    """Dated events on one axis (time runs right to left on a right-to-left page), one row per type."""
    dated = [(date_position(m.date), m) for m in marks]
    points = [(p, m) for p, m in dated if p is not None]
    if not points:
        return Markup("")
    lo = math.floor(min(p for p, _ in points))
    hi = math.floor(max(p for p, _ in points)) + 1
    pad = 30

    def x_of(p: float) -> float:
        share = (p - lo) / (hi - lo)
        return (width - pad) - share * (width - 2 * pad) if rtl else pad + share * (width - 2 * pad)

    rows = {t: i for i, t in enumerate(sorted({m.type for _, m in points}))}
    axis_y = height - 28
    parts = [f'<line x1="{pad}" y1="{axis_y}" x2="{width - pad}" y2="{axis_y}" stroke="#999" stroke-width="1"/>']
    step = max(1, (hi - lo) // 8)
    for year in range(lo, hi + 1, step):
        x = x_of(year)
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}" stroke="#999"/>'
                     f'<text x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle" class="tick">{year}</text>')
    for p, m in points:
        x = x_of(p)
        y = 20 + rows[m.type] * 22
        colour = TYPE_COLOURS.get(m.type, "#333")
        shape = (f'<circle cx="{x:.1f}" cy="{y}" r="7" fill="{colour}"/>' if m.type == "visit" else
                 f'<rect x="{x - 6:.1f}" y="{y - 6}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<a href="{_attr(m.href)}" class="mark" data-type="{_attr(m.type)}">'
                     f'<title>{escape(m.date or "")} {escape(m.label)}</title>{shape}</a>')
    h = max(height, 20 + len(rows) * 22 + 40)
    return Markup(f'<svg class="chart timeline" viewBox="0 0 {width} {h}" role="img" aria-label="{_attr(title)}" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>' + "".join(parts) + "</svg>")


@dataclass(frozen=True)
class Bar:
    group: str  # "trade · USD"
    label: str  # "2024 figure" / "target 2030"
    value: float
    kind: str  # "figure" or "target"


def bars(items: Sequence[Bar], title: str, rtl: bool = True, width: int = 760) -> Markup:
    """Horizontal bars grouped by metric and unit (each group on its own scale): a target beside its figure."""
    if not items:
        return Markup("")
    groups: dict[str, list[Bar]] = {}
    for b in items:
        groups.setdefault(b.group, []).append(b)
    row, gap, label_w = 26, 18, 170
    # text-anchor is logical: on a right-to-left page "start" is the right edge of the text
    right_edge, left_edge = ("start", "end") if rtl else ("end", "start")
    y = 10
    parts = []
    plot_w = width - label_w - 90
    for group, rows in groups.items():
        top = max(b.value for b in rows) or 1.0
        gx, g_anchor = (width - 10, right_edge) if rtl else (10, left_edge)
        parts.append(f'<text x="{gx}" y="{y + 14}" text-anchor="{g_anchor}" class="group">{escape(group)}</text>')
        y += 22
        for b in rows:
            w = max(2.0, plot_w * b.value / top)
            colour = TARGET_COLOUR if b.kind == "target" else FIGURE_COLOUR
            if rtl:  # label on the right, bar growing leftwards, value left of the bar
                x0 = width - label_w - w
                lx, l_anchor, vx, v_anchor = width - 10, right_edge, x0 - 6, right_edge
            else:
                x0 = label_w
                lx, l_anchor, vx, v_anchor = 10, left_edge, x0 + w + 6, left_edge
            parts.append(
                f'<g class="bar" data-kind="{_attr(b.kind)}">'
                f'<text x="{lx}" y="{y + 17}" text-anchor="{l_anchor}" class="label">{escape(b.label)}</text>'
                f'<rect x="{x0:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{colour}" rx="2"/>'
                f'<text x="{vx:.1f}" y="{y + 17}" text-anchor="{v_anchor}" class="value">{fmt_number(b.value)}</text>'
                f'</g>')
            y += row
        y += gap
    return Markup(f'<svg class="chart bars" viewBox="0 0 {width} {y}" role="img" aria-label="{_attr(title)}" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>' + "".join(parts) + "</svg>")
