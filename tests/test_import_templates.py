"""The import templates (X1, X6, W9, issue 15): each CSV under a module's
static/xls has an XLSX beside it with exactly its rows (scripts/
gen_import_templates.py writes them), and every template a model offers
(get_import_templates) is a file the module ships. What the templates import
is tested by the modules' Odoo tests (test_import_templates.py, test_import.py)."""

import re

import gen_import_templates
import openpyxl
import pytest

TEMPLATES = gen_import_templates.csv_templates()
OFFERED = re.compile(r'"template": "/(aftersales_\w+)/(static/xls/[\w.]+)"')


def xlsx_rows(path):
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheets = workbook.worksheets
        assert len(sheets) == 1, f"{path.name}: one sheet"
        return [
            ["" if cell is None else cell for cell in row]
            for row in sheets[0].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def test_the_four_templates_are_there(root):
    names = {path.stem for path in TEMPLATES}
    assert names >= {
        "aftersales_warranty_certificate",
        "aftersales_maintenance_contract",
        "aftersales_customer_file",
        "aftersales_service_request",
    }


@pytest.mark.parametrize("csv_path", TEMPLATES, ids=lambda p: p.name)
def test_xlsx_has_exactly_the_csv_rows(csv_path):
    xlsx = csv_path.with_suffix(".xlsx")
    assert xlsx.exists(), f"run scripts/gen_import_templates.py: {xlsx.name} is missing"
    rows = gen_import_templates.read_csv(csv_path)
    assert len(rows) > 1, "a header and sample rows"
    width = len(rows[0])
    assert all(len(row) == width for row in rows), f"{csv_path.name}: ragged rows"
    assert xlsx_rows(xlsx) == rows, f"run scripts/gen_import_templates.py: {xlsx.name} differs"


def test_xlsx_cells_are_text(tmp_path):
    """A phone number or a serial made of digits stays text, as typed."""
    source = tmp_path / "sample.csv"
    source.write_text("phone,lot_id\n13812345678,0012\n", encoding="utf-8")
    target = gen_import_templates.write_xlsx(source)
    assert xlsx_rows(target) == [["phone", "lot_id"], ["13812345678", "0012"]]


def test_generation_is_reproducible(tmp_path):
    """Regenerating an unchanged template changes no byte (no churn in git)."""
    source = tmp_path / "sample.csv"
    source.write_text("name\n王建国\n", encoding="utf-8")
    first = gen_import_templates.write_xlsx(source).read_bytes()
    assert gen_import_templates.write_xlsx(source).read_bytes() == first


def test_every_offered_template_is_shipped(root):
    offered = [
        (module, path)
        for source in (root / "addons").glob("*/models/*.py")
        for module, path in OFFERED.findall(source.read_text())
    ]
    assert len(offered) >= 8, offered
    for module, path in offered:
        assert (root / "addons" / module / path).is_file(), f"/{module}/{path}"
    shipped = {p.relative_to(root / "addons").as_posix() for p in TEMPLATES}
    for csv_path in shipped:
        module, rest = csv_path.split("/", 1)
        assert (module, rest) in offered, f"{csv_path} is offered by no get_import_templates"
        assert (module, rest.replace(".csv", ".xlsx")) in offered, f"{csv_path}: XLSX not offered"
