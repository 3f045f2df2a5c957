# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# ruff: noqa: E501 - a table: one row per line reads best
# pylint: disable=line-too-long
"""The suite's declared role matrix (X2, X3, X5): who may do what.

ONE table for the suite's modules. Each module's ``test_role_matrix`` walks the
rows of its own models cell by cell (role_matrix_case.py) and fails on any
difference in either direction; ``scripts/roles_doc.py`` renders it into
docs/ROLES.md (and a test checks that the committed file is the rendering).

``MODELS[model]["rights"][role]`` is four letters: read, write, create,
unlink. ``A``: every record (of the user's companies); ``O``: only the
user's own records (``person``: the path to the user; for the portal,
``customer``: the path to the customer); ``-``: none. For the role
``other_company`` (a service manager of another company) the letters say
what he may do with records of *this* company: ``-`` everywhere but shared
configuration.

``ACTIONS`` declares who may press each public action, on a document at the
step where the button is offered (``state``): every other role is refused
with an AccessError, and no listed role is (X2, X6).
"""

OPERATIONS = ("read", "write", "create", "unlink")

_G = "aftersales_base.group_aftersales_"

ROLES = {
    "desk": {"label": "Service desk", "groups": (_G + "desk",)},
    "technician": {"label": "Technician", "groups": (_G + "technician",)},
    "supervisor": {"label": "Supervisor / dispatcher", "groups": (_G + "supervisor",)},
    "manager": {"label": "Service manager", "groups": (_G + "manager",)},
    "executive": {"label": "Executive (vice-president)", "groups": (_G + "executive",)},
    "quality": {"label": "Quality department", "groups": (_G + "quality",)},
    "accountant": {"label": "Accountant", "groups": ("account.group_account_invoice",)},
    "warehouse": {"label": "Warehouse keeper", "groups": ("stock.group_stock_user",)},
    "portal": {"label": "Portal customer", "groups": ("base.group_portal",)},
    "other_company": {
        "label": "Service manager of another company",
        "groups": (_G + "manager",),
        "other_company": True,
    },
}

ROLE_ORDER = tuple(ROLES)


def _row(*codes):
    """The rights of a model, one code per role in ROLE_ORDER."""
    assert len(codes) == len(ROLE_ORDER), codes
    return dict(zip(ROLE_ORDER, codes, strict=True))


# fmt: off
MODELS = {
    # -- aftersales_warranty ---------------------------------------------------
    "aftersales.warranty.policy": {
        "module": "aftersales_warranty",
        "label": "Warranty policy",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "A---", "----"),
    },
    "aftersales.warranty.certificate": {
        "module": "aftersales_warranty",
        "label": "Warranty certificate",
        "person": "user_id",
        "customer": "partner_id",
        "fixture": {"state": "active"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "----", "A---", "----", "O---", "----"),
    },
    "aftersales.warranty.service": {
        "module": "aftersales_warranty",
        "label": "Service history line (lifetime, per serial)",
        "person": "user_id",
        "customer": "partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "AAA-", "AAA-", "AAAA", "AAAA", "----", "----", "----", "O---", "----"),
    },
    "res.partner": {
        "module": "aftersales_warranty",
        "label": "Customer (Odoo contact)",
        "fixture": {"name": "Matrix Customer"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "A---", "AAA-", "AAA-", "AAA-", "A---", "A---", "A---", "----", "----"),
    },
    "aftersales.maintenance.contract": {
        "module": "aftersales_warranty",
        "label": "Maintenance contract",
        "person": "user_id",
        "customer": "partner_id",
        "fixture": {"state": "running"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "----", "A---", "----", "O---", "----"),
    },
    "aftersales.contract.inspection": {
        "module": "aftersales_warranty",
        "label": "Contract inspection",
        "person": "user_id",
        "customer": "contract_id.partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "AA--", "AA--", "AAAA", "AAAA", "----", "A---", "----", "O---", "----"),
    },
    "aftersales.contract.billing.period": {
        "module": "aftersales_warranty",
        "label": "Contract billing period (P6)",
        "fixture": {"contract_id": "@new", "date_from": "@month", "date_to": "@month"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "----", "A---", "A---", "----", "A---", "----", "----", "----"),
    },
    "aftersales.part.substitute": {
        "module": "aftersales_warranty",
        "label": "Spare-part substitute",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.warranty.check.attempt": {
        "module": "aftersales_warranty",
        "label": "Public warranty check try (I3 rate limit; Settings administrators only)",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "----", "----", "----", "----", "----", "----", "----", "----"),
    },
    "aftersales.warranty.backfill": {
        "module": "aftersales_warranty",
        "label": "Warranty certificate back-fill run",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "----", "AAA-", "AAA-", "----", "----", "----", "----", "----"),
    },
    "aftersales.product.registration": {
        "module": "aftersales_warranty",
        "label": "Product registration (portal, I4)",
        "customer": "partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "----", "AAA-", "AAAA", "AAAA", "----", "----", "----", "O---", "----"),
    },
    # -- aftersales_repair -----------------------------------------------------
    "aftersales.zone": {
        "module": "aftersales_repair",
        "label": "Service zone",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "----"),
    },
    "aftersales.contract.availability": {
        "module": "aftersales_repair",
        "label": "Contract availability per month",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "A---", "A---", "A---", "A---", "A---", "----", "----", "----"),
    },
    "aftersales.technician.certification": {
        "module": "aftersales_repair",
        "label": "Technician certification",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "O---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.request.type": {
        "module": "aftersales_repair",
        "label": "Service request type",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "A---", "AAAA"),
    },
    "aftersales.conduct.item": {
        "module": "aftersales_repair",
        "label": "On-site checklist item",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.conduct.check": {
        "module": "aftersales_repair",
        "label": "On-site checklist answer",
        "person": "request_id.user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "OOO-", "AAA-", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.service.request": {
        "module": "aftersales_repair",
        "label": "Service request (job)",
        "person": "user_id",
        "customer": "partner_id",
        # I1: the zone is optional (mail to triage); a job of the matrix has one
        "fixture": {"zone_id": "@record"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "OO--", "AAA-", "AAAA", "AAAA", "----", "A---", "----", "O---", "----"),
    },
    "aftersales.goods.receipt": {
        "module": "aftersales_repair",
        "label": "Customer product receipt",
        "person": "request_id.user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "O---", "A---", "AAA-", "AAA-", "----", "A---", "A---", "----", "----"),
    },
    "aftersales.repair.time": {
        "module": "aftersales_repair",
        "label": "Repair time line",
        "person": "user_id",
        "fixture": {"request_id": "@new"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "OOOO", "AAAA", "AAAA", "AAAA", "----", "A---", "----", "----", "----"),
    },
    "aftersales.discount.authority": {
        "module": "aftersales_repair",
        "label": "Discount authority",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.daily.report": {
        "module": "aftersales_repair",
        "label": "Daily report",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "OOO-", "AAA-", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.daily.report.line": {
        "module": "aftersales_repair",
        "label": "Daily report line",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.call.log": {
        "module": "aftersales_repair",
        "label": "Hotline call (I5)",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "----", "AAA-", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.tool.loan": {
        "module": "aftersales_repair",
        "label": "Special tool loan",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.sla.report": {
        "module": "aftersales_repair",
        "label": "Service level analysis (report)",
        "existing": True,
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "A---", "A---", "A---", "----", "----", "----", "----", "----"),
    },
    "repair.order": {
        "module": "aftersales_repair",
        "label": "Repair order (Odoo)",
        "person": "user_id",
        "customer": "partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "OOOO", "AAAA", "AAAA", "AAAA", "----", "A---", "AAAA", "----", "----"),
    },
    "account.move": {
        "module": "aftersales_repair",
        "label": "Customer invoice (Odoo)",
        "customer": "partner_id",
        "fixture": {"move_type": "out_invoice"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "----", "----", "AAAA", "AAAA", "----", "AAAA", "----", "----", "----"),
    },
    # -- aftersales_complaint --------------------------------------------------
    "aftersales.complaint": {
        "module": "aftersales_complaint",
        "label": "Complaint",
        "person": "user_id",
        "customer": "partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "OO--", "AAA-", "AAA-", "AAA-", "A---", "----", "----", "----", "----"),
    },
    "aftersales.complaint.category": {
        "module": "aftersales_complaint",
        "label": "Complaint category",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.complaint.root.cause": {
        "module": "aftersales_complaint",
        "label": "Complaint root cause",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "AAA-", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.complaint.stage.deadline": {
        "module": "aftersales_complaint",
        "label": "Complaint step deadline",
        "existing": True,
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.complaint.routing.rule": {
        "module": "aftersales_complaint",
        "label": "Complaint routing rule",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "----"),
    },
    "aftersales.complaint.action": {
        "module": "aftersales_complaint",
        "label": "Corrective action",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "OO--", "AAA-", "AAA-", "AAA-", "AA--", "----", "----", "----", "----"),
    },
    "aftersales.ledger.entry": {
        "module": "aftersales_base",
        "label": "Penalty / reward (performance ledger)",
        "person": "user_id",
        "fixture": {"amount": 10},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("O---", "O---", "O---", "AAA-", "AAA-", "A---", "O---", "O---", "----", "----"),
    },
    "aftersales.calendar.day": {
        "module": "aftersales_base",
        "label": "Public holiday / make-up working day",
        "fixture": {"date_from": "2030-01-01", "date_to": "2030-01-01"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "----"),
    },
    # -- aftersales_survey -----------------------------------------------------
    "aftersales.rating.criterion": {
        "module": "aftersales_survey",
        "label": "Rating criterion",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "A---", "A---", "----", "AAAA"),
    },
    "aftersales.service.survey": {
        "module": "aftersales_survey",
        "label": "Satisfaction survey",
        "person": "user_id",
        "customer": "partner_id",
        "fixture": {"request_id": "@new"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "O---", "A---", "AA--", "AA--", "----", "----", "----", "----", "----"),
    },
    "aftersales.survey.score": {
        "module": "aftersales_survey",
        "label": "Survey score",
        "person": "service_survey_id.user_id",
        "fixture": {"criterion_id": "@new"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "O---", "A---", "A---", "A---", "----", "----", "----", "----", "----"),
    },
    "aftersales.technician.scorecard": {
        "module": "aftersales_survey",
        "label": "Technician scorecard",
        "person": "user_id",
        "fixture": {"month": "@month"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "A---", "AAA-", "AAA-", "----", "----", "----", "----", "----"),
    },
    "aftersales.technician.scorecard.criterion": {
        "module": "aftersales_survey",
        "label": "Scorecard rating",
        "person": "scorecard_id.user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.followup.rule": {
        "module": "aftersales_survey",
        "label": "Follow-up rule",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "----", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "AAAA"),
    },
    "aftersales.followup": {
        "module": "aftersales_survey",
        "label": "Customer follow-up",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "----", "AAA-", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.followup.inquiry": {
        "module": "aftersales_survey",
        "label": "Use inquiry of a serial",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "----", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.followup.event": {
        "module": "aftersales_survey",
        "label": "Customer event",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("AAA-", "----", "AAA-", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.quality.item": {
        "module": "aftersales_survey",
        "label": "Quality checklist item",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "A---", "----", "----", "----", "AAAA"),
    },
    "aftersales.quality.assessment": {
        "module": "aftersales_survey",
        "label": "Quality assessment",
        "person": "user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "AAA-", "AAAA", "AAAA", "AAA-", "----", "----", "----", "----"),
    },
    "aftersales.quality.assessment.line": {
        "module": "aftersales_survey",
        "label": "Quality assessment line",
        "person": "assessment_id.user_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("----", "O---", "AAAA", "AAAA", "AAAA", "AAAA", "----", "----", "----", "----"),
    },
    # -- aftersales_maintenance ------------------------------------------------
    "aftersales.checklist.template": {
        "module": "aftersales_maintenance",
        "label": "Inspection checklist",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.checklist.item": {
        "module": "aftersales_maintenance",
        "label": "Inspection checklist item",
        "fixture": {"name": "Pressure", "kind": "measure", "value_min": 1, "value_max": 2},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "A---", "A---", "AAAA", "AAAA", "----", "----", "----", "----", "----"),
    },
    "aftersales.inspection.report": {
        "module": "aftersales_maintenance",
        "label": "Inspection report (P2)",
        "person": "request_id.user_id",
        "customer": "request_id.partner_id",
        "fixture": {"state": "submitted"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "OOO-", "AAA-", "AAA-", "AAA-", "----", "----", "----", "O---", "----"),
    },
    "aftersales.inspection.report.line": {
        "module": "aftersales_maintenance",
        "label": "Inspection report check item",
        "person": "report_id.request_id.user_id",
        "customer": "report_id.request_id.partner_id",
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "OOO-", "AAA-", "AAA-", "AAA-", "----", "----", "----", "O---", "----"),
    },
    "aftersales.maintenance.plan": {
        "module": "aftersales_maintenance",
        "label": "Maintenance plan (P1, P3)",
        "person": "user_id",
        "fixture": {"contract_id": "@new"},
        #             desk    tech    superv  manager exec    quality account wareh.  portal  other co.
        "rights": _row("A---", "O---", "AAA-", "AAAA", "AAAA", "----", "A---", "----", "----", "----"),
    },
}



# Who may press each public action (the intended policy, X2). A role that is
# not listed must be refused with an AccessError, whatever the document's
# step. "own": only on the user's own jobs / records (technicians); "zone":
# the supervisor's zones.
_DESK = ("desk", "supervisor", "manager", "executive")
_TECH = ("technician", "supervisor", "manager", "executive")
_SUP = ("supervisor", "manager", "executive")
_MGR = ("manager", "executive")
_ACC = ("accountant", "manager", "executive")
_QUAL = ("quality", "supervisor", "manager", "executive")
_KEEPER = ("warehouse", "technician", "supervisor", "manager", "executive")


def _act(module, label, roles, scope="", state=None, values=None, args=()):
    """``state``: the step the document is at when the button is pressed;
    ``values``: what else the step needs on it; ``args``: roles whose users
    are passed to the method (e.g. the technician a job is dispatched to)."""
    return {
        "module": module,
        "label": label,
        "roles": roles,
        "scope": scope,
        "values": dict(values or {}, **({"state": state} if state else {})),
        "args": args,
    }


_B, _W, _R, _C, _S, _H = (
    "aftersales_base",
    "aftersales_warranty",
    "aftersales_repair",
    "aftersales_complaint",
    "aftersales_survey",
    "aftersales_helpdesk",
)

ACTIONS = {
    # -- warranty
    ("aftersales.warranty.certificate", "action_activate"): _act(_W, "Activate certificate", _MGR, state="draft"),
    ("aftersales.warranty.certificate", "action_void"): _act(_W, "Void certificate", _MGR, state="active"),
    ("aftersales.warranty.certificate", "action_reset_draft"): _act(_W, "Reset certificate to draft", _MGR, state="void"),
    ("aftersales.warranty.certificate", "action_regenerate_check_code"): _act(_W, "New check code (I3)", _DESK, state="active"),
    ("aftersales.maintenance.contract", "action_start"): _act(_W, "Start contract", _MGR, state="draft"),
    ("aftersales.maintenance.contract", "action_cancel"): _act(_W, "Cancel contract", _MGR, state="draft"),
    ("aftersales.maintenance.contract", "action_renew"): _act(_W, "Renew contract", _MGR, state="running"),
    ("aftersales.maintenance.contract", "action_create_invoice"): _act(_W, "Invoice contract", _ACC, state="running"),
    ("aftersales.maintenance.plan", "action_end"): _act("aftersales_maintenance", "End maintenance plan", _SUP, state="running"),
    ("aftersales.maintenance.contract", "action_bill_due_periods"): _act(_W, "Invoice due contract periods", _ACC, state="running"),
    ("aftersales.contract.inspection", "action_done"): _act(_W, "Inspection done", _TECH, "own", state="planned", values={"report": "Checked"}),
    ("aftersales.part.substitute", "action_approve"): _act(_W, "Approve substitute part", (*_MGR, "other_company")),
    ("aftersales.part.substitute", "action_reject"): _act(_W, "Reject substitute part", (*_MGR, "other_company")),
    ("aftersales.product.registration", "action_validate"): _act(_W, "Validate product registration", _DESK, state="submitted"),
    ("aftersales.product.registration", "action_refuse"): _act(_W, "Refuse product registration", _DESK, state="submitted", values={"refusal_reason": "No invoice"}),
    ("aftersales.product.registration", "action_reopen"): _act(_W, "Check product registration again", _SUP, state="refused"),
    # -- service calls and repairs
    ("aftersales.service.request", "action_assign"): _act(_R, "Dispatch", _SUP, "zone", state="to_dispatch", args=("technician",)),
    ("aftersales.service.request", "action_dispatch_suggested"): _act(_R, "Dispatch to suggested technician", _SUP, "zone", state="to_dispatch"),
    ("aftersales.service.request", "action_approve"): _act(_R, "Approve job", _SUP, "zone", state="to_approve"),
    ("aftersales.service.request", "action_approve_handover"): _act(_R, "Approve handover", _SUP, "zone"),
    ("aftersales.service.request", "action_request_handover"): _act(_R, "Request handover", _TECH, "own"),
    ("aftersales.service.request", "action_arrive"): _act(_R, "Arrive", _TECH, "own", state="dispatched"),
    ("aftersales.service.request", "action_close_on_site"): _act(_R, "Close on site", _TECH, "own", state="on_site"),
    ("aftersales.service.request", "action_carry_in"): _act(_R, "Carry in", _TECH, "own", state="on_site"),
    ("aftersales.service.request", "action_cancel"): _act(_R, "Cancel job", _DESK, state="to_dispatch"),
    ("aftersales.service.request", "action_notify_planned_visit"): _act(_R, "Tell the customer the visit", _DESK),
    ("aftersales.service.request", "action_mark_contacted"): _act(_R, "Customer contacted", (*_DESK, "technician"), "own", state="dispatched"),
    ("aftersales.service.request", "action_approve_discount"): _act(_R, "Approve discount", _MGR),
    ("aftersales.service.request", "action_create_invoice"): _act(_R, "Invoice job", _ACC, state="done"),
    ("aftersales.service.request", "action_confirm_cash"): _act(_R, "Cash received", _ACC, state="done"),
    ("repair.order", "action_aftersales_inspect"): _act(_R, "Inspect repair", _SUP),
    ("repair.order", "action_aftersales_approve_extra_parts"): _act(_R, "Approve extra parts", _SUP),
    ("repair.order", "action_aftersales_customer_accept"): _act(_R, "Customer accepted quotation", _TECH, "own"),
    ("repair.order", "action_aftersales_create_deposit"): _act(_R, "Invoice deposit", _ACC),
    ("repair.order", "action_aftersales_return"): _act(_R, "Return to customer", _KEEPER),
    ("aftersales.daily.report", "action_submit"): _act(_R, "Submit daily report", _TECH, "own", state="draft", values={"date": "2001-01-01"}),
    ("aftersales.daily.report", "action_approve"): _act(_R, "Approve daily report", _SUP, state="submitted", values={"date": "2001-01-02"}),
    ("aftersales.tool.loan", "action_return"): _act(_R, "Tool returned", ("warehouse",) + _MGR, state="out"),
    ("aftersales.call.log", "action_done"): _act(_R, "Call answered", _DESK, state="open"),
    ("aftersales.call.log", "action_reopen"): _act(_R, "Reopen call", _DESK, state="done"),
    ("aftersales.call.log", "action_create_request"): _act(_R, "Turn call into service request", _DESK, state="open"),
    ("aftersales.call.log", "action_create_complaint"): _act("aftersales_complaint_repair", "Turn call into complaint", _DESK, state="open", values={"partner_id": "@record"}),
    # -- complaints
    ("aftersales.complaint", "action_submit"): _act(_C, "Register complaint", _DESK, state="record"),
    ("aftersales.complaint", "action_judge"): _act(_C, "Judge complaint", _SUP, state="judge"),
    ("aftersales.complaint", "action_assign"): _act(_C, "Assign complaint", _SUP, state="assign"),
    ("aftersales.complaint", "action_investigated"): _act(_C, "Investigated", _TECH + ("quality",), "own", state="investigate"),
    ("aftersales.complaint", "action_approve"): _act(_C, "Approve complaint solution", _MGR, state="propose"),
    ("aftersales.complaint", "action_notify"): _act(_C, "Tell the customer", _DESK, state="notify"),
    ("aftersales.complaint", "action_propose_penalties"): _act(_C, "Propose penalties", _MGR, state="penalise"),
    ("aftersales.complaint", "action_penalties_done"): _act(_C, "Penalties done", _MGR, state="penalise"),
    ("aftersales.complaint", "action_close"): _act(_C, "Close complaint", _SUP, state="improve"),
    ("aftersales.complaint.action", "action_implemented"): _act(_C, "Corrective action implemented", _TECH, "own", state="open"),
    ("aftersales.complaint.action", "action_review_effective"): _act(_C, "Reviewed: effective", _QUAL, state="implemented"),
    ("aftersales.complaint.action", "action_review_ineffective"): _act(_C, "Reviewed: not effective", _QUAL, state="implemented"),
    ("aftersales.complaint.action", "action_reward"): _act(_C, "Reward corrective action", _MGR, state="reviewed"),
    ("aftersales.ledger.entry", "action_confirm"): _act(_B, "Confirm penalty", _MGR, state="draft"),
    ("aftersales.ledger.entry", "action_cancel"): _act(_B, "Cancel penalty", _MGR, state="draft"),
    ("helpdesk.ticket", "action_escalate_to_complaint"): _act(_H, "Escalate ticket to complaint", _DESK, "agent"),
    # -- surveys and scoring
    ("aftersales.quality.assessment", "action_confirm"): _act(_S, "Confirm quality assessment", _QUAL, state="draft"),
    ("aftersales.quality.assessment", "action_cancel"): _act(_S, "Cancel quality assessment", _QUAL, state="draft"),
    ("aftersales.technician.scorecard", "action_recompute"): _act(_S, "Recompute scorecard", _MGR),
    ("aftersales.technician.scorecard", "action_close"): _act(_S, "Close scorecard", _MGR, state="open"),
    ("aftersales.followup", "action_done"): _act(_S, "Follow-up done", _DESK, state="todo"),
    ("aftersales.followup.event", "action_announce"): _act(_S, "Announce customer event", _DESK, state="draft"),
    # -- planned service
    ("aftersales.inspection.report", "action_submit"): _act("aftersales_maintenance", "Submit inspection report", _TECH, "own", state="draft", values={"request_id": "@new"}),
    ("aftersales.inspection.report", "action_cancel"): _act("aftersales_maintenance", "Cancel inspection report", _SUP, "zone", state="submitted", values={"request_id": "@new"}),
}

# fmt: on


# -- docs/ROLES.md --------------------------------------------------------------


def _cell(code):
    """ "AO--" -> "R W(own)": the operations granted, own-only ones marked."""
    words = []
    for letter, operation in zip(code, "RWCD", strict=True):
        if letter == "A":
            words.append(operation)
        elif letter == "O":
            words.append(f"{operation}(own)")
    return " ".join(words) or "–"


def render_markdown():
    """docs/ROLES.md: the matrix as a reader sees it (scripts/roles_doc.py)."""
    lines = [
        "# Roles and rights",
        "",
        (
            "<!-- Generated by scripts/roles_doc.py from "
            "addons/aftersales_base/tests/role_matrix.py: do not edit by hand. -->"
        ),
        "",
        (
            "The one declared role matrix of the suite (X2, X3, X5). Every cell is tested: "
            "each module's `test_role_matrix` acts as each role on a record of its own and on "
            "somebody else's, and fails on any difference with this table in either direction."
        ),
        "",
        (
            "**R** read, **W** write, **C** create, **D** delete; **(own)**: only the user's "
            "own records (a technician's jobs, lines, reports; a portal customer's documents); "
            "**–**: nothing. Every role sees only its own companies' records; the last column "
            "is what a service manager of *another* company may do with this company's records "
            "(configuration without a company, such as request types or rating criteria, is "
            "shared by all companies)."
        ),
        "",
        "## Roles",
        "",
        "| Role | Groups |",
        "|---|---|",
    ]
    for role in ROLES.values():
        lines.append(f"| {role['label']} | {', '.join(f'`{g}`' for g in role['groups'])} |")
    lines += [
        "",
        (
            "Implied rights: Supervisor has the desk's and the technician's rights; Service "
            "manager the supervisor's and Invoicing (`account.group_account_invoice`); "
            "Executive the manager's. Technicians also get Inventory / User."
        ),
        "",
        "## Records",
        "",
    ]
    header = "| Model | " + " | ".join(ROLES[r]["label"] for r in ROLE_ORDER) + " |"
    lines += [header, "|---" * (len(ROLE_ORDER) + 1) + "|"]
    for model, spec in MODELS.items():
        cells = " | ".join(_cell(spec["rights"][r]) for r in ROLE_ORDER)
        lines.append(f"| {spec['label']} (`{model}`) | {cells} |")
    lines += [
        "",
        "## Actions",
        "",
        (
            "Who may press each button, at the step where it is offered; anybody else is "
            "refused, whatever the client (web, external API). *own*: on his own jobs only; "
            "*zone*: on the jobs of the zones he supervises; *agent*: a helpdesk agent on a "
            "ticket he can open."
        ),
        "",
        "| Document | Action | Roles | Scope | At step |",
        "|---|---|---|---|---|",
    ]
    for (model, method), spec in ACTIONS.items():
        roles = ", ".join(ROLES[r]["label"] for r in spec["roles"])
        lines.append(
            f"| `{model}` | {spec['label']} (`{method}`) | {roles} | {spec['scope']} | "
            f"{spec['values'].get('state', '')} |"
        )
    return "\n".join(lines) + "\n"
