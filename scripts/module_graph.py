#!/usr/bin/env python3
# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Draws the suite's module graph as docs/modules.svg, from the manifests.

python3 scripts/module_graph.py          # rewrite docs/modules.svg
python3 scripts/module_graph.py --check  # exit 1 when it is out of date

Every folder of addons/ with a __manifest__.py is a node; its `depends`
inside the suite are the arrows ("depends on", pointing down), the others
(Odoo's modules, the OCA's ones named in requirements-oca.txt) are listed in
the box. Auto-install modules (bridges) are dashed. The layout is a plain
layered drawing computed here (no graphviz): a module sits one layer above the
highest module it depends on, an arrow that skips layers bends through
waypoints of the layers it crosses, each layer's order is the one with the
fewest crossings, and the boxes are moved towards the modules they are linked
to. The output is the same byte for byte for the same manifests.
"""

import ast
import itertools
import math
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "docs" / "modules.svg"

# Drawing sizes, in pixels.
MARGIN = 24
TITLE_H = 46
NODE_H = 66
LAYER_GAP = 62
NODE_GAP = 28
WAYPOINT_W = 16
LEGEND_H = 96
NAME_PX = 13  # monospace: 0.6 em a character
LABEL_PX = 12  # sans-serif: at most about 0.58 em a character
DEPS_PX = 11

STYLE = {
    # (fill, stroke) of a box
    "base": ("#dde8f4", "#2f5d8a"),
    "module": ("#eaf3e6", "#4d7c3a"),
    "bridge": ("#fff6e0", "#b07a12"),
}


# ---------------------------------------------------------------- the graph


def read_manifests(root=ROOT):
    """{module: manifest} of every addon of the suite."""
    return {
        path.parent.name: ast.literal_eval(path.read_text())
        for path in sorted((root / "addons").glob("*/__manifest__.py"))
    }


def oca_modules(root=ROOT):
    """The OCA modules the suite installs from PyPI (requirements-oca.txt)."""
    path = root / "requirements-oca.txt"
    names = set()
    if path.exists():
        for line in path.read_text().splitlines():
            if m := re.match(r"\s*odoo-addon-([A-Za-z0-9_.-]+?)\s*(?:[=<>!~;\[]|$)", line):
                names.add(m.group(1).replace("-", "_").lower())
    return names


def build_graph(manifests, oca=()):
    """Nodes (module, label, kind, external deps) and edges (module, dependency)."""
    nodes = {}
    edges = []
    for module, data in manifests.items():
        inside = [dep for dep in data.get("depends", []) if dep in manifests]
        outside = [dep for dep in data.get("depends", []) if dep not in manifests]
        if data.get("auto_install"):
            kind = "bridge"
        elif not inside:
            kind = "base"
        else:
            kind = "module"
        label = re.sub(r"^After-Sales:\s*", "", data.get("name", module))
        nodes[module] = {
            "label": label,
            "kind": kind,
            "external": [f"{dep} (OCA)" if dep in oca else dep for dep in outside],
        }
        edges += [(module, dep) for dep in inside]
    return nodes, sorted(edges)


def layers_of(nodes, edges):
    """Layer of each module: 0 for those that depend on no other module of the
    suite, else one more than the highest of their dependencies."""
    deps = {module: [d for m, d in edges if m == module] for module in nodes}
    layer = {}

    def visit(module, path=()):
        if module in path:
            raise SystemExit("dependency cycle: " + " -> ".join((*path, module)))
        if module not in layer:
            layer[module] = 1 + max((visit(d, (*path, module)) for d in deps[module]), default=-1)
        return layer[module]

    for module in sorted(nodes):
        visit(module)
    return layer


# ---------------------------------------------------------------- the layout


def _split_long_edges(nodes, edges, layer):
    """Rows of items per layer (modules and waypoints) and the chain of items of
    each edge. A waypoint is ("~", upper module, dependency, layer)."""
    rows = {n: [] for n in range(max(layer.values(), default=0) + 1)}
    for module in sorted(nodes):
        rows[layer[module]].append(module)
    chains = {}
    for upper, lower in edges:
        chain = [upper]
        for n in range(layer[upper] - 1, layer[lower], -1):
            point = ("~", upper, lower, n)
            rows[n].append(point)
            chain.append(point)
        chain.append(lower)
        chains[(upper, lower)] = chain
    return rows, chains


def _links(chains):
    """Pairs (item above, item below) of consecutive items of every chain."""
    return [pair for chain in chains.values() for pair in itertools.pairwise(chain)]


def _crossings(rows, links):
    count = 0
    index = {item: i for row in rows.values() for i, item in enumerate(row)}
    row_of = {item: n for n, row in rows.items() for item in row}
    by_row = {}
    for above, below in links:
        by_row.setdefault(row_of[below], []).append((index[above], index[below]))
    for pairs in by_row.values():
        for (a1, b1), (a2, b2) in itertools.combinations(pairs, 2):
            if (a1 - a2) * (b1 - b2) < 0:
                count += 1
    return count


def _spread(rows, links):
    """Sum of the horizontal distances of the links, with the rows centred on
    slots of one unit: the tie-break between orders of equal crossings."""
    pos = {}
    for row in rows.values():
        for i, item in enumerate(row):
            pos[item] = i - (len(row) - 1) / 2
    return sum(abs(pos[a] - pos[b]) for a, b in links)


def _key(item):
    return item if isinstance(item, str) else "~".join(map(str, item))


def order_rows(rows, links):
    """Each row's order with the fewest crossings; among equals the shortest
    links, then the alphabetical. Every order is tried while they are few (a
    suite has a handful of modules), else barycentre sweeps."""
    rows = {n: sorted(row, key=_key) for n, row in rows.items()}
    layers = sorted(rows)
    tries = math.prod(math.factorial(len(rows[n])) for n in layers)
    if tries <= 50_000:
        best = None
        for combo in itertools.product(*(itertools.permutations(rows[n]) for n in layers)):
            candidate = dict(zip(layers, map(list, combo), strict=True))
            score = (_crossings(candidate, links), _spread(candidate, links))
            if best is None or score < best[0]:
                best = (score, candidate)
        return best[1]
    below = {}
    above = {}
    for a, b in links:
        below.setdefault(a, []).append(b)
        above.setdefault(b, []).append(a)
    best = (_crossings(rows, links), rows)
    for _sweep in range(12):
        for sequence, neighbours in ((layers[1:], below), (layers[-2::-1], above)):
            for n in sequence:
                ref = {item: i for m in (n - 1, n + 1) for i, item in enumerate(rows.get(m, []))}
                current = {item: i for i, item in enumerate(rows[n])}

                def barycentre(item, ref=ref, current=current, neighbours=neighbours):
                    linked = [ref[x] for x in neighbours.get(item, []) if x in ref]
                    return (sum(linked) / len(linked)) if linked else current[item]

                rows[n] = sorted(rows[n], key=lambda item, b=barycentre: (b(item), _key(item)))
        score = _crossings(rows, links)
        if score < best[0]:
            best = (score, {n: list(row) for n, row in rows.items()})
    return best[1]


def _fit(desired, widths, gap):
    """Left edges closest (least squares) to the desired ones that keep the
    row's order and at least `gap` between neighbours (pool adjacent
    violators on the positions less the room the previous items take)."""
    offsets = [0.0]
    for w in widths[:-1]:
        offsets.append(offsets[-1] + w + gap)
    target = [d - o for d, o in zip(desired, offsets, strict=True)]
    blocks = []  # [sum, count]
    for t in target:
        blocks.append([t, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    fitted = []
    for s, c in blocks:
        fitted += [s / c] * c
    return [f + o for f, o in zip(fitted, offsets, strict=True)]


def place(rows, links, node_w):
    """x of each item's left edge: boxes pulled towards the items they link
    to, alternately from above and from below, rows never overlapping."""

    def width(item):
        return node_w if isinstance(item, str) else WAYPOINT_W

    x = {}
    for row in rows.values():
        left = 0.0
        for item in row:
            x[item] = left
            left += width(item) + NODE_GAP
    neighbours = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    layers = sorted(rows)
    for _round in range(40):
        for sequence in (layers[::-1], layers):
            for n in sequence:
                row = rows[n]
                desired = []
                for item in row:
                    centres = [x[o] + width(o) / 2 for o in neighbours.get(item, [])]
                    centre = sum(centres) / len(centres) if centres else x[item] + width(item) / 2
                    desired.append(centre - width(item) / 2)
                for item, value in zip(
                    row, _fit(desired, [width(i) for i in row], NODE_GAP), strict=True
                ):
                    x[item] = value
    shift = MARGIN - min(x.values())
    return {item: round(value + shift) for item, value in x.items()}


def text_width(text, px, em):
    return len(text) * px * em


def layout(root=ROOT):
    manifests = read_manifests(root)
    nodes, edges = build_graph(manifests, oca_modules(root))
    layer = layers_of(nodes, edges)
    rows, chains = _split_long_edges(nodes, edges, layer)
    links = _links(chains)
    rows = order_rows(rows, links)
    widest = max(
        max(
            text_width(module, NAME_PX, 0.6),
            text_width(node["label"], LABEL_PX, 0.58),
            text_width(_deps_line(node), DEPS_PX, 0.58),
        )
        for module, node in nodes.items()
    )
    node_w = int(math.ceil((widest + 24) / 10) * 10)
    x = place(rows, links, node_w)
    top = max(rows)
    y = {n: MARGIN + TITLE_H + (top - n) * (NODE_H + LAYER_GAP) for n in rows}
    right = max(x[item] + (node_w if isinstance(item, str) else WAYPOINT_W) for item in x)
    width = max(right + MARGIN, 640)
    height = y[0] + NODE_H + LEGEND_H + MARGIN
    return {
        "nodes": nodes,
        "edges": edges,
        "layer": layer,
        "rows": rows,
        "chains": chains,
        "x": x,
        "y": y,
        "node_w": node_w,
        "width": width,
        "height": height,
    }


def _deps_line(node):
    return ("+ " + ", ".join(node["external"])) if node["external"] else ""


# ---------------------------------------------------------------- the drawing


def _ports(lay):
    """Where each edge leaves its module (bottom side) and reaches its
    dependency (top side): spread over the box in the order of the other end."""
    x, node_w, chains = lay["x"], lay["node_w"], lay["chains"]

    def centre(item):
        return x[item] + (node_w if isinstance(item, str) else WAYPOINT_W) / 2

    out_ports, in_ports = {}, {}
    for module in lay["nodes"]:
        leaving = sorted(
            (e for e in chains if e[0] == module), key=lambda e: (centre(chains[e][1]), e)
        )
        arriving = sorted(
            (e for e in chains if e[1] == module), key=lambda e: (centre(chains[e][-2]), e)
        )
        for edges, ports in ((leaving, out_ports), (arriving, in_ports)):
            span = min(node_w * 0.6, 36 * (len(edges) - 1))
            for i, edge in enumerate(edges):
                offset = 0 if len(edges) == 1 else -span / 2 + span * i / (len(edges) - 1)
                ports[edge] = round(x[module] + node_w / 2 + offset)
    return out_ports, in_ports


def _edge_path(lay, edge, out_ports, in_ports):
    """A curve from the module's bottom to the dependency's top, straight down
    through the waypoints of the layers it crosses."""
    x, y, layer, chain = lay["x"], lay["y"], lay["layer"], lay["chains"][edge]
    start = (out_ports[edge], y[layer[edge[0]]] + NODE_H)
    end = (in_ports[edge], y[layer[edge[1]]] - 2)
    d = [f"M{start[0]},{start[1]}"]

    def curve(p, q):
        mid = (p[1] + q[1]) // 2
        return f"C{p[0]},{mid} {q[0]},{mid} {q[0]},{q[1]}"

    here = start
    for point in chain[1:-1]:
        cx, n = x[point] + WAYPOINT_W // 2, point[3]
        d += [curve(here, (cx, y[n])), f"L{cx},{y[n] + NODE_H}"]
        here = (cx, y[n] + NODE_H)
    d.append(curve(here, end))
    return " ".join(d)


def _text(x, y, text, cls, anchor="middle"):
    return f'<text x="{x}" y="{y}" class="{cls}" text-anchor="{anchor}">{escape(text)}</text>'


def render(lay):
    width, height, node_w = lay["width"], lay["height"], lay["node_w"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title">'
        ),
        '<title id="title">The After-Sales suite: its modules and what each depends on</title>',
        "<!-- Generated by scripts/module_graph.py from the manifests: do not edit. -->",
        "<style>",
        "text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;fill:#1f2933}",
        (
            ".name{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:13px;"
            "font-weight:bold}"
        ),
        ".label{font-size:12px}",
        ".deps{font-size:11px;fill:#5a6470}",
        ".heading{font-size:16px;font-weight:bold}",
        ".note{font-size:11px;fill:#5a6470}",
        ".edge{fill:none;stroke:#56606b;stroke-width:1.4}",
        "</style>",
        "<defs>",
        (
            '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
            'markerHeight="8" orient="auto">'
            '<path d="M0,1 L10,5 L0,9 z" fill="#56606b"/></marker>'
        ),
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        _text(MARGIN, MARGIN + 16, "After-Sales suite: modules", "heading", "start"),
        _text(
            MARGIN,
            MARGIN + 34,
            "An arrow points from a module to a module it depends on; the Odoo and OCA "
            "modules each one needs follow the +.",
            "note",
            "start",
        ),
    ]
    out_ports, in_ports = _ports(lay)
    for edge in lay["edges"]:
        out.append(
            f'<path class="edge" data-from="{edge[0]}" data-to="{edge[1]}" '
            f'd="{_edge_path(lay, edge, out_ports, in_ports)}" marker-end="url(#arrow)"/>'
        )
    for module in sorted(lay["nodes"]):
        node = lay["nodes"][module]
        fill, stroke = STYLE[node["kind"]]
        left, top = lay["x"][module], lay["y"][lay["layer"][module]]
        centre = left + node_w // 2
        dash = ' stroke-dasharray="6 4"' if node["kind"] == "bridge" else ""
        out += [
            f'<g class="node {node["kind"]}" id={quoteattr(module)}>',
            (
                f'<rect x="{left}" y="{top}" width="{node_w}" height="{NODE_H}" rx="8" '
                f'fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}/>'
            ),
            _text(centre, top + 20, module, "name"),
            _text(centre, top + 38, node["label"], "label"),
        ]
        if deps := _deps_line(node):
            out.append(_text(centre, top + 55, deps, "deps"))
        out.append("</g>")
    out += _legend(lay)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(lay):
    top = lay["y"][0] + NODE_H + 30
    items = [
        ("base", "", "the base: the After-Sales app, its roles, menus, settings and ledger"),
        ("module", "", "a module to install for a job (warranties, repairs, complaints...)"),
        (
            "bridge",
            ' stroke-dasharray="6 4"',
            "a bridge: installs by itself once every module it joins is installed",
        ),
    ]
    out = ['<g class="legend">']
    for i, (kind, dash, text) in enumerate(items):
        fill, stroke = STYLE[kind]
        row = top + i * 22
        out += [
            (
                f'<rect x="{MARGIN}" y="{row}" width="34" height="16" rx="4" fill="{fill}" '
                f'stroke="{stroke}" stroke-width="1.6"{dash}/>'
            ),
            _text(MARGIN + 44, row + 12, text, "note", "start"),
        ]
    out.append("</g>")
    return out


def main(argv):
    text = render(layout())
    if "--check" in argv:
        if not SVG.exists() or SVG.read_text(encoding="utf-8") != text:
            print(f"{SVG.relative_to(ROOT)} is out of date: run python3 scripts/module_graph.py")
            return 1
        return 0
    SVG.write_text(text, encoding="utf-8")
    print(f"wrote {SVG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
