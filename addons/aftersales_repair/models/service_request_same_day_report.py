# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_date

SAME_DAY_REPORT = "aftersales_repair.action_report_same_day_unsolved"
SAME_DAY_MAIL_BODY = "aftersales_repair.same_day_unsolved_mail"


class AftersalesServiceRequest(models.Model):
    """The daily written list to the sales director (T4, 篇九: 以书面方式将当日
    未解决问题及完成时间向销售总监报备): at the company's day end, the day's
    unsolved calls with their reasons and promised dates, by mail with the
    printable list attached. Nothing unsolved: no mail."""

    _inherit = "aftersales.service.request"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _same_day_unsolved_of(self, company, day):
        start, end = company._aftersales_day_bounds(day)
        return self.search(
            [
                ("company_id", "=", company.id),
                ("date_call", ">=", start),
                ("date_call", "<", end),
                ("is_unsolved_same_day", "=", True),
            ],
            order="date_call, id",
        )

    @api.model
    def _cron_report_same_day_unsolved(self):
        """Once per company and local day, whoever runs it and however often;
        a company being reported by another worker is skipped."""
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        companies = companies.try_lock_for_update(allow_referencing=True)
        sent = self.env["mail.mail"]
        for company in companies:
            today = company._aftersales_today()
            if company.aftersales_same_day_reported_on == today:
                continue
            requests = self._same_day_unsolved_of(company, today)
            company.aftersales_same_day_reported_on = today
            if requests:
                sent |= requests._send_same_day_report(company, today)
        return sent

    def _prepare_same_day_report_values(self, company, day):
        """The mail body's values, in the language of ``self.env``."""
        without_reason = self.filtered(lambda r: not r.same_day_reason)
        return {
            "requests": self,
            "tz": company._aftersales_tz().key,
            "summary": self.env._(
                "%(count)s calls received on %(day)s at %(company)s were not solved the same day.",
                count=len(self),
                day=format_date(self.env, day),
                company=company.name,
            ),
            "missing": (
                self.env._("%s of them without a reason given.", len(without_reason))
                if without_reason
                else ""
            ),
        }

    def _send_same_day_report(self, company, day):
        """Mails the list of ``self`` (the day's unsolved calls of
        ``company``) to the sales director, with the PDF attached."""
        recipient = company._aftersales_sales_director()
        lang = recipient.lang or self.env.lang
        tz = company._aftersales_tz().key
        requests = self.with_context(lang=lang, tz=tz)
        env = requests.env
        title = env._(
            "Not solved same day: %(count)s calls of %(day)s (%(company)s)",
            count=len(self),
            day=format_date(env, day),
            company=company.name,
        )
        body = env["ir.qweb"]._render(
            SAME_DAY_MAIL_BODY, requests._prepare_same_day_report_values(company, day)
        )
        content, _type = env["ir.actions.report"]._render_qweb_pdf(SAME_DAY_REPORT, self.ids)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": title,
                    "body_html": body,
                    "email_from": company.partner_id.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": recipient.partner_id.ids,
                    "auto_delete": False,
                }
            )
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": env._("Not Solved Same Day %s.pdf", fields.Date.to_string(day)),
                    "raw": content,
                    "res_model": "mail.message",
                    "res_id": mail.mail_message_id.id,
                    "mimetype": "application/pdf",
                }
            )
        )
        mail.attachment_ids = attachment
        return mail
