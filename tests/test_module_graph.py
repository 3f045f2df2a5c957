"""docs/modules.svg, the module graph of the README, is what
scripts/module_graph.py draws from the manifests now (issue 13), and the
drawing says what the manifests say: one box per module, one arrow per
dependency inside the suite, pointing down, bridges dashed, nothing
overlapping."""

import ast
import re
import xml.etree.ElementTree as ET

import module_graph
import pytest

NS = {"svg": "http://www.w3.org/2000/svg"}


def manifests(root):
    return {
        path.parent.name: ast.literal_eval(path.read_text())
        for path in (root / "addons").glob("*/__manifest__.py")
    }


def boxes(svg):
    """{module: (kind, x, y, width, height, dashed)} of the drawing's boxes."""
    found = {}
    for group in svg.iterfind("svg:g", NS):
        classes = group.get("class", "").split()
        if "node" not in classes:
            continue
        rect = group.find("svg:rect", NS)
        found[group.get("id")] = (
            classes[1],
            *(int(rect.get(k)) for k in ("x", "y", "width", "height")),
            rect.get("stroke-dasharray") is not None,
        )
    return found


def arrows(svg):
    """{(module, dependency): [points of the path]}."""
    found = {}
    for path in svg.iterfind("svg:path[@class='edge']", NS):
        numbers = [int(n) for n in re.findall(r"-?\d+", path.get("d"))]
        found[(path.get("data-from"), path.get("data-to"))] = list(
            zip(numbers[::2], numbers[1::2], strict=True)
        )
    return found


def draw(root):
    return ET.fromstring(module_graph.render(module_graph.layout(root)).encode())


def test_committed_svg_is_what_the_script_draws_now(root):
    committed = (root / "docs" / "modules.svg").read_text(encoding="utf-8")
    assert committed == module_graph.render(module_graph.layout(root)), (
        "docs/modules.svg is out of date: run python3 scripts/module_graph.py"
    )
    assert module_graph.main(["--check"]) == 0


def test_readme_shows_the_picture(root):
    assert "](docs/modules.svg)" in (root / "README.md").read_text()


def test_one_box_per_module_one_arrow_per_dependency(root):
    data = manifests(root)
    svg = ET.fromstring((root / "docs" / "modules.svg").read_bytes())
    drawn = boxes(svg)
    assert set(drawn) == set(data)
    assert set(arrows(svg)) == {
        (module, dep) for module, m in data.items() for dep in m["depends"] if dep in data
    }
    for module, m in data.items():
        kind, *_size, dashed = drawn[module]
        assert dashed == bool(m.get("auto_install")), module
        assert (kind == "bridge") == bool(m.get("auto_install")), module
        # the Odoo/OCA modules it needs are written in its box
        box = svg.find(f"svg:g[@id='{module}']", NS)
        text = " ".join(t.text for t in box.iterfind("svg:text", NS))
        for dep in m["depends"]:
            if dep not in data:
                assert re.search(rf"\b{dep}\b", text), f"{module}: {dep} not shown"


def test_arrows_go_down_from_box_to_box_and_boxes_do_not_overlap(root):
    svg = ET.fromstring((root / "docs" / "modules.svg").read_bytes())
    drawn = boxes(svg)
    width, height = (int(svg.get(k)) for k in ("width", "height"))
    for module, (_kind, x, y, w, h, _dashed) in drawn.items():
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, module
    for (a, (_ka, ax, ay, aw, ah, _da)), (b, (_kb, bx, by, bw, bh, _db)) in (
        (p, q) for p in drawn.items() for q in drawn.items() if p[0] < q[0]
    ):
        apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
        assert apart, f"{a} and {b} overlap"
    for (module, dep), points in arrows(svg).items():
        _k, mx, my, mw, mh, _d = drawn[module]
        _k, dx, dy, dw, _dh, _d = drawn[dep]
        assert my + mh < dy, f"{module} is not drawn above {dep}"
        (sx, sy), (ex, ey) = points[0], points[-1]
        assert mx < sx < mx + mw and sy == my + mh, f"{module} -> {dep} does not leave {module}"
        assert dx < ex < dx + dw and dy - 3 <= ey <= dy, f"{module} -> {dep} does not reach {dep}"
        # an arrow that skips a layer passes beside the boxes of that layer
        for other, (_k, ox, oy, ow, oh, _d) in drawn.items():
            if other in (module, dep):
                continue
            for px, py in points[1:-1]:
                inside = ox < px < ox + ow and oy <= py <= oy + oh
                assert not inside, f"{module} -> {dep} goes through {other}"


def _write_suite(root, modules):
    for name, (depends, auto) in modules.items():
        folder = root / "addons" / name
        folder.mkdir(parents=True)
        folder.joinpath("__manifest__.py").write_text(
            repr({"name": f"After-Sales: {name.title()}", "depends": depends, "auto_install": auto})
        )


def test_layers_waypoints_and_fewest_crossings(tmp_path):
    """A made-up suite: a module sits one layer above its highest dependency,
    a long dependency bends through a waypoint, and the rows are ordered with
    no crossing where one exists."""
    _write_suite(
        tmp_path,
        {
            "a_base": (["mail"], False),
            "b_left": (["a_base", "stock"], False),
            "c_right": (["a_base"], False),
            "d_top": (["b_left"], False),
            "e_bridge": (["d_top", "c_right"], True),
        },
    )
    (tmp_path / "requirements-oca.txt").write_text("odoo-addon-stock==19.0.1.0.0\n")
    lay = module_graph.layout(tmp_path)
    assert lay["layer"] == {"a_base": 0, "b_left": 1, "c_right": 1, "d_top": 2, "e_bridge": 3}
    assert lay["chains"][("e_bridge", "c_right")][1] == ("~", "e_bridge", "c_right", 2)
    links = module_graph._links(lay["chains"])
    assert module_graph._crossings(lay["rows"], links) == 0
    assert lay["nodes"]["b_left"]["external"] == ["stock (OCA)"]
    svg = draw(tmp_path)
    assert boxes(svg)["e_bridge"][0] == "bridge"
    # the crossing count is not blind: the worst order of a row crosses
    rows = {n: list(row) for n, row in lay["rows"].items()}
    rows[1].reverse()
    assert module_graph._crossings(rows, links) > 0


def test_a_dependency_cycle_is_refused(tmp_path):
    _write_suite(tmp_path, {"a": (["b"], False), "b": (["a"], False)})
    with pytest.raises(SystemExit, match="cycle"):
        module_graph.layout(tmp_path)
