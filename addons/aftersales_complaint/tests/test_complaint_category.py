# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_base.tests.common import load_language, make_role_users


@tagged("post_install", "-at_install")
class TestComplaintCategory(TransactionCase):
    """C2: complaint categories and sub-types are configurable data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = make_role_users(cls.env)
        cls.service = cls.env.ref("aftersales_complaint.categ_service")

    def test_c2_categories_and_subtypes_shipped(self):
        Categ = self.env["aftersales.complaint.category"]
        tops = Categ.search([("parent_id", "=", False), ("code", "in", ["PQ", "SV", "PR"])])
        self.assertEqual(len(tops), 3)
        quality = self.env.ref("aftersales_complaint.categ_product_quality")
        self.assertEqual(
            set(quality.child_ids.mapped("code")) >= {"PQ-DEF", "PQ-SPEC", "PQ-TOL", "PQ-MAL"},
            True,
        )
        self.assertEqual(
            self.env.ref("aftersales_complaint.categ_sv_attitude").complete_name,
            "Service / Attitude",
        )

    def test_manager_adds_subtype_without_code(self):
        subtype = (
            self.env["aftersales.complaint.category"]
            .with_user(self.users["manager"])
            .create({"name": "Cleanliness", "parent_id": self.service.id})
        )
        self.assertIn(subtype, self.service.child_ids)
        self.assertEqual(subtype.complete_name, "Service / Cleanliness")

    def test_only_two_levels(self):
        attitude = self.env.ref("aftersales_complaint.categ_sv_attitude")
        with self.assertRaisesRegex(ValidationError, "two levels"):
            self.env["aftersales.complaint.category"].create(
                {"name": "Rudeness", "parent_id": attitude.id}
            )

    def test_desk_reads_but_cannot_change_categories(self):
        service = self.service.with_user(self.users["desk"])
        self.assertTrue(service.child_ids)
        with self.assertRaises(AccessError):
            service.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            service.create({"name": "New sub-type", "parent_id": service.id})

    def test_x4_categories_read_and_searched_in_chinese(self):
        """X4: a zh_CN user sees the shipped categories in Chinese and finds
        them by their Chinese names (typing 态度 finds “Attitude”)."""
        load_language(self.env, ["aftersales_complaint"])
        Categ = self.env["aftersales.complaint.category"].with_context(lang="zh_CN")
        attitude = self.env.ref("aftersales_complaint.categ_sv_attitude")
        found = Categ.name_search("态度")
        self.assertIn(attitude.id, [res_id for res_id, __ in found])
        self.assertEqual(attitude.with_context(lang="zh_CN").display_name, "服务 / 服务态度")
        self.assertIn(attitude, Categ.search([("display_name", "ilike", "服务态度")]))
        # the sub-types of a category are found by the category's Chinese name
        self.assertIn(attitude.id, [res_id for res_id, __ in Categ.name_search("服务", limit=100)])
        # English still works for English readers, and the stored path stays
        self.assertEqual(attitude.with_context(lang="en_US").display_name, "Service / Attitude")
        self.assertFalse(Categ.with_context(lang="en_US").name_search("态度"))
