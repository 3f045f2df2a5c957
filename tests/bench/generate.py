"""Builds the benchmark database of `make bench` through the ORM, in batches
(lists of dicts, committed batch by batch), at the issue's production volumes
times ``--scale``: 100 technicians in 2 zones and 3 branches, 20 000
customers, 50 000 serials with warranty certificates, 5 000 maintenance
contracts, 100 000 service requests over 12 months with visits, carry-in
repairs, repair time lines and parts, and, when their modules are installed,
10 000 complaints, 60 000 answered satisfaction surveys, daily reports and
monthly scorecards.

The data goes through the models' own create() and computations (coverage,
SLA deadlines, sequences, related fields); only mail.thread's tracking,
"created" notes and followers are switched off (benchenv.QUIET).

    python tests/bench/generate.py -d aftersales_bench -c .local/odoo.conf --scale 1.0
"""

import argparse
import contextlib
import json
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import QUIET, make_env, open_registry

# Volumes at scale 1.0 (the issue), and the least of each at tiny scales.
VOLUMES = {
    "technicians": 100,
    "customers": 20000,
    "serials": 50000,
    "contracts": 5000,
    "requests": 100000,
    "complaints": 10000,
    "surveys": 60000,
}
MINIMUM = {
    "technicians": 6,
    "customers": 10,
    "serials": 20,
    "contracts": 4,
    "requests": 60,
    "complaints": 5,
    "surveys": 10,
}
BATCH = 2000
# Share of the requests of the last days that are still open, by state.
OPEN_MIX = [
    ("to_dispatch", 30),
    ("dispatched", 30),
    ("on_site", 10),
    ("in_repair", 10),
    ("done", 20),
]
RECENT_DAYS = 10
CATEGORIES = [
    # name, warranty years, products
    ("Air Conditioners", 3, ["Split AC 1.5HP", "Split AC 2HP", "Cabinet AC 3HP", "VRF Unit"]),
    ("Water Heaters", 2, ["Gas Heater 13L", "Gas Heater 16L", "Electric Heater 60L"]),
    ("Refrigerators", 2, ["Fridge 300L", "Fridge 450L", "Side-by-Side 600L"]),
    ("Washing Machines", 1, ["Front Loader 8kg", "Top Loader 7kg", "Washer-Dryer 10kg"]),
]
PARTS = ["Compressor", "Fan Motor", "PCB Board", "Thermostat", "Valve", "Filter", "Igniter"]
FAULTS = [
    "Does not cool",
    "Leaks water",
    "Makes a loud noise",
    "Does not start",
    "Error code on the display",
    "No hot water",
    "Door seal broken",
]
CITIES = ["Shanghai", "Suzhou", "Hangzhou", "Nanjing", "Wuxi", "Ningbo"]


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Generator:
    """One run of the generator on one database (``env`` is a superuser
    environment whose cursor is committed after every batch)."""

    def __init__(self, env, scale=1.0, prefix="BENCH", seed=8, batch=BATCH, log=print):
        from odoo import fields

        self.env = env(context=dict(env.context, **QUIET))
        self.cr = env.cr
        self.rng = random.Random(seed)
        self.prefix = prefix
        self.scale = scale
        self.batch = batch
        self.log = log
        self.count = {
            key: max(MINIMUM[key], round(volume * scale)) for key, volume in VOLUMES.items()
        }
        self.now = fields.Datetime.now().replace(microsecond=0)
        self.today = fields.Date.context_today(self.env["res.partner"])
        self.timings = {}

    # Running ---------------------------------------------------------------

    @contextlib.contextmanager
    def _history(self):
        """Years of history are written as they were, not replayed step by step:
        the steps of every document may be written (as a migration would)."""
        with contextlib.ExitStack() as steps:
            for name, model in self.env.registry.items():
                if not model._abstract and hasattr(model, "_process_writing"):
                    steps.enter_context(self.env[name]._process_writing())
            yield

    def run(self):
        steps = [
            ("setup", self.make_setup),
            ("customers", self.make_customers),
            ("serials_certificates", self.make_serials),
            ("contracts", self.make_contracts),
            ("service_requests", self.make_requests),
        ]
        for name, model, step in [
            ("complaints", "aftersales.complaint", self.make_complaints),
            ("surveys", "aftersales.service.survey", self.make_surveys),
            ("scorecards", "aftersales.technician.scorecard", self.make_scorecards),
            ("daily_reports", "aftersales.daily.report", self.make_daily_reports),
        ]:
            if model in self.env:
                steps.append((name, step))
            else:
                self.log(f"  {name}: skipped, {model} is not installed")
        started = time.perf_counter()
        for name, step in steps:
            start = time.perf_counter()
            with self._history():
                records = step()
            self.cr.commit()
            seconds = time.perf_counter() - start
            self.timings[name] = {"records": records, "seconds": round(seconds, 1)}
            self.log(f"  {name}: {records} records in {seconds:.1f} s")
        # what autovacuum does on a live database: fresh planner statistics
        self.cr.execute("ANALYZE")
        self.env["ir.config_parameter"].set_param(
            "aftersales_bench.generated",
            json.dumps({"scale": self.scale, "prefix": self.prefix, "volumes": self.count}),
        )
        self.cr.commit()
        self.timings["total"] = {
            "records": sum(t["records"] for t in self.timings.values()),
            "seconds": round(time.perf_counter() - started, 1),
        }
        return self.timings

    def create(self, model, vals_list, context=None):
        """Create in batches, each committed; returns the new ids."""
        Model = self.env[model].with_context(**(context or {}))
        ids = []
        for part in chunks(vals_list, self.batch):
            ids += Model.create(part).ids
            self.cr.commit()
        return ids

    # Company, people, products -------------------------------------------

    def make_setup(self):
        from odoo import Command

        env = self.env
        main = env.ref("base.main_company")
        others = env["res.company"].create(
            [
                {"name": f"{self.prefix} {name} Branch", "currency_id": main.currency_id.id}
                for name in ("North", "South")
            ]
        )
        self.branches = main | others
        for number, branch in enumerate(others, start=1):
            if not env["stock.warehouse"].search([("company_id", "=", branch.id)], limit=1):
                env["stock.warehouse"].create(
                    {"name": branch.name, "code": f"BR{number}", "company_id": branch.id}
                )
        env.ref("base.user_admin").write({"company_ids": [Command.link(c.id) for c in others]})
        groups = {
            role: env.ref(f"aftersales_base.group_aftersales_{role}").id
            for role in ("desk", "technician", "supervisor", "manager")
        }
        created = len(others)
        self.zones, self.desks, self.staff = {}, {}, {}
        per_branch = self.count["technicians"] // len(self.branches)
        for number, branch in enumerate(self.branches):
            people = self._users(branch, number, per_branch, groups)
            created += len(people["all"])
            branch.aftersales_service_manager_id = people["manager"]
            self.desks[branch.id] = people["desk"].id
            self.staff[branch.id] = {
                "technicians": people["technicians"].ids,
                "supervisor": people["supervisor"].id,
                "manager": people["manager"].id,
            }
            calendar = branch.resource_calendar_id or main.resource_calendar_id
            technicians = people["technicians"]
            half = len(technicians) // 2
            zones = env["aftersales.zone"].create(
                [
                    {
                        "name": f"{branch.name} {kind}",
                        "code": f"{self.prefix}-{number}-{kind[:3].upper()}",
                        "company_id": branch.id,
                        "arrival_sla_hours": hours,
                        "resource_calendar_id": calendar.id,
                        "supervisor_id": people["supervisor"].id,
                        # a fifth of the technicians serve both zones
                        "technician_ids": [Command.set(members.ids)],
                    }
                    for kind, hours, members in (
                        ("Urban", 4.0, technicians[: half + half // 5]),
                        ("Suburban", 8.0, technicians[half - half // 5 :]),
                    )
                ]
            )
            created += len(zones)
            self.zones[branch.id] = [(z.id, z.technician_ids.ids) for z in zones]
        created += self._products()
        technicians = env["res.users"].search([("login", "=like", f"{self.prefix.lower()}.tech%")])
        certifications = env["aftersales.technician.certification"].create(
            [
                {
                    "user_id": user.id,
                    "categ_id": categ,
                    "date_valid": self.today - timedelta(days=3 * 365),
                    "company_id": user.company_id.id,
                }
                for user in technicians
                for categ in self.rng.sample(self.category_ids, 3)
            ]
        )
        return created + len(certifications)

    def _users(self, branch, number, count, groups):
        from odoo import Command

        stock_user = self.env.ref("stock.group_stock_user").id

        def vals(login, name, group):
            return {
                "name": name,
                "login": f"{self.prefix.lower()}.{login}",
                "email": f"{self.prefix.lower()}.{login}@bench.example.com",
                "company_id": branch.id,
                "company_ids": [Command.set(branch.ids)],
                # as the demo users: the desk and technicians work with serials
                "group_ids": [Command.link(group), Command.link(stock_user)],
                "tz": "Asia/Shanghai",
            }

        Users = self.env["res.users"]
        technicians = Users.create(
            [
                vals(f"tech{number}-{k:03d}", f"Technician {number}-{k:03d}", groups["technician"])
                for k in range(count)
            ]
        )
        staff = Users.create(
            [
                vals(f"supervisor{number}", f"Supervisor {branch.name}", groups["supervisor"]),
                vals(f"desk{number}", f"Desk {branch.name}", groups["desk"]),
                vals(f"manager{number}", f"Manager {branch.name}", groups["manager"]),
            ]
        )
        return {
            "technicians": technicians,
            "supervisor": staff[0],
            "desk": staff[1],
            "manager": staff[2],
            "all": technicians | staff,
        }

    def _products(self):
        env = self.env
        parent = env["product.category"].create({"name": f"{self.prefix} Appliances"})
        self.category_ids, self.products = [], []
        created = 1
        for name, years, product_names in CATEGORIES:
            policy = env["aftersales.warranty.policy"].create(
                {"name": f"{name} {years}-year warranty", "period": years, "period_unit": "year"}
            )
            category = env["product.category"].create(
                {
                    "name": name,
                    "parent_id": parent.id,
                    "aftersales_warranty_policy_id": policy.id,
                }
            )
            products = env["product.product"].create(
                [
                    {
                        "name": product_name,
                        "categ_id": category.id,
                        "type": "consu",
                        "is_storable": True,
                        "tracking": "serial",
                        "list_price": 1000 + 500 * k,
                    }
                    for k, product_name in enumerate(product_names)
                ]
            )
            self.category_ids.append(category.id)
            self.products += [(p.id, policy) for p in products]
            created += 2 + len(products)
        parts = env["product.product"].create(
            [
                {"name": f"{name} (spare part)", "type": "consu", "list_price": 50 + 30 * k}
                for k, name in enumerate(PARTS)
            ]
        )
        self.part_ids = parts.ids
        return created + len(parts)

    # Customers, serials, certificates, contracts -------------------------

    def make_customers(self):
        rng = self.rng
        self.customer_ids = self.create(
            "res.partner",
            [
                {
                    "name": f"Customer {self.prefix} {k:05d}",
                    "phone": f"+86 139 {k:04d} {rng.randrange(10000):04d}",
                    "email": f"customer{k}@bench.example.com",
                    "street": f"{rng.randrange(1, 999)} Renmin Road",
                    "city": rng.choice(CITIES),
                    "customer_rank": 1,
                }
                for k in range(self.count["customers"])
            ],
        )
        return len(self.customer_ids)

    def make_serials(self):
        """A serial per appliance sold over the last five years, each with
        its warranty certificate; certificates that ended more than a month
        ago are expired, the others still active (the expiry backlog)."""
        rng = self.rng
        count = self.count["serials"]
        self.serials = []  # (lot id, product id, company id, customer id)
        rows = []
        for k in range(count):
            product_id, policy = rng.choice(self.products)
            rows.append(
                {
                    "product_id": product_id,
                    "policy": policy,
                    "company_id": rng.choice(self.branches).id,
                    "customer": rng.choice(self.customer_ids),
                    "start": self.today - timedelta(days=rng.randrange(5 * 365)),
                    "name": f"{self.prefix}-SN{k:07d}",
                }
            )
        created = 0
        for part in chunks(rows, self.batch):
            lots = self.env["stock.lot"].create(
                [
                    {
                        "name": r["name"],
                        "product_id": r["product_id"],
                        "company_id": r["company_id"],
                    }
                    for r in part
                ]
            )
            certificates = []
            for row, lot_id in zip(part, lots.ids, strict=True):
                end = row["policy"]._end_date(row["start"])
                certificates.append(
                    {
                        "partner_id": row["customer"],
                        "product_id": row["product_id"],
                        "lot_id": lot_id,
                        "company_id": row["company_id"],
                        "policy_id": row["policy"].id,
                        "issue_type": "delivery",
                        "date_issued": row["start"],
                        "date_start": row["start"],
                        "date_end": end,
                        "state": "expired" if end < self.today - timedelta(days=30) else "active",
                    }
                )
                self.serials.append((lot_id, row["product_id"], row["company_id"], row["customer"]))
            # history written as it stands: past the steps, as the module's own code
            self.env["aftersales.warranty.certificate"]._create_process(certificates)
            self.cr.commit()
            created += 2 * len(part)
        return created

    def make_contracts(self):
        """One-year contracts started over the last 13 months: those that
        ended are still running (the expiry backlog), a month's worth end
        soon (renewal notices), a tenth are free maintenance periods."""
        from odoo import Command

        rng = self.rng
        Contract = self.env["aftersales.maintenance.contract"]
        admin = self.env.ref("base.user_admin").id
        created = 0
        vals_list = []
        for _k in range(self.count["contracts"]):
            lot_id, _product, company_id, customer = rng.choice(self.serials)
            start = self.today - timedelta(days=rng.randrange(30, 395))
            vals_list.append(
                {
                    "partner_id": customer,
                    "company_id": company_id,
                    "user_id": admin,
                    "date_start": start,
                    "date_end": start + timedelta(days=364),
                    "fee": rng.randrange(500, 5000, 100),
                    "is_free_maintenance": rng.random() < 0.1,
                    "inspections_per_year": 2,
                    "lot_ids": [Command.set([lot_id])],
                }
            )
        for part in chunks(vals_list, self.batch):
            contracts = Contract.create(part)
            contracts.action_start()  # running, with their planned inspections
            self.cr.commit()
            created += len(contracts) + len(contracts.inspection_ids)
        return created

    # Service requests, visits, repairs -----------------------------------

    def _request_plan(self, date_call):
        """State and visit times of a request received at ``date_call``."""
        rng = self.rng
        if self.now - date_call > timedelta(days=RECENT_DAYS):
            state = "cancelled" if rng.random() < 0.04 else "done"
        else:
            state = rng.choices([s for s, _w in OPEN_MIX], [w for _s, w in OPEN_MIX])[0]
        plan = {"state": state}
        if state in ("cancelled", "to_dispatch"):
            return plan
        plan["date_dispatched"] = date_call + timedelta(minutes=rng.randrange(10, 180))
        if state == "dispatched":
            return plan
        plan["date_arrival"] = plan["date_dispatched"] + timedelta(minutes=rng.randrange(20, 600))
        carry_in = state == "in_repair" or (state == "done" and rng.random() < 0.15)
        if carry_in:
            plan["carry_in"] = True
            plan["date_done"] = plan["date_arrival"] + timedelta(days=rng.randrange(2, 12))
        elif state == "done":
            plan["date_done"] = plan["date_arrival"] + timedelta(minutes=rng.randrange(30, 240))
        # the latest moments of the last days are still to come
        if plan["date_arrival"] > self.now:
            return {
                "state": "dispatched",
                "date_dispatched": min(plan["date_dispatched"], self.now),
            }
        if plan.get("date_done", self.now) > self.now or state == "in_repair":
            plan.pop("date_done", None)
            plan["state"] = "in_repair" if carry_in else "on_site"
        return plan

    def _request_vals(self, date_call):
        rng = self.rng
        if rng.random() < 0.9:
            lot_id, product_id, company_id, customer = rng.choice(self.serials)
        else:
            lot_id, company_id = False, rng.choice(self.branches).id
            product_id, customer = rng.choice(self.products)[0], rng.choice(self.customer_ids)
        zone_id, technicians = rng.choice(self.zones[company_id])
        plan = self._request_plan(date_call)
        if not lot_id and plan.pop("carry_in", False):
            # only a serial goes to the workshop: this one was fixed on site
            plan["state"] = "on_site" if plan["state"] == "in_repair" else plan["state"]
        vals = {
            "partner_id": customer,
            "company_id": company_id,
            "zone_id": zone_id,
            "lot_id": lot_id,
            "product_id": product_id,
            "request_type_id": rng.choices(self.request_types, [85, 8, 7])[0],
            "channel": rng.choices(["phone", "email", "portal", "visit"], [70, 10, 15, 5])[0],
            "fault_description": rng.choice(FAULTS),
            "is_major_fault": rng.random() < 0.03,
            "date_call": date_call,
            "state": plan["state"],
        }
        if "date_dispatched" in plan:
            vals.update(user_id=rng.choice(technicians), date_dispatched=plan["date_dispatched"])
        if "date_arrival" in plan:
            vals.update(
                date_arrival=plan["date_arrival"],
                diagnosis=f"{vals['fault_description']}: checked and diagnosed.",
            )
        if "date_done" in plan:
            vals["date_done"] = plan["date_done"]
            if not plan.get("carry_in"):
                vals.update(signed_by="Customer", date_signed=plan["date_done"])
        return vals, plan

    def make_requests(self):
        rng = self.rng
        env = self.env
        self.request_types = [
            env.ref(f"aftersales_repair.request_type_{name}").id
            for name in ("repair", "installation", "inspection")
        ]
        conduct_items = env["aftersales.conduct.item"].search([("kind", "=", "conduct")]).ids
        year = 365 * 24 * 3600
        moments = sorted(
            self.now - timedelta(seconds=rng.randrange(year))
            for _k in range(self.count["requests"])
        )
        created = 0
        self.done_requests = []
        for part in chunks(moments, self.batch):
            planned = [self._request_vals(moment) for moment in part]
            requests = env["aftersales.service.request"].create([vals for vals, _plan in planned])
            # the on-site checklists of the last month's visits
            recent = self.now - timedelta(days=30)
            checks = [
                {"request_id": request.id, "item_id": item, "done": rng.random() < 0.97}
                for request, (vals, _plan) in zip(requests, planned, strict=True)
                if vals.get("date_arrival") and vals["date_call"] > recent
                for item in conduct_items
            ]
            env["aftersales.conduct.check"].create(checks)
            checks += self._on_site_time(requests, planned)
            carried = [
                (request, vals, plan)
                for request, (vals, plan) in zip(requests, planned, strict=True)
                if plan.get("carry_in") and vals["lot_id"]
            ]
            created += len(requests) + len(checks) + self._repairs(carried)
            self.done_requests += [
                request.id
                for request, (vals, _plan) in zip(requests, planned, strict=True)
                if vals["state"] == "done"
            ]
            self.cr.commit()
        return created

    def _on_site_time(self, requests, planned):
        """The technician's time on site, as a time line of the request, when
        time lines belong to requests too (the billing module)."""
        Time = self.env["aftersales.repair.time"]
        if "request_id" not in Time._fields:
            return []
        vals_list = []
        for request, (vals, plan) in zip(requests, planned, strict=True):
            if plan.get("carry_in") or not (vals.get("date_arrival") and vals.get("date_done")):
                continue
            hours = (vals["date_done"] - vals["date_arrival"]).total_seconds() / 3600
            vals_list.append(
                {
                    "request_id": request.id,
                    "user_id": vals["user_id"],
                    "date": vals["date_arrival"].date(),
                    "hours": max(round(hours * 4) / 4, 0.25),
                    "description": "On-site service",
                }
            )
        return Time.create(vals_list).ids

    def _repairs(self, carried):
        """Carry-in repairs (S7-S8): the product receipt, Odoo's repair order
        with its parts, and the repair card's time lines."""
        from odoo import Command

        if not carried:
            return 0
        rng = self.rng
        env = self.env
        picking_types = {
            w.company_id.id: w.repair_type_id.id
            for w in env["stock.warehouse"].search([("company_id", "in", self.branches.ids)])
        }
        receipts = env["aftersales.goods.receipt"].create(
            [
                {
                    "request_id": request.id,
                    "partner_id": vals["partner_id"],
                    "product_id": vals["product_id"],
                    "lot_id": vals["lot_id"],
                    "company_id": vals["company_id"],
                    "date_in": vals["date_arrival"],
                    "date_promised": (vals["date_arrival"] + timedelta(days=7)).date(),
                    "state": "returned" if plan.get("date_done") else "in",
                    "date_out": plan.get("date_done"),
                }
                for request, vals, plan in carried
            ]
        )
        done_field = "aftersales_date_done" in env["repair.order"]._fields
        repairs = env["repair.order"].create(
            [
                {
                    **({"aftersales_date_done": plan.get("date_done")} if done_field else {}),
                    "partner_id": vals["partner_id"],
                    "product_id": vals["product_id"],
                    "lot_id": vals["lot_id"],
                    "company_id": vals["company_id"],
                    "picking_type_id": picking_types[vals["company_id"]],
                    "user_id": vals["user_id"],
                    "schedule_date": vals["date_arrival"],
                    "internal_notes": vals["fault_description"],
                    "aftersales_request_id": request.id,
                    "aftersales_receipt_id": receipt.id,
                    "aftersales_date_promised": receipt.date_promised,
                    "state": "done" if plan.get("date_done") else "under_repair",
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": rng.choice(self.part_ids),
                                "product_uom_qty": rng.randrange(1, 3),
                                "repair_line_type": "add",
                                "company_id": vals["company_id"],
                            }
                        )
                        for _n in range(rng.randrange(1, 3))
                    ],
                }
                for (request, vals, plan), receipt in zip(carried, receipts, strict=True)
            ]
        )
        times = env["aftersales.repair.time"].create(
            [
                {
                    "repair_id": repair.id,
                    "user_id": vals["user_id"],
                    "date": (vals["date_arrival"] + timedelta(days=n + 1)).date(),
                    "hours": rng.choice([0.5, 1.0, 1.5, 2.0, 3.0]),
                    "description": "Diagnosis and repair",
                }
                for repair, (_request, vals, _plan) in zip(repairs, carried, strict=True)
                for n in range(rng.randrange(1, 4))
            ]
        )
        # each request points at its receipt and repair (different values per row)
        for repair, receipt, (request, _vals, _plan) in zip(
            repairs, receipts, carried, strict=True
        ):
            request.repair_id = repair
            request.receipt_id = receipt
            receipt.repair_id = repair
        return len(receipts) + len(repairs) + len(repairs.move_ids) + len(times)

    # Later modules ---------------------------------------------------------

    def make_complaints(self):
        rng = self.rng
        env = self.env
        categories = env["aftersales.complaint.category"].search([("parent_id", "!=", False)])
        categories = categories or env["aftersales.complaint.category"].search([])
        requests = env["aftersales.service.request"].browse(
            rng.sample(self.done_requests, min(self.count["complaints"], len(self.done_requests)))
        )
        vals_list = []
        for request in requests:
            received = request.date_done or request.date_call
            vals_list.append(
                {
                    "partner_id": request.partner_id.id,
                    "company_id": request.company_id.id,
                    "service_request_id": request.id,
                    "category_id": rng.choice(categories.ids),
                    "channel": rng.choice(["phone", "email", "hotline", "portal"]),
                    "date_received": received + timedelta(days=rng.randrange(1, 5)),
                    "description": "The technician came late and the fault came back.",
                    # handled within the month; the last month's still open
                    "state": "done"
                    if received < self.now - timedelta(days=30)
                    else rng.choice(["record", "judge", "assign", "investigate", "propose"]),
                }
            )
        # Complaints born at a later step (X6): through the complaint's own
        # way of creating them, never by writing their state.
        Complaint = self.env["aftersales.complaint"]
        count = 0
        for part in chunks(vals_list, self.batch):
            count += len(Complaint._create_process(part))
            self.cr.commit()
        return count

    def make_surveys(self):
        """Answered satisfaction surveys of done requests, with their ratings
        per criterion (survey answers' own lines are not generated); every
        job closed before the survey action's look-back counts as surveyed."""
        from odoo import Command

        rng = self.rng
        env = self.env
        survey = env.ref("aftersales_survey.survey_service_satisfaction")
        criteria = env["aftersales.rating.criterion"].search([])
        ids = rng.sample(self.done_requests, min(self.count["surveys"], len(self.done_requests)))
        created = 0
        for part in chunks(sorted(ids), self.batch):
            requests = env["aftersales.service.request"].browse(part)
            answers = env["survey.user_input"].create(
                [
                    {"survey_id": survey.id, "partner_id": request.partner_id.id, "state": "done"}
                    for request in requests
                ]
            )
            surveys = []
            for request, answer in zip(requests, answers, strict=True):
                levels = {c.id: rng.choices([1, 2, 3, 4], [3, 7, 40, 50])[0] for c in criteria}
                average = sum(levels.values()) / len(levels) if levels else 0.0
                surveys.append(
                    {
                        "request_id": request.id,
                        "partner_id": request.partner_id.id,
                        "user_id": request.user_id.id,
                        "lot_id": request.lot_id.id,
                        "company_id": request.company_id.id,
                        "date_job_done": request.date_done,
                        "date_sent": request.date_done,
                        "date_answered": (request.date_done + timedelta(days=1)).date(),
                        "user_input_id": answer.id,
                        "state": "done",
                        "average_level": round(average, 2),
                        "score": round(average * 25, 2),
                        "score_ids": [
                            Command.create({"criterion_id": c, "level": lv, "score": lv * 25.0})
                            for c, lv in levels.items()
                        ],
                    }
                )
            records = env["aftersales.service.survey"]._create_process(surveys)
            if "aftersales_survey_sent" in requests._fields:
                requests.write({"aftersales_survey_sent": True})
            self.cr.commit()
            created += len(answers) + len(records) + len(records.score_ids)
        if "aftersales_survey_sent" in env["aftersales.service.request"]._fields:
            surveyed = env["aftersales.service.request"].search(
                [("state", "=", "done"), ("date_done", "<", self.now - timedelta(days=8))]
            )
            for part in chunks(surveyed, self.batch * 5):
                part.write({"aftersales_survey_sent": True})
                self.cr.commit()
        return created

    def make_scorecards(self):
        """The past eleven months' scorecards, computed by the module."""
        from dateutil.relativedelta import relativedelta

        Scorecard = self.env["aftersales.technician.scorecard"]
        self.cr.execute("ANALYZE")  # planner statistics of what was generated so far
        first = self.today.replace(day=1)
        created = 0
        for back in range(11, 0, -1):
            for branch in self.branches:
                created += len(Scorecard._compute_month(first - relativedelta(months=back), branch))
                self.cr.commit()
        return created

    def make_daily_reports(self):
        """The last month's daily reports, as the module makes them: every
        technician's and supervisor's, and the branch's, each working day."""
        Report = self.env["aftersales.daily.report"]
        # one report per person (per branch for the branch's) and day: keep
        # the reports that exist (the demo data's, on a test database)
        existing = {
            (r.report_type, r.report_type != "branch" and r.user_id.id, r.date, r.company_id.id)
            for r in Report.search([("date", ">=", self.today - timedelta(days=30))])
        }
        created = 0
        for back in range(30, 0, -1):
            day = self.today - timedelta(days=back)
            if day.weekday() >= 5:
                continue
            vals_list = []
            for branch in self.branches:
                people = self.staff[branch.id]
                vals_list += [
                    {"report_type": "technician", "user_id": user_id, "date": day}
                    for user_id in people["technicians"]
                ]
                vals_list += [
                    {"report_type": "supervisor", "user_id": people["supervisor"], "date": day},
                    {"report_type": "branch", "user_id": people["manager"], "date": day},
                ]
                for vals in vals_list[-len(people["technicians"]) - 2 :]:
                    vals["company_id"] = branch.id
            vals_list = [
                vals
                for vals in vals_list
                if (
                    vals["report_type"],
                    vals["report_type"] != "branch" and vals["user_id"],
                    vals["date"],
                    vals["company_id"],
                )
                not in existing
            ]
            created += len(Report.create(vals_list))
            self.cr.commit()
        return created


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-c", "--config", required=True, help="the suite's odoo.conf")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--prefix", default="BENCH", help="marks the generated names")
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--json", help="write the generation times there")
    args = parser.parse_args(argv)
    registry = open_registry(args.database, args.config)
    print(f"Generating the benchmark data at scale {args.scale} in {args.database}:")
    with registry.cursor() as cr:
        generator = Generator(make_env(cr), args.scale, args.prefix, batch=args.batch)
        timings = generator.run()
    result = {"scale": args.scale, "volumes": generator.count, "timings": timings}
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2, default=str))
    print(f"Generated in {timings['total']['seconds']:.0f} s.")
    return result


if __name__ == "__main__":
    main()
