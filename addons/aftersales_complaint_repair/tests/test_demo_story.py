# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintDemoStory(TransactionCase):
    """The demo tells the complaint story (the suite's test command installs
    the demo data): one complaint through all eight steps with its penalties,
    improvement and reward; a serious one told to the vice-president; one
    waiting for approval; one rejected (C1-C11)."""

    def test_demo_complaints_tell_the_story(self):
        ref = self.env.ref
        done = ref("aftersales_complaint_repair.complaint_zhang_wei")
        self.assertEqual(done.state, "done")
        self.assertEqual(done.technician_id, ref("aftersales_repair.user_tech_wu"))
        self.assertEqual(
            set(done.penalty_ids.mapped("role")), {"responsible", "head", "improvement"}
        )
        self.assertEqual(
            done.action_ids.mapped("effectiveness"), ["effective"], "the checklist worked"
        )
        hotel = ref("aftersales_complaint_repair.complaint_hotel")
        self.assertEqual((hotel.state, hotel.severity), ("investigate", "serious"))
        self.assertTrue(hotel.executive_notified)
        self.assertIn(ref("aftersales_base.user_executive"), hotel.activity_ids.user_id)
        self.assertEqual(hotel.department_id, ref("aftersales_complaint.dep_quality"))
        self.assertEqual(ref("aftersales_complaint_repair.complaint_greenfield").state, "propose")
        self.assertEqual(ref("aftersales_complaint_repair.complaint_li_ming").state, "rejected")
        # I2: Li Ming filed one on the portal; it waits for the desk, and he follows it there
        portal = ref("aftersales_complaint_repair.complaint_li_ming_portal")
        self.assertEqual((portal.channel, portal.state), ("portal", "record"))
        li_ming = ref("aftersales_warranty.user_customer_li_ming").partner_id
        self.assertEqual(self.env["aftersales.complaint"]._portal_get(li_ming, portal.id), portal)
        self.assertIn("KF35-2026-0001", portal._portal_public_values()["subject"])
