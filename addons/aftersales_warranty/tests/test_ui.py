# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_base.tests.common import make_role_users


@tagged("post_install", "-at_install")
class TestAftersalesMenuTour(HttpCase):
    """The After-Sales app opens in a real browser for a service desk user."""

    def test_menu_tour(self):
        users = make_role_users(self.env)
        self.start_tour("/odoo", "aftersales_menu_tour", login=users["desk"].login)
