# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language of the texts the suite stores on records (X4)."""

import functools


def in_company_lang(method):
    """Run ``method`` in the language of the current company
    (``res.company._aftersales_lang``): a scheduled action's notes, messages
    and activities are read by the company's people, not by the cron user
    (OdooBot writes English otherwise). Put it under ``@api.model``."""

    @functools.wraps(method)
    def in_lang(self, *args, **kwargs):
        lang = self.env.company._aftersales_lang()
        if self.env.context.get("lang") != lang:
            self = self.with_context(lang=lang)
        return method(self, *args, **kwargs)

    return in_lang
