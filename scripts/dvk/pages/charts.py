"""Bar charts as inline SVG, drawn at build time from a `Table`: no JavaScript, no library.

Each chart is one `<figure>`: an `<svg role="img">` named by its `<title>` and `<desc>`, one
`<g class="bar">` per table row (label, bar, value). The bars come from the very numbers of the
table printed beside the chart, which screen readers read instead of the drawing. Every label
passes through `html.escape`: registry names are data, not markup.

The drawing has no viewBox: its user unit is the CSS pixel, so text keeps its size (13 px) on a
360 px phone instead of shrinking with the drawing; bars are lengths in % of the width, so the
chart fills any screen. A bar toward a target is green when the target is met, red when not.
"""

from __future__ import annotations

from html import escape

from ..stats import Table
from ..text.formats import number

PLOT = 80  # the longest bar, in % of the width; the rest holds the value after it
ROW = 40  # each row, in px: a line of label, then its bar
LINE = 17  # px between the lines of a label that does not fit on one
BAR = 14
TEXT = 13  # px, as rendered on every screen
FITS = 38  # characters of a label line that fit a 360 px phone at 13 px (SVG text never wraps)
FILL, MET, TRACK = "#c62828", "#2e7d32", "#e0e0e0"  # Material's red (the primary), green, a track
HEIGHT = 200  # the running-total chart's plot, px
# A chart drawn taller than this (px; a bar a row: the units, the communes, the months) is left
# off paper: whole, it would fill a page of its own (its text cannot shrink, the chart has no
# viewBox), and the table under it carries every figure (assets/dvk.css, print).
PAPER = 400


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def anchor(table: Table) -> str:
    """The address fragment of a table's chart: the statistics page's contents and the home
    page's progress link there."""
    return f"bieu-do-{table.key}"


def _open(chart_id: str, height: int, title: str, description: str) -> list[str]:
    return [
        f'<figure class="dvk-chart{" dvk-chart--tall" if height > PAPER else ""}" id="{chart_id}">',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" role="img" '
        f'font-size="{TEXT}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _label_lines(label: str) -> list[str]:
    """A label broken between words into lines that fit a phone; each line but the last keeps
    its trailing space, so the text of the label is the label."""
    lines = [""]
    for word in label.split(" "):
        if lines[-1] and len(lines[-1]) + len(word) > FITS:
            lines[-1] += " "
            lines.append(word)
        else:
            lines[-1] += (" " if lines[-1] else "") + word
    return lines


def bar_chart(table: Table) -> str:
    """A horizontal bar chart of `table.value` per row, or progress toward `table.target`."""
    values = [row[table.value] for row in table.rows]
    targets = [row[table.target] for row in table.rows] if table.target is not None else None
    top = max(values, default=0)
    summary = "; ".join(
        f"{row[0]}: {number(v)}" + (f"/{number(targets[i])}" if targets else "")
        for i, (row, v) in enumerate(zip(table.rows, values, strict=True)))
    labels = [_label_lines(str(row[0])) for row in table.rows]
    parts = _open(anchor(table), sum(ROW + LINE * (len(lines) - 1) for lines in labels) + 8,
                  table.title, f"{table.description} {summary}.")
    bottom = 0
    for i, (lines, value) in enumerate(zip(labels, values, strict=True)):
        y = bottom + 16 + LINE * (len(lines) - 1)  # the label's last line; the bar is under it
        bottom += ROW + LINE * (len(lines) - 1)
        if targets:
            share = min(value / targets[i], 1.0) if targets[i] else 0.0
            shown = f"{number(value)}/{number(targets[i])}"
            fill = MET if value >= targets[i] else FILL
        else:
            share = value / top if top else 0.0
            shown, fill = number(value), FILL
        width = PLOT * share
        parts += [
            f'<g class="bar{" bar--met" if fill == MET else ""}" data-value="{_f(value)}">',
            f'<text x="0" y="{y - LINE * (len(lines) - 1)}" fill="currentColor">'
            + "".join(f'<tspan x="0" dy="{LINE if n else 0}">{escape(line)}</tspan>' for n, line in enumerate(lines))
            + "</text>",
            *([f'<rect class="track" x="0" y="{y + 6}" width="{PLOT}%" height="{BAR}" fill="{TRACK}"/>']
              if targets else []),
            f'<rect class="value" x="0" y="{y + 6}" width="{_f(width)}%" height="{BAR}" fill="{fill}"/>',
            f'<text x="{_f(width)}%" dx="6" y="{y + 18}" fill="currentColor">{escape(shown)}</text>',
            "</g>",
        ]
    parts += ["</svg>", "</figure>"]
    return "\n".join(parts)


def running_total_chart(table: Table, running: int, target: int) -> str:
    """The running total of `table` (column `running`, one row a month) as columns rising toward
    the campaign's `target`, drawn as a line across: how far the count has come, month by month."""
    totals = [int(row[running]) for row in table.rows]
    top = max([target, *totals, 1])
    chart_id = f"{anchor(table)}-luy-ke"
    last = totals[-1] if totals else 0
    description = (f"Số điển hình lũy kế theo tháng so với chỉ tiêu {number(target)}: "
                   + "; ".join(f"{row[0]}: {number(t)}" for row, t in zip(table.rows, totals, strict=True))
                   + f". Đến nay {number(last)}/{number(target)}.")
    parts = _open(chart_id, HEIGHT + 2 * ROW, f"{table.title}: lũy kế so với chỉ tiêu", description)
    step = 100 / max(len(totals), 1)
    base = HEIGHT + 20
    goal_y = base - HEIGHT * target / top
    for i, (row, total) in enumerate(zip(table.rows, totals, strict=True)):
        high = HEIGHT * total / top
        parts += [
            f'<g class="bar{" bar--met" if total >= target else ""}" data-value="{total}">',
            f'<rect class="value" x="{_f(step * i + step * 0.15)}%" y="{_f(base - high)}" '
            f'width="{_f(step * 0.7)}%" height="{_f(high)}" fill="{MET if total >= target else FILL}">'
            f'<title>{escape(str(row[0]))}: {number(total)}</title></rect>',
            "</g>",
        ]
    first, final = (str(table.rows[0][0]), str(table.rows[-1][0])) if table.rows else ("", "")
    parts += [
        f'<line class="target" x1="0" x2="100%" y1="{_f(goal_y)}" y2="{_f(goal_y)}" stroke="currentColor" '
        'stroke-width="2" stroke-dasharray="6 4"/>',
        f'<text x="0" y="{_f(goal_y - 6)}" fill="currentColor">Chỉ tiêu {number(target)}</text>',
        f'<text x="100%" y="{_f(base - HEIGHT * last / top - 6)}" text-anchor="end" fill="currentColor">'
        f'Lũy kế {number(last)}</text>',
        f'<text x="0" y="{base + 18}" fill="currentColor">{escape(first)}</text>',
        f'<text x="100%" y="{base + 18}" text-anchor="end" fill="currentColor">{escape(final)}</text>',
        "</svg>", f"<figcaption>Lũy kế so với chỉ tiêu {number(target)} điển hình</figcaption>", "</figure>",
    ]
    return "\n".join(parts)
