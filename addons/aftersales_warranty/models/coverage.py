# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.fields import Domain

OPEN_CONTRACT_STATES = ("running", "expiring")


class AftersalesCoverage(models.AbstractModel):
    """Answers the service desk's question while the customer is on the phone
    (W8): is this serial (or this customer's product) serviced free under
    warranty, under a maintenance contract, or paid? Answers many questions at
    once in the same few queries, for calls registered in batches."""

    _name = "aftersales.coverage"
    _description = "Warranty and Contract Coverage"

    @api.model
    def _lookup(self, lot=None, product=None, partner=None, on_date=None):
        """Return a dict: ``category`` (free / contract / paid), ``reason``
        (a sentence for the desk), ``certificate``, ``contract`` and ``until``.
        Give a serial (``lot``), or a ``product`` and a ``partner``."""
        return self._lookup_many([(lot, product, partner, on_date)])[0]

    @api.model
    def _lookup_many(self, questions):
        """``questions``: (lot, product, partner, on_date) tuples; returns one
        answer per question (see _lookup), in three queries in all."""
        today = self.env.company._aftersales_today()
        questions = [
            (lot or self.env["stock.lot"], product, partner, day or today)
            for lot, product, partner, day in questions
        ]
        certificates, contracts = self._candidates(questions)
        own_candidates = self._index_candidates(certificates, contracts)
        # The reason is stored on the call: in the company's language, not in
        # the language of the clerk who registered it (X4).
        answerer = self.with_context(lang=self.env.company._aftersales_lang())
        answers = [
            answerer._answer(lot, product, partner, day, *own_candidates(lot, product, partner))
            for lot, product, partner, day in questions
        ]
        answerer._answer_uncertified(questions, answers)
        return answers

    def _answer_uncertified(self, questions, answers):
        """A serial that has no certificate at all but was delivered within
        its product's warranty (delivered before the suite was installed, or
        before the policy existed) is not *Paid*: it is under warranty by its
        delivery date, and its certificate is still to be issued (back-fill).
        Queries per batch, not per serial: the latest delivery of each
        serial, the serials that had a certificate (voided ones stay paid),
        their products and policies (test_uncertified_queries_do_not_grow)."""
        pending = [
            index
            for index, ((lot, _product, _partner, _day), answer) in enumerate(
                zip(questions, answers, strict=True)
            )
            if lot and answer["category"] == "paid" and not answer.get("had_certificate")
        ]
        if not pending:
            return
        lots = self.env["stock.lot"].union(*(questions[i][0] for i in pending))
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search_fetch(
                [
                    ("lot_id", "in", lots.ids),
                    ("state", "=", "done"),
                    ("picking_id.picking_type_code", "=", "outgoing"),
                    ("location_dest_id.usage", "=", "customer"),
                ],
                ["lot_id", "picking_id", "company_id", "date"],
                order="id desc",
            )
        )
        # a serial whose certificate was voided stays paid
        voided = {
            lot.id
            for [lot] in self.env["aftersales.warranty.certificate"]
            .sudo()
            ._read_group([("lot_id", "in", lots.ids)], ["lot_id"])
        }
        latest = {}
        for line in lines:
            if line.lot_id.id in voided:
                continue
            latest.setdefault(line.lot_id.id, line)
        # the batch's serials, products and policies read together (issue 15:
        # a serial's product and its policy were read serial by serial)
        lot_by_id = {lot.id: lot for lot in lots}
        policies = {}
        for index in pending:
            lot, _product, partner, day = questions[index]
            line = latest.get(lot.id)
            if not line:
                continue
            customer = line.picking_id.partner_id.commercial_partner_id
            if partner and customer and customer != partner.commercial_partner_id:
                continue
            product = lot_by_id[lot.id].product_id
            if product not in policies:
                policies[product] = product.product_tmpl_id._aftersales_warranty_policy()
            policy = policies[product]
            if not policy:
                continue
            delivered = line.company_id._aftersales_date(line.picking_id.date_done or line.date)
            until = policy._end_date(delivered)
            if not delivered <= day <= until:
                continue
            answers[index].update(
                category="free",
                reason=self.env._(
                    "Under warranty by its delivery date (%(delivered)s, policy %(policy)s, "
                    "until %(until)s), but no certificate was issued: run the back-fill of "
                    "warranty certificates.",
                    delivered=delivered,
                    policy=policy.name,
                    until=until,
                ),
                until=until,
                uncertified=True,
            )

    def _index_candidates(self, certificates, contracts):
        """A function giving one question's own candidates from dictionaries,
        in the search's order: scanning all the batch's candidates for each
        question made a batch cost its size squared (issue 8: generating
        100 000 calls in batches of 2 000)."""
        certs_by_lot, certs_by_product = defaultdict(list), defaultdict(list)
        for cert in certificates:
            certs_by_lot[cert.lot_id.id].append(cert.id)
            certs_by_product[cert.product_id.id, cert.commercial_partner_id.id].append(cert.id)
        contracts_by_lot, contracts_by_partner = defaultdict(list), defaultdict(list)
        for contract in contracts:
            for lot_id in (contract.lot_ids | contract.certificate_ids.lot_id).ids:
                contracts_by_lot[lot_id].append(contract.id)
            contracts_by_partner[contract.commercial_partner_id.id].append(contract.id)

        def own_candidates(lot, product, partner):
            if lot:
                cert_ids, contract_ids = certs_by_lot[lot.id], contracts_by_lot[lot.id]
            elif product and partner:
                company = partner.commercial_partner_id.id
                cert_ids = certs_by_product[product.id, company]
                contract_ids = contracts_by_partner[company]
            else:
                cert_ids, contract_ids = [], []
            return (
                certificates.browse(cert_ids).with_prefetch(certificates._prefetch_ids),
                contracts.browse(contract_ids).with_prefetch(contracts._prefetch_ids),
            )

        return own_candidates

    def _candidates(self, questions):
        lots = self.env["stock.lot"].union(*(q[0] for q in questions))
        by_product = [(q[1], q[2]) for q in questions if not q[0] and q[1] and q[2]]
        products = self.env["product.product"].union(*(p for p, _partner in by_product))
        partners = self.env["res.partner"].union(
            *(partner.commercial_partner_id for _product, partner in by_product)
        )
        cert_domain = Domain("lot_id", "in", lots.ids) | (
            Domain("product_id", "in", products.ids)
            & Domain("commercial_partner_id", "in", partners.ids)
        )
        certificates = self.env["aftersales.warranty.certificate"].search(
            cert_domain & Domain("state", "in", ("active", "expired")),
            order="date_end desc",
        )
        # One search per way a contract covers equipment (a search whose
        # domain is empty costs no query): PostgreSQL cannot turn an OR of
        # these many2many paths into joins, so it scanned every contract and,
        # at 5 000 contracts, JIT-compiled the plan: +17 ms a lookup for a
        # user of several branches (issue 8).
        Contract = self.env["aftersales.maintenance.contract"]
        open_contracts = Domain("state", "in", OPEN_CONTRACT_STATES)
        customers = Domain("commercial_partner_id", "in", partners.ids)
        contracts = Contract.union(
            *(
                Contract.search(domain & open_contracts)
                for domain in (
                    Domain("lot_ids", "in", lots.ids),
                    Domain("certificate_ids.lot_id", "in", lots.ids),
                    customers & Domain("lot_ids.product_id", "in", products.ids),
                    customers & Domain("certificate_ids.product_id", "in", products.ids),
                )
            )
        ).sorted(lambda c: (c.date_end, c.id), reverse=True)
        return certificates, contracts

    def _answer(self, lot, product, partner, day, certificates, contracts):
        if lot:
            own_certs = certificates.filtered(lambda c: c.lot_id == lot)
            own_contracts = contracts.filtered(
                lambda c: lot in c.lot_ids or lot in c.certificate_ids.lot_id
            )
        else:
            company = partner.commercial_partner_id if partner else None
            own_certs = certificates.filtered(
                lambda c: c.product_id == product and c.commercial_partner_id == company
            )
            own_contracts = contracts.filtered(
                lambda c: (
                    c.commercial_partner_id == company
                    and product in (c.lot_ids.product_id | c.certificate_ids.product_id)
                )
            )
        if lot and partner:
            # A serial's coverage belongs to its customer, not to any caller.
            company = partner.commercial_partner_id
            own_certs = own_certs.filtered(lambda c: c.commercial_partner_id == company)
            own_contracts = own_contracts.filtered(lambda c: c.commercial_partner_id == company)
        certificate = own_certs.filtered(lambda c: c._covers(day))[:1]
        contract = own_contracts.filtered(lambda c: c.date_start <= day <= c.date_end)[:1]
        no_cert = self.env["aftersales.warranty.certificate"]
        no_contract = self.env["aftersales.maintenance.contract"]
        if certificate:
            return {
                "category": "free",
                "reason": self.env._(
                    "Under warranty: certificate %(name)s, until %(until)s.",
                    name=certificate.name,
                    until=certificate.date_end,
                ),
                "certificate": certificate,
                "contract": no_contract,
                "until": certificate.date_end,
            }
        if contract:
            return {
                "category": "contract",
                "reason": self.env._(
                    "Under maintenance contract %(name)s, until %(until)s.",
                    name=contract.name,
                    until=contract.date_end,
                ),
                "certificate": no_cert,
                "contract": contract,
                "until": contract.date_end,
            }
        ended = own_certs.filtered(lambda c: c.date_end < day)[:1]
        if ended:
            reason = self.env._(
                "Paid service: warranty %(name)s ended on %(end)s and no maintenance "
                "contract runs.",
                name=ended.name,
                end=ended.date_end,
            )
        else:
            reason = self.env._("Paid service: no warranty certificate or maintenance contract.")
        return {
            "category": "paid",
            "reason": reason,
            "certificate": no_cert,
            "contract": no_contract,
            "until": False,
            "had_certificate": bool(own_certs),
        }
