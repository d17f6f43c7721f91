"""Bar charts as inline SVG, drawn at build time from a `Table`: no JavaScript, no library.

Each chart is one `<figure>`: an `<svg role="img">` named by its `<title>` and `<desc>`, one
`<g class="bar">` per table row (label, bar, value). The bars come from the very numbers of the
table printed beside the chart, which screen readers read instead of the drawing. Every label
passes through `html.escape`: registry names are data, not markup.
"""

from __future__ import annotations

from html import escape

from ..stats import Table
from ..text.formats import number

WIDTH = 640
PLOT = 520  # the longest bar; the rest of the width holds the value
ROW = 40  # each row: a line of label, then its bar
BAR = 14
FILL, TRACK = "#c62828", "#e0e0e0"  # Material's red (the site's primary) and a neutral track


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar_chart(table: Table) -> str:
    """A horizontal bar chart of `table.value` per row, or progress toward `table.target`."""
    values = [row[table.value] for row in table.rows]
    targets = [row[table.target] for row in table.rows] if table.target is not None else None
    top = max(values, default=0)
    chart_id = f"bieu-do-{table.key}"
    height = ROW * len(table.rows) + 8
    summary = "; ".join(
        f"{row[0]}: {number(v)}" + (f"/{number(targets[i])}" if targets else "")
        for i, (row, v) in enumerate(zip(table.rows, values, strict=True)))
    parts = [
        f'<figure class="dvk-chart" id="{chart_id}">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" style="max-width:100%;height:auto" role="img" font-size="13" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(table.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(table.description)} {escape(summary)}.</desc>',
    ]
    for i, (row, value) in enumerate(zip(table.rows, values, strict=True)):
        y = ROW * i + 16
        if targets:
            share = min(value / targets[i], 1.0) if targets[i] else 0.0
            shown = f"{number(value)}/{number(targets[i])}"
        else:
            share = value / top if top else 0.0
            shown = number(value)
        width = PLOT * share
        parts += [
            f'<g class="bar" data-value="{_f(value)}">',
            f'<text x="0" y="{y}" fill="currentColor">{escape(str(row[0]))}</text>',
            *([f'<rect class="track" x="0" y="{y + 6}" width="{PLOT}" height="{BAR}" fill="{TRACK}"/>']
              if targets else []),
            f'<rect class="value" x="0" y="{y + 6}" width="{_f(width)}" height="{BAR}" fill="{FILL}"/>',
            f'<text x="{_f(width + 6)}" y="{y + 18}" fill="currentColor">{escape(shown)}</text>',
            "</g>",
        ]
    parts += ["</svg>", "</figure>"]
    return "\n".join(parts)
