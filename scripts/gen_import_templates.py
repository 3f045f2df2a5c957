"""Writes an XLSX beside each CSV import template (addons/*/static/xls/*.csv):
the same rows, every cell as text (a phone number or a serial stays as typed;
Odoo's import reads the dates with the template's date format). Run after
editing a CSV template:
.local/venv/bin/python scripts/gen_import_templates.py
tests/test_import_templates.py fails when an XLSX differs from its CSV (X1, issue 15).
"""

import csv
import sys
from datetime import datetime
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
# A fixed creation date: regenerating an unchanged template changes no byte.
CREATED = datetime(2026, 1, 1)


def csv_templates(root=ROOT):
    return sorted((root / "addons").glob("*/static/xls/*.csv"))


def read_csv(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row]


def write_xlsx(csv_path):
    """Writes csv_path's rows to the .xlsx beside it; returns its path."""
    target = csv_path.with_suffix(".xlsx")
    rows = read_csv(csv_path)
    workbook = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False})
    workbook.set_properties({"created": CREATED})
    sheet = workbook.add_worksheet(csv_path.stem[:31])
    bold = workbook.add_format({"bold": True})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value, bold if r == 0 else None)
    for c in range(len(rows[0]) if rows else 0):
        width = max(len(row[c]) if c < len(row) else 0 for row in rows)
        sheet.set_column(c, c, min(max(width * 1.6, 10), 60))
    workbook.close()
    return target


def main():
    for path in csv_templates():
        print(write_xlsx(path).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
