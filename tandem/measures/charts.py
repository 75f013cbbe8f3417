"""SVG charts drawn on the server: SPC charts, funnel plots and the Making Data Count icons.

No JavaScript, no fonts or images from elsewhere, and no inline styles (the content
security policy allows none): colours and lines are SVG presentation attributes. Each SVG
has role="img", a <title> and a <desc> (the text alternative), and a viewBox with width
100% so it shrinks to a 320 px screen; the `tandem-chart` class lets a stylesheet cap its
width. A data table beside each chart carries the figures for people who cannot see it.

Colours are Making Data Count's, except two darkened to reach the 3:1 contrast against
white that WCAG 2.2 asks of graphics (1.4.11): improvement blue #00b0f0 (2.5:1) is drawn
#0086b8 (4.1:1) and common-cause grey #a6a6a6 (2.4:1) is drawn #757575 (4.6:1). Marker
shapes differ too, so colour is not the only sign (1.4.1).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil, floor, log10

from markupsafe import Markup, escape

from tandem.measures.funnel import FunnelPlot, FunnelUnit, Position
from tandem.measures.spc import (
    AssuranceIcon,
    PointType,
    SpcChart,
    SpcPoint,
    VariationIcon,
    month_name,
)

IMPROVEMENT = "#0086b8"
CONCERN = "#e46c0a"
NEUTRAL = "#490092"
COMMON = "#757575"
TARGET = "#de1b1b"
TEXT = "#212b32"  # NHS.UK text colour
AXIS = "#4c6272"  # NHS.UK secondary text colour
FONT = "Frutiger W01, Arial, sans-serif"

# (colour, marker shape) of each kind of point.
POINT_LOOKS = {
    PointType.COMMON_CAUSE: (COMMON, "circle"),
    PointType.IMPROVEMENT: (IMPROVEMENT, "square"),
    PointType.CONCERN: (CONCERN, "diamond"),
    PointType.NEUTRAL: (NEUTRAL, "triangle"),
}
# A funnel plot has no better or worse side: units beyond a limit are purple, by shape.
FUNNEL_LOOKS = {
    "inside": (COMMON, "circle"),
    "beyond_95": (NEUTRAL, "square"),
    "beyond_99_8": (NEUTRAL, "triangle"),
}
FUNNEL_LEGEND = {
    "inside": "Within the 95% limits",
    "beyond_95": "Beyond the 95% limits only",
    "beyond_99_8": "Beyond the 99.8% limits",
}

WIDTH, HEIGHT = 400, 284
LEFT, RIGHT, TOP, BOTTOM = 46, 392, 14, 200  # the plotting area
FONT_SIZE = 11
LEGEND_TOP = 246
LABEL_WIDTH = 52  # room for a month label such as "Sep 2025"


@dataclass(frozen=True)
class _Scale:
    """Maps data values to SVG coordinates along one axis."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)


def spc_svg(chart: SpcChart, *, title: str, unit_label: str) -> Markup:
    """An XmR chart: points by type, each segment's mean and process limits, the target,
    dashed breaks where the process changed, and month labels."""
    points = chart.points
    known = [point.value for point in points if point.value is not None]
    if not known:
        return _empty(title, f"No data for {title.lower()} in this period.")
    y = _value_scale([*known, *_segment_levels(chart)], BOTTOM, TOP)
    step = (RIGHT - LEFT) / len(points)

    def x(index: int) -> float:
        return LEFT + (index + 0.5) * step

    body = [*_value_axis(y, unit_label), *_month_axis(points, x)]
    index = 0
    for number, segment in enumerate(chart.segments):
        count = sum(1 for point in points if point.segment is segment)
        left, right = LEFT + index * step, LEFT + (index + count) * step
        if number:
            body.append(_line(left, TOP, left, BOTTOM, AXIS, dash="2 3"))
        if segment.mean is not None:
            body.append(_line(left, y(segment.mean), right, y(segment.mean), TEXT))
        for limit in (segment.lower_limit, segment.upper_limit):
            if limit is not None:
                body.append(_line(left, y(limit), right, y(limit), AXIS, dash="6 4"))
        index += count
    if chart.target is not None:
        body.append(_line(LEFT, y(chart.target), RIGHT, y(chart.target), TARGET, dash="10 4"))
    body.extend(_series_lines(points, x, y))
    for index, point in enumerate(points):
        if point.value is not None and point.point_type is not None:
            tooltip = (
                f"{month_name(point.period)}: {_number(point.value)} {unit_label}, "
                f"{point.point_type.label.lower()}"
            )
            body.append(_marker(POINT_LOOKS[point.point_type], x(index), y(point.value), tooltip))
    present = [kind for kind in PointType if any(p.point_type is kind for p in points)]
    legend = [(POINT_LOOKS[kind], kind.label) for kind in present]
    body.extend(_legend(legend, target=chart.target is not None))
    return _svg(title, _spc_description(chart, unit_label), body)


def funnel_svg(plot: FunnelPlot, *, title: str, unit_label: str) -> Markup:
    """Each unit's rate against its denominator, inside the 95% (dashed) and 99.8% (solid)
    limits around the pooled rate."""
    if not plot.units:
        return _empty(title, f"No data for {title.lower()} in this period.")
    # The range the units need: the curve beyond it (tiny denominators) is left undrawn.
    levels = [
        value
        for unit in plot.units
        for value in (unit.value, unit.limits.lower_99_8, unit.limits.upper_99_8)
    ]
    y = _value_scale([*levels, plot.target], BOTTOM, TOP)
    largest = max(point.denominator for point in plot.curve)
    x = _Scale(0, largest, LEFT, RIGHT)
    body = [*_value_axis(y, unit_label), *_count_axis(x, largest)]
    body.append(_line(LEFT, y(plot.target), RIGHT, y(plot.target), TEXT))
    for attribute, dash in (
        ("lower_95", "6 4"),
        ("upper_95", "6 4"),
        ("lower_99_8", ""),
        ("upper_99_8", ""),
    ):
        coordinates = " ".join(
            f"{x(point.denominator):.1f},{y(limit):.1f}"
            for point in plot.curve
            if y.low <= (limit := getattr(point.limits, attribute)) <= y.high
        )
        body.append(_polyline(coordinates, AXIS, dash))
    for unit in plot.units:
        look = FUNNEL_LOOKS[_funnel_kind(unit)]
        body.append(_marker(look, x(unit.denominator), y(unit.value), _unit_text(unit, unit_label)))
    legend = [(FUNNEL_LOOKS[kind], label) for kind, label in FUNNEL_LEGEND.items()]
    body.extend(_legend(legend, target=False))
    return _svg(title, _funnel_description(plot, unit_label), body)


def variation_icon_svg(icon: VariationIcon | None) -> Markup:
    """Making Data Count's variation icon: a ring with a line of dots; a special cause
    ring is coloured, its last dots rise or fall, and it carries H (high) or L (low)."""
    if icon is None:
        return Markup("")
    letter, letter_y = "", 0
    if icon is VariationIcon.COMMON_CAUSE:
        colour, ends = COMMON, (30, 30)
    else:
        kind, side = icon.value.split("_")
        colour = {"improvement": IMPROVEMENT, "concern": CONCERN, "neutral": NEUTRAL}[kind]
        letter, letter_y, ends = ("H", 18, (22, 14)) if side == "high" else ("L", 20, (34, 38))
    dots = [(12, 30), (18, 27), (24, 31), (30, ends[0]), (36, ends[1])]
    body = [
        _circle(24, 24, 21, "#ffffff", colour, width=3),
        *(_circle(cx, cy, 2.5, colour if i >= 3 else COMMON) for i, (cx, cy) in enumerate(dots)),
    ]
    if letter:
        body.append(_text(24, letter_y, letter, colour, anchor="middle", size=13, bold=True))
    if icon is VariationIcon.COMMON_CAUSE:
        meaning = "The latest month is within the variation the process usually gives."
    else:
        judgement = {
            "improvement": "an improvement",
            "concern": "a concern",
            "neutral": "neither better nor worse",
        }[kind]
        meaning = (
            f"The latest month is part of a special cause signal, {judgement}: values "
            f"{'higher' if side == 'high' else 'lower'} than the process usually gives."
        )
    return _icon(icon.label, f"Making Data Count variation icon. {meaning}", body)


def assurance_icon_svg(icon: AssuranceIcon | None) -> Markup:
    """Making Data Count's assurance icon: P (pass) in blue, F (fail) in orange, or a
    grey ring with the target line through the process (hit and miss)."""
    if icon is None:
        return Markup("")
    colour, letter = {
        AssuranceIcon.CONSISTENTLY_PASS: (IMPROVEMENT, "P"),
        AssuranceIcon.CONSISTENTLY_FAIL: (CONCERN, "F"),
        AssuranceIcon.HIT_AND_MISS: (COMMON, "?"),
    }[icon]
    body = [
        _circle(24, 24, 21, "#ffffff", colour, width=3),
        _line(9, 32, 39, 32, TARGET, width=2),
        _text(24, 31, letter, colour, anchor="middle", size=20, bold=True),
    ]
    meaning = {
        AssuranceIcon.CONSISTENTLY_PASS: "The target is outside the process limits on the good "
        "side: the process will meet it every month unless it changes.",
        AssuranceIcon.CONSISTENTLY_FAIL: "The target is outside the process limits on the bad "
        "side: the process will not meet it without a change.",
        AssuranceIcon.HIT_AND_MISS: "The target is within the process limits: some months "
        "will meet it and some will not.",
    }[icon]
    return _icon(icon.label, f"Making Data Count assurance icon. {meaning}", body)


# Descriptions: the text alternative says what a sighted reader would take from the chart.


def _spc_description(chart: SpcChart, unit_label: str) -> str:
    points = chart.points
    sentences = [
        f"Monthly values in {unit_label} from {month_name(points[0].period)} to "
        f"{month_name(points[-1].period)}."
    ]
    for segment in chart.segments:
        if segment.mean is None:
            continue
        limits = ""
        if segment.lower_limit is not None and segment.upper_limit is not None:
            limits = (
                f", process limits {_number(segment.lower_limit)} to {_number(segment.upper_limit)}"
            )
        sentences.append(
            f"From {month_name(segment.first)} to {month_name(segment.last)}: mean "
            f"{_number(segment.mean)}{limits}."
        )
    special = [p for p in points if p.point_type not in (None, PointType.COMMON_CAUSE)]
    with_data = sum(1 for point in points if point.value is not None)
    sentences.append(f"Special cause variation in {len(special)} of {with_data} months with data.")
    if chart.target is not None:
        sentences.append(f"Target {_number(chart.target)}.")
    if chart.variation is not None:
        sentences.append(f"Latest month: {chart.variation.label}.")
    if chart.assurance is not None:
        sentences.append(f"{chart.assurance.label}.")
    sentences.extend(chart.warnings)
    return " ".join(sentences)


def _funnel_description(plot: FunnelPlot, unit_label: str) -> str:
    beyond = [unit.label for unit in plot.units if unit.against_99_8 is not Position.INSIDE]
    watch = [
        unit.label
        for unit in plot.units
        if unit.against_95 is not Position.INSIDE and unit.against_99_8 is Position.INSIDE
    ]
    sentences = [
        f"{len(plot.units)} groups compared against the overall rate of {_number(plot.target)} "
        f"{unit_label} ({plot.numerator:,} of {plot.denominator:,})."
    ]
    sentences.append(
        f"Beyond the 99.8% limits: {', '.join(beyond)}." if beyond else "None beyond 99.8%."
    )
    if watch:
        sentences.append(f"Beyond the 95% limits only: {', '.join(watch)}.")
    return " ".join(sentences)


def _unit_text(unit: FunnelUnit, unit_label: str) -> str:
    return (
        f"{unit.label}: {_number(unit.value)} {unit_label} "
        f"({unit.numerator:,} of {unit.denominator:,}), {unit.against_99_8} the 99.8% limits"
    )


def _funnel_kind(unit: FunnelUnit) -> str:
    if unit.against_99_8 is not Position.INSIDE:
        return "beyond_99_8"
    if unit.against_95 is not Position.INSIDE:
        return "beyond_95"
    return "inside"


# Axes and scales.


def _segment_levels(chart: SpcChart) -> list[float]:
    levels = [
        level
        for segment in chart.segments
        for level in (segment.mean, segment.lower_limit, segment.upper_limit)
        if level is not None
    ]
    return levels + ([chart.target] if chart.target is not None else [])


def _nice_step(span: float) -> float:
    """A tick step of 1, 2 or 5 times a power of ten giving about five ticks."""
    raw = span / 5 or 1.0
    power = 10 ** floor(log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _value_scale(values: Sequence[float], start: float, end: float) -> _Scale:
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    return _Scale(floor(low / step) * step, ceil(high / step) * step, start, end)


def _ticks(scale: _Scale) -> list[float]:
    step = _nice_step(scale.high - scale.low)
    count = round((scale.high - scale.low) / step)
    return [scale.low + i * step for i in range(count + 1)]


def _value_axis(y: _Scale, unit_label: str) -> list[str]:
    parts = [_line(LEFT, TOP, LEFT, BOTTOM, AXIS)]
    for tick in _ticks(y):
        parts.append(_line(LEFT - 4, y(tick), LEFT, y(tick), AXIS))
        parts.append(_text(LEFT - 6, y(tick) + 4, _number(tick), TEXT, anchor="end"))
    middle = (TOP + BOTTOM) / 2
    parts.append(
        f'<text x="12" y="{middle:.1f}" transform="rotate(-90 12 {middle:.1f})" '
        f'text-anchor="middle" font-family="{FONT}" font-size="{FONT_SIZE}" '
        f'fill="{TEXT}">{escape(unit_label)}</text>'
    )
    return parts


def _month_axis(points: Sequence[SpcPoint], x) -> list[str]:
    parts = [_line(LEFT, BOTTOM, RIGHT, BOTTOM, AXIS)]
    every = max(1, ceil(len(points) * LABEL_WIDTH / (RIGHT - LEFT)))
    for index in range(0, len(points), every):
        label = points[index].period.first_day.strftime("%b %Y")
        parts.append(_line(x(index), BOTTOM, x(index), BOTTOM + 4, AXIS))
        parts.append(_text(x(index), BOTTOM + 16, label, TEXT, anchor="middle"))
    return parts


def _count_axis(x: _Scale, largest: int) -> list[str]:
    parts = [_line(LEFT, BOTTOM, RIGHT, BOTTOM, AXIS)]
    step = _nice_step(largest)
    tick = 0.0
    while tick <= largest:
        parts.append(_line(x(tick), BOTTOM, x(tick), BOTTOM + 4, AXIS))
        parts.append(_text(x(tick), BOTTOM + 16, f"{tick:,.0f}", TEXT, anchor="middle"))
        tick += step
    parts.append(
        _text((LEFT + RIGHT) / 2, BOTTOM + 30, "Denominator (number counted)", TEXT, "middle")
    )
    return parts


def _series_lines(points: Sequence[SpcPoint], x, y) -> list[str]:
    """The line joining the months, broken at months without data."""
    lines, run = [], []
    for index, point in enumerate([*points, None]):
        if point is not None and point.value is not None:
            run.append(f"{x(index):.1f},{y(point.value):.1f}")
            continue
        if len(run) > 1:
            lines.append(_polyline(" ".join(run), COMMON, ""))
        run = []
    return lines


def _legend(entries: Sequence[tuple[tuple[str, str], str]], *, target: bool) -> list[str]:
    """Two columns of keys under the axis labels; the target line last."""
    parts = []
    places = [(LEFT + column * 175, LEGEND_TOP + row * 14) for row in range(3) for column in (0, 1)]
    for (look, label), (cx, cy) in zip(entries, places, strict=False):
        parts.append(_marker(look, cx, cy, ""))
        parts.append(_text(cx + 8, cy + 4, label, TEXT))
    if target:
        cx, cy = places[len(entries)]
        parts.append(_line(cx - 5, cy, cx + 5, cy, TARGET, dash="10 4"))
        parts.append(_text(cx + 8, cy + 4, "Target", TEXT))
    return parts


# SVG elements.


def _number(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def _svg(title: str, description: str, body: Sequence[str]) -> Markup:
    # Safe: every text that reaches the SVG passes escape() where its element is made.
    return Markup(  # noqa: S704
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'class="tandem-chart" role="img">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>'
        f"{''.join(body)}</svg>"
    )


def _empty(title: str, description: str) -> Markup:
    return _svg(
        title, description, [_text(WIDTH / 2, HEIGHT / 2, description, TEXT, anchor="middle")]
    )


def _icon(label: str, description: str, body: Sequence[str]) -> Markup:
    return Markup(  # noqa: S704 (texts escaped as in _svg)
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" '
        f'class="tandem-spc-icon" role="img">'
        f"<title>{escape(label)}</title><desc>{escape(description)}</desc>{''.join(body)}</svg>"
    )


def _line(x1, y1, x2, y2, colour: str, dash: str = "", width: float = 1.5) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}"{dashes}/>'
    )


def _polyline(coordinates: str, colour: str, dash: str) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
        f'stroke-width="1.5"{dashes}/>'
    )


def _circle(cx, cy, r, fill: str, stroke: str = "", width: float = 0) -> str:
    outline = f' stroke="{stroke}" stroke-width="{width}"' if stroke else ""
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{fill}"{outline}/>'


def _text(x, y, text: str, colour: str, anchor: str = "start", size=FONT_SIZE, bold=False):
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="{FONT}" '
        f'font-size="{size}" fill="{colour}"{weight}>{escape(text)}</text>'
    )


def _marker(look: tuple[str, str], cx: float, cy: float, tooltip: str) -> str:
    """A point drawn in a (colour, shape); `tooltip` (if any) is its <title>."""
    colour, shape = look
    inner = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}">{inner}</circle>'
    if shape == "square":
        corners = [(-4, -4), (4, -4), (4, 4), (-4, 4)]
    elif shape == "diamond":
        corners = [(0, -5), (5, 0), (0, 5), (-5, 0)]
    else:
        corners = [(0, -5), (5, 4), (-5, 4)]
    path = " ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners)
    return f'<polygon points="{path}" fill="{colour}">{inner}</polygon>'
