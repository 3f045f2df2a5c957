# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools
from email.message import EmailMessage

from odoo import Command
from odoo.tests import common as odoo_test_common
from odoo.tests import new_test_user

# Odoo skips a browser test when Chromium has not opened its devtools port
# within 10 s. CI installs two modules at once on two cores, and a cold
# Chromium then needed longer (a tour skipped, the run failed): wait up to 60 s.
odoo_test_common.CHECK_BROWSER_ITERATIONS = max(odoo_test_common.CHECK_BROWSER_ITERATIONS, 600)

# Instants where the UTC day is not China's, the demo company's (issue 12):
# tests whose result depends on "today" freeze the clock at one of them (any
# instant would do, these are the ones where a UTC or user "today" is wrong).
UTC_NIGHT = "2026-11-30 23:30:00"  # 07:30 on 1 December in China, last day of November in UTC
CHINA_MIDNIGHT = "2026-11-30 16:30:00"  # 00:30 on 1 December in China
GROUP = "aftersales_base.group_aftersales_"
ROLES = ("desk", "technician", "supervisor", "manager", "executive")
ROLE_GROUPS = {
    **{role: f"{GROUP}{role}" for role in ROLES},
    "employee": "base.group_user",
    "portal": "base.group_portal",
}
_logins = itertools.count()


def make_user(env, role=None, login=None, groups=(), company=None, **values):
    """The suite's one way to make a test user (Odoo's ``new_test_user``; the
    password is the login, padded with x to 8 characters).

    ``role``: a suite role (desk, technician, supervisor, manager, executive),
    ``employee`` (an internal user without a role), ``portal`` or None;
    ``groups``: further groups, xmlids (a list or a comma-separated string);
    ``company``: the user's only company; the other keywords are the user's
    values (name, email, tz, company_ids...) or ``context``."""
    if isinstance(groups, str):
        groups = groups.split(",")
    xmlids = ([ROLE_GROUPS[role]] if role else []) + [g.strip() for g in groups if g.strip()]
    if company:
        values.setdefault("company_id", company.id)
        values.setdefault("company_ids", [Command.set(company.ids)])
    login = login or f"as_{role or 'user'}_{next(_logins)}"
    return new_test_user(env, login=login, groups=",".join(xmlids), **values)


def make_role_users(env):
    """One user per after-sales role (X2), an employee and a portal user, for
    tests that act as a role."""
    users = {
        role: make_user(env, role, login=f"as_test_{role}", tz="Asia/Shanghai") for role in ROLES
    }
    users["employee"] = make_user(env, "employee", login="as_test_employee")
    users["portal"] = make_user(env, "portal", login="as_test_portal")
    return users


def link(record):
    return [Command.link(record.id)]


def make_calendar(env, name="Test service hours", afternoon_end=17, **values):
    """Monday to Friday, 8-12 and 13-17 (or ``afternoon_end``), in China;
    ``values``: further values of the calendar (company_id...)."""
    return env["resource.calendar"].create(
        {
            "name": name,
            "tz": "Asia/Shanghai",
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"{day} {period}",
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": end,
                        "day_period": period,
                    }
                )
                for day in range(5)
                for period, start, end in (("morning", 8, 12), ("afternoon", 13, afternoon_end))
            ],
            **values,
        }
    )


class AftersalesFixtures:
    """The one fixture factory of the suite's tests (mixed into a test case):
    the company's day is China's, its working calendar, one user per role and
    a customer. Each module's fixtures build on it; set up once per class."""

    @classmethod
    def setup_base_fixtures(cls):
        if cls.__dict__.get("_aftersales_base_fixtures"):
            return
        cls._aftersales_base_fixtures = True
        env = cls.env
        # the company's local day is the suite's day: China's, as in the demo
        env.company.partner_id.tz = "Asia/Shanghai"
        # the texts the suite stores on records are in the company's language
        # (X4): the tests assert English ones unless they set another, whatever
        # the demo company speaks (zh_CN, issue 15)
        env.company.partner_id.lang = "en_US"
        cls.calendar = make_calendar(env)
        cls.desk = make_user(env, "desk", login="as_fx_desk")
        cls.supervisor = make_user(env, "supervisor", login="as_fx_supervisor", tz="Asia/Shanghai")
        cls.manager = make_user(env, "manager", login="as_fx_manager")
        cls.tech = make_user(env, "technician", login="as_fx_tech")
        cls.tech2 = make_user(env, "technician", login="as_fx_tech2")
        cls.executive = make_user(env, "executive", login="as_fx_exec")
        cls.customer = env["res.partner"].create(
            {"name": "Test Customer Co.", "is_company": True, "email": "c@example.com"}
        )


def load_language(env, modules, lang="zh_CN"):
    """Activates ``lang`` and loads the translations of ``modules`` (a test
    database has only en_US)."""
    env["res.lang"]._activate_lang(lang)
    env["ir.module.module"]._load_module_terms(list(modules), [lang])


IMPORT_OPTIONS = {
    "quoting": '"',
    "separator": ",",
    "has_headers": True,
    "date_format": "%Y-%m-%d",
    "datetime_format": "%Y-%m-%d %H:%M:%S",
    "encoding": "utf-8",
}


def import_file(env, model, content, file_type="text/csv", header=None, dryrun=False):
    """Odoo's own import (base_import) of ``content`` into ``model`` as
    ``env``'s user, the file's header mapped onto the fields of the same name
    (X1: the import templates go through the model's rules)."""
    name = "import.xlsx" if file_type.endswith("sheet") else "import.csv"
    wizard = env["base_import.import"].create(
        {"res_model": model, "file": content, "file_name": name, "file_type": file_type}
    )
    header = header or content.decode().splitlines()[0].split(",")
    return wizard.execute_import(header, header, dict(IMPORT_OPTIONS), dryrun=dryrun)


def make_portal_customers(env, prefix):
    """Two customer companies A and B, each with a portal user who is one of
    its contacts (password = login): for portal isolation tests (X5)."""
    result = {}
    for key in ("a", "b"):
        company = env["res.partner"].create(
            {"name": f"{prefix} Portal Customer {key.upper()} Ltd", "is_company": True}
        )
        user = make_user(
            env,
            "portal",
            login=f"{prefix.lower()}_portal_cust_{key}",
            context={"no_reset_password": True},
            name=f"{prefix} Contact {key.upper()}",
            email=f"{key}@{prefix.lower()}-customer.example.com",
            tz="Asia/Shanghai",
        )
        user.partner_id.parent_id = company
        result[f"customer_{key}"], result[f"user_{key}"] = company, user
    return result


def assertQueriesConstant(case, make_batch, run, sizes=(2, 20), per_record=0, extra=0, warm=True):
    """Asserts that ``run`` costs no query per record (N+1): ``run(make_batch(n))``
    for the smaller then the bigger of ``sizes``, each batch made just before
    its run (a run may handle whatever is due), from flushed and emptied caches
    as a cron's would be, after a first run on a batch of one that warms the
    caches (``warm``). Odoo's ``assertQueryCount`` fails when the bigger batch
    costs more queries than the smaller, plus ``per_record`` for each further
    record and ``extra`` (where that is the design: a sequence number per
    record, Odoo's INSERT of 100 rows at a time). Returns both runs' results."""
    env = case.env

    def cold():
        env.flush_all()
        env.cr.flush()
        env.invalidate_all()

    if warm:
        run(make_batch(1))
    small, big = sizes
    batch = make_batch(small)
    cold()
    start = case.cr.sql_log_count  # counted as assertQueryCount counts
    small_result = run(batch)
    env.flush_all()
    env.cr.flush()
    expected = case.cr.sql_log_count - start + per_record * (big - small) + extra
    batch = make_batch(big)
    cold()
    label = f"{big} records cost more queries than {small}"
    with case.subTest(label), case.assertQueryCount(expected):
        big_result = run(batch)
    return small_result, big_result


_mail_ids = itertools.count()


def raw_mail(to, sender, subject, body, html=False, headers=None, attachments=(), reply_to_id=None):
    """A real RFC 822 message, as a mail server hands it to Odoo."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-Id"] = f"<as-{next(_mail_ids)}-test@customer.example.com>"
    msg["Date"] = "Mon, 23 Nov 2026 09:00:00 +0800"
    if reply_to_id:
        msg["In-Reply-To"] = reply_to_id
        msg["References"] = reply_to_id
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body, subtype="html" if html else "plain")
    for name, content in attachments:
        msg.add_attachment(content, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_string()
