# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class AftersalesNumberedMixin(models.AbstractModel):
    """A register numbered by its ir.sequence (X1): each model names the code
    of its sequence in ``_sequence_code``. The number is the sequence's only:
    a number given by a caller (form, RPC, import) is replaced by the next
    one of the sequence on creation, and a number is never rewritten, so that
    nobody registers a document under another's number (issue 12)."""

    _name = "aftersales.numbered.mixin"
    _description = "After-Sales Numbered Register"
    _sequence_code = None

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")

    def _numbering_by_module_data(self):
        """Odoo itself loading a module's data (install, upgrade): demo and
        migration data keep the numbers they give."""
        return (
            not self.pool.ready
            and self.env.uid == SUPERUSER_ID
            and bool(self.env.context.get("install_mode"))
        )

    @api.model
    def _aftersales_sequence_code(self, vals):
        """The code of the sequence that numbers a new record of ``vals``:
        the model's ``_sequence_code``; a model whose records of one kind have
        their own numbering (e.g. planned jobs, PM/2026/0001) overrides it."""
        return self._sequence_code

    @api.model
    def _aftersales_next_numbers(self, sequence, count):
        """The ``count`` next numbers of ``sequence`` ("/" without one), in
        order. A standard sequence without date ranges gives them in one
        query (nextval over a series) instead of one query each (issue 15:
        the back-fill of 100 000 certificates spent a fifth of its time
        there); others number one by one, as Odoo does."""
        if not sequence:
            return ["/"] * count
        if count > 1 and sequence.implementation == "standard" and not sequence.use_date_range:
            self.env.cr.execute(
                SQL(
                    "SELECT nextval(%s) FROM generate_series(1, %s)",
                    f"ir_sequence_{sequence.id:03d}",
                    count,
                )
            )
            numbers = sorted(row[0] for row in self.env.cr.fetchall())
            # ir.sequence.get_next_char, its prefix and suffix worked out once
            prefix, suffix = sequence._get_prefix_suffix()
            return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for number in numbers]
        return [sequence._next() for _ in range(count)]

    @api.model_create_multi
    def create(self, vals_list):
        keep_given = self._numbering_by_module_data()
        vals_list = [dict(vals) for vals in vals_list]  # never the caller's dicts
        sequences = {}  # (company id, code) -> ir.sequence, looked up once per batch
        to_number = defaultdict(list)  # ir.sequence -> the vals it numbers, in order
        for vals in vals_list:
            if keep_given and vals.get("name", "/") != "/":
                continue
            company_id = vals.get("company_id") or self.env.company.id
            code = self._aftersales_sequence_code(vals)
            if (company_id, code) not in sequences:
                sequences[company_id, code] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .search(
                        [
                            ("code", "=", code),
                            ("company_id", "in", [company_id, False]),
                        ],
                        order="company_id",
                        limit=1,
                    )
                )
            to_number[sequences[company_id, code]].append(vals)
        for sequence, numbered in to_number.items():
            names = self._aftersales_next_numbers(sequence, len(numbered))
            for vals, name in zip(numbered, names, strict=True):
                vals["name"] = name
        return super().create(vals_list)

    def write(self, vals):
        if (
            "name" in vals
            and not self._numbering_by_module_data()
            and any(record.name != vals["name"] for record in self)
        ):
            raise UserError(
                self.env._(
                    "The number of a %(document)s is given by its sequence and never "
                    "changes (%(numbers)s).",
                    document=self._description,
                    numbers=", ".join(self.mapped("name")),
                )
            )
        return super().write(vals)
