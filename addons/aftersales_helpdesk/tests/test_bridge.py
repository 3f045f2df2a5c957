# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.aftersales_complaint.tests.common import ComplaintFixtures


@tagged("post_install", "-at_install")
class TestTicketEscalation(ComplaintFixtures, TransactionCase):
    """C12: a helpdesk ticket escalated to a complaint, links both ways, and
    the ticket closing when the complaint is done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_complaint_fixtures()
        cls.desk.group_ids += cls.env.ref("helpdesk_mgmt.group_helpdesk_user")
        cls.ticket_categ = cls.env["helpdesk.ticket.category"].create(
            {"name": "Broken unit", "aftersales_complaint_category_id": cls.defect.id}
        )

    def _ticket(self, **vals):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Air conditioner leaks",
                "description": "<p>Water drips from the indoor unit.</p>",
                "partner_id": self.customer.id,
                "category_id": self.ticket_categ.id,
                **vals,
            }
        )

    def test_c12_escalate_ticket_to_complaint(self):
        ticket = self._ticket()
        action = ticket.with_user(self.desk).action_escalate_to_complaint()
        complaint = ticket.aftersales_complaint_id
        self.assertEqual(action["res_id"], complaint.id)
        self.assertEqual(complaint.helpdesk_ticket_id, ticket, "links both ways")
        self.assertEqual(complaint.channel, "helpdesk")
        self.assertEqual(complaint.category_id, self.defect, "mapped category")
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertIn("Water drips from the indoor unit.", complaint.description)
        self.assertEqual(complaint.department_id, self.quality, "routed like any complaint")
        with self.assertRaisesRegex(UserError, "already complaint"):
            ticket.with_user(self.desk).action_escalate_to_complaint()

    def test_c12_unmapped_category_or_no_contact_is_refused(self):
        unmapped = self.env["helpdesk.ticket.category"].create({"name": "Billing"})
        with self.assertRaisesRegex(UserError, "Map the ticket category"):
            self._ticket(category_id=unmapped.id).action_escalate_to_complaint()
        with self.assertRaisesRegex(UserError, "complainant"):
            self._ticket(partner_id=False).action_escalate_to_complaint()

    def test_c12_ticket_closes_when_complaint_is_done(self):
        ticket = self._ticket()
        ticket.with_user(self.desk).action_escalate_to_complaint()
        complaint = ticket.aftersales_complaint_id
        complaint.customer_demand = "Fix the leak."
        self.advance(complaint, "improve")
        self.assertFalse(ticket.closed)
        self.advance(complaint, "done")
        self.assertTrue(ticket.closed)

    def test_c12_ticket_closes_when_complaint_is_rejected(self):
        ticket = self._ticket()
        ticket.action_escalate_to_complaint()
        ticket.aftersales_complaint_id.customer_demand = "A new unit."
        complaint = self.advance(ticket.aftersales_complaint_id, "judge")
        complaint.write({"is_valid": "invalid", "judgement_note": "Misuse."})
        complaint.with_user(self.supervisor).action_judge()
        self.assertTrue(ticket.closed)

    def test_x6_the_link_is_made_by_the_escalation_only(self):
        """X6/C12: pointing a complaint at another ticket (which its closing
        would close) or a ticket at another complaint is refused, by write,
        create and import."""
        ticket, other = self._ticket(), self._ticket(name="Another customer's ticket")
        ticket.with_user(self.desk).action_escalate_to_complaint()
        complaint = ticket.aftersales_complaint_id
        refused = "change only through its steps"
        with self.assertRaisesRegex(UserError, refused):
            complaint.with_user(self.desk).with_context(install_mode=True).write(
                {"helpdesk_ticket_id": other.id}
            )
        with self.assertRaisesRegex(UserError, refused):
            other.with_user(self.desk).write({"aftersales_complaint_id": complaint.id})
        with self.assertRaisesRegex(UserError, refused):
            self.Complaint.with_user(self.desk).create(
                {
                    "partner_id": self.customer.id,
                    "category_id": self.defect.id,
                    "helpdesk_ticket_id": other.id,
                }
            )
        with self.assertRaisesRegex(UserError, refused):
            self.env["helpdesk.ticket"].with_user(self.desk).create(
                {
                    "name": "Linked",
                    "partner_id": self.customer.id,
                    "aftersales_complaint_id": complaint.id,
                }
            )
        result = self.Complaint.with_user(self.desk).load(
            [".id", "helpdesk_ticket_id/.id"], [[str(complaint.id), str(other.id)]]
        )
        self.assertFalse(result["ids"])
        self.assertIn(refused, result["messages"][0]["message"])
        self.assertEqual(complaint.helpdesk_ticket_id, ticket)
        self.assertFalse(other.aftersales_complaint_id)
