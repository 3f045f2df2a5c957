"""Screenshots of the running After-Sales suite for the README user guide.

Logs each shot's user in over JSON-RPC, hands the session cookie to a headless
Chromium driven through the DevTools protocol, opens the shot's page, waits
for its selector, optionally clicks, and writes <out>/<name>.png.

    python scripts/screenshots.py --url http://127.0.0.1:8069 --db aftersales
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
import websocket

APP_XMLID = "aftersales_base.menu_aftersales_root"

# One dict per screenshot. "click" is a selector, or a list of selectors
# clicked in turn (each is waited for first); "wait_for" must match once the
# page (and the clicks) are done; "scroll_to" (optional) is scrolled to the top
# of the view before the shot; "lang" (optional) is the user's language for
# the shot (set over RPC and restored afterwards).
SHOTS = [
    {
        "name": "setup_checklist_manager",
        "login": "manager",
        "password": "manager",
        "lang": "zh_CN",
        "path": "/odoo/action-aftersales_base.action_aftersales_setup_checklist",
        "wait_for": '.o_field_widget[name="line_ids"] .o_data_row',
    },
    {
        "name": "warranty_backfill_manager",
        "login": "manager",
        "password": "manager",
        "lang": "zh_CN",
        "path": "/odoo/action-aftersales_warranty.action_warranty_backfill",
        "click": ['.modal button[name="action_preview"]'],
        "wait_for": '.modal .o_field_widget[name="certified_count"]',
    },
    {
        "name": "after_sales_menu_desk",
        "login": "desk",
        "password": "desk",
        "path": "/odoo",
        "click": [
            ".o_navbar_apps_menu button",
            f'.o_app[data-menu-xmlid="{APP_XMLID}"]',
        ],
        # The brand carries the current app's xmlid once its action is shown.
        "wait_for": (
            f'.o_web_client:has(.o_menu_brand[data-menu-xmlid="{APP_XMLID}"])'
            " .o_action_manager .o_view_controller"
        ),
        "width": 1440,
        "height": 900,
    },
    {
        "name": "customer_archive_desk",
        "login": "desk",
        "password": "desk",
        "record": "aftersales_base.partner_huaxin_hotel",
        "path": "/odoo/action-aftersales_base.action_aftersales_customers/{id}",
        "click": ['.o_notebook_headers a[name="aftersales"]'],
        "wait_for": ('.tab-pane.active .o_field_widget[name="aftersales_certificate_ids"]'),
    },
    {
        "name": "warranty_certificate_manager",
        "login": "manager",
        "password": "manager",
        "record": "aftersales_warranty.certificate_hotel_central",
        "path": "/odoo/action-aftersales_warranty.action_warranty_certificate/{id}",
        "wait_for": '.o_form_view .o_field_widget[name="service_ids"] .o_data_row',
    },
    {
        "name": "maintenance_contract_manager",
        "login": "manager",
        "password": "manager",
        "record": "aftersales_warranty.contract_hotel",
        "path": "/odoo/action-aftersales_warranty.action_maintenance_contract/{id}",
        "wait_for": '.o_form_view .o_field_widget[name="lot_ids"]',
    },
    {
        "name": "dispatch_board_supervisor",
        "login": "supervisor",
        "password": "supervisor",
        "path": "/odoo/action-aftersales_repair.action_dispatch_board",
        "wait_for": ".o_kanban_view .o_kanban_record",
    },
    {
        "name": "service_request_technician",
        "login": "tech3",
        "password": "tech3",
        "record": "aftersales_repair.request_greenfield_heater",
        "path": "/odoo/action-aftersales_repair.action_service_request/{id}",
        "wait_for": '.o_form_view .o_field_widget[name="coverage_reason"]',
    },
    {
        "name": "service_request_billing_technician",
        "login": "tech1",
        "password": "tech1",
        "record": "aftersales_repair.request_neighbour_discount",
        "path": "/odoo/action-aftersales_repair.action_service_request/{id}",
        "click": ['.o_notebook_headers a[name="billing"]'],
        "wait_for": '.tab-pane.active .o_field_widget[name="discount_state"]',
        "scroll_to": ".o_notebook",
    },
    {
        "name": "daily_report_technician",
        "login": "tech1",
        "password": "tech1",
        "record": "aftersales_repair.daily_report_sun",
        "path": "/odoo/action-aftersales_repair.action_daily_report/{id}",
        "wait_for": '.o_form_view .o_field_widget[name="line_ids"] .o_data_row',
    },
    {
        "name": "maintenance_plan_supervisor",
        "login": "supervisor",
        "password": "supervisor",
        "lang": "zh_CN",
        "record": "aftersales_maintenance.demo_plan_hotel_inspection",
        "path": "/odoo/action-aftersales_maintenance.action_maintenance_plan/{id}",
        "wait_for": '.o_form_view .o_field_widget[name="job_ids"] .o_data_row',
    },
    {
        "name": "contract_invoices_accountant",
        "login": "accountant",
        "password": "accountant",
        "path": "/odoo/action-aftersales_warranty.action_contract_invoices",
        "wait_for": ".o_list_view .o_data_row",
    },
    {
        "name": "billing_to_invoice_accountant",
        "login": "accountant",
        "password": "accountant",
        "path": "/odoo/action-aftersales_repair.action_service_request_billing",
        "wait_for": ".o_list_view .o_data_row",
    },
    {
        "name": "complaint_board_manager",
        "login": "manager",
        "password": "manager",
        "path": "/odoo/action-aftersales_complaint.action_complaint_dashboard",
        "wait_for": ".o_kanban_view .o_kanban_record",
        "width": 1920,
        "height": 600,
    },
    {
        "name": "sla_dashboard_manager",
        "login": "manager",
        "password": "manager",
        "path": "/odoo/action-aftersales_repair.action_sla_dashboard",
        "wait_for": ".o_kanban_view .o_kanban_record .o_sla_arrival_breached a",
        "width": 1440,
        "height": 900,
    },
    {
        "name": "sla_analysis_manager",
        "login": "manager",
        "password": "manager",
        "path": "/odoo/action-aftersales_repair.action_sla_report",
        "wait_for": ".o_pivot table",
        "width": 1440,
        "height": 600,
    },
    {
        "name": "complaint_approval_manager",
        "login": "manager",
        "password": "manager",
        "record": "aftersales_complaint.complaint_greenfield",
        "path": "/odoo/action-aftersales_complaint.action_complaint/{id}",
        "click": ['.o_notebook_headers a[name="solution"]'],
        "wait_for": '.o_form_view button[name="action_approve"]',
        "height": 1100,
    },
    {
        "name": "technician_scorecards_manager",
        "login": "manager",
        "password": "manager",
        "path": "/odoo/action-aftersales_survey.action_technician_scorecard",
        "wait_for": ".o_list_view .o_data_row",
        "height": 600,
    },
    {
        "name": "portal_surveys_customer",
        "login": "customer",
        "password": "customer",
        "path": "/my/surveys",
        "wait_for": ".o_aftersales_answer_survey",
        "width": 1280,
        "height": 600,
    },
    {
        "name": "call_log_desk",
        "login": "desk",
        "password": "desk",
        "lang": "zh_CN",
        "path": "/odoo/action-aftersales_repair.action_call_log/{id}",
        "record": "aftersales_repair.call_li_ming_filter",
        "wait_for": '.o_form_view .o_field_widget[name="question"]',
        "height": 700,
    },
    {
        "name": "portal_complaint_customer",
        "login": "customer",
        "password": "customer",
        "lang": "zh_CN",
        "path": "/my/complaints/{id}",
        "record": "aftersales_complaint_repair.complaint_li_ming_portal",
        "wait_for": "#complaint_overview",
        "width": 1280,
        "height": 800,
    },
    {
        "name": "warranty_check_customer",
        "login": "customer",
        "password": "customer",
        "lang": "zh_CN",
        # The QR code's link: the certificate's serial and check code.
        "path": "/warranty/check?serial={lot_id}&code={check_code}",
        "record": "aftersales_warranty.certificate_li_ming",
        "record_fields": ["lot_id", "check_code"],
        "wait_for": ".o_warranty_check_end",
        "width": 1280,
        "height": 800,
    },
    {
        "name": "after_sales_settings_admin",
        "login": "admin",
        "password": "admin",
        "path": "/odoo/action-aftersales_base.action_aftersales_settings",
        "wait_for": ".o_setting_container .settings",
        "width": 1440,
        "height": 900,
    },
]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEOUT = 30.0  # seconds a selector may take to appear
CDP_TIMEOUT = 60.0  # seconds a DevTools command may take (Page.navigate waits for Odoo)
SETTLE = 1.0


class ShotError(Exception):
    """A screenshot could not be taken."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login(url, db, user, password):
    """Returns the session_id cookie of a fresh session of user."""
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"db": db, "login": user, "password": password},
    }
    resp = requests.post(f"{url}/web/session/authenticate", json=payload, timeout=30)
    resp.raise_for_status()
    body = resp.json()
    if body.get("error") or not (body.get("result") or {}).get("uid"):
        message = (body.get("error") or {}).get("data", {}).get("message", "wrong credentials")
        raise ShotError(f"login {user!r} on db {db!r} failed: {message}")
    session_id = resp.cookies.get("session_id")
    if not session_id:
        raise ShotError(f"login {user!r}: no session_id cookie in the answer")
    return session_id


class Chromium:
    """A headless Chromium and a DevTools connection to its page."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="aftersales-shots-")
        self.port = free_port()
        self.proc = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={self.port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws = None
        self.next_id = 0

    def connect(self):
        deadline = time.monotonic() + TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise ShotError(f"chromium exited with code {self.proc.returncode}")
            try:
                targets = requests.get(f"http://127.0.0.1:{self.port}/json", timeout=2).json()
                page = next(t for t in targets if t.get("type") == "page")
                break
            except (requests.RequestException, ValueError, StopIteration):
                if time.monotonic() > deadline:
                    raise ShotError("chromium's DevTools endpoint did not come up") from None
                time.sleep(0.2)
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=CDP_TIMEOUT, suppress_origin=True
        )

    def send(self, method, **params):
        """Sends one DevTools command and returns its result."""
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise ShotError(f"{method}: {msg['error'].get('message')}")
                return msg.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def wait_for(self, shot, selector):
        expression = f"!!document.querySelector({json.dumps(selector)})"
        deadline = time.monotonic() + TIMEOUT
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise ShotError(
                    f"shot {shot['name']!r}: {selector!r} did not appear"
                    f" within {TIMEOUT:.0f}s (page: {self.evaluate('location.href')})"
                )
            time.sleep(0.25)

    def close(self):
        if self.ws is not None:
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def admin_call(args, model, method, *call_args, **kwargs):
    """Calls model.method as the administrator over JSON-RPC."""
    session_id = login(args.url, args.db, "admin", args.admin_password)
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"model": model, "method": method, "args": list(call_args), "kwargs": kwargs},
    }
    resp = requests.post(
        f"{args.url}/web/dataset/call_kw/{model}/{method}",
        json=payload,
        cookies={"session_id": session_id},
        timeout=30,
    )
    body = resp.json()
    if body.get("error"):
        raise ShotError(f"{model}.{method}: {body['error'].get('data', {}).get('message')}")
    return body.get("result")


def record_id(args, xmlid):
    """The database id of a demo record, looked up as the administrator."""
    module, name = xmlid.split(".")
    rows = admin_call(
        args,
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )
    if not rows:
        raise ShotError(f"record {xmlid} not found (is the demo data installed?)")
    return rows[0]["res_id"]


def user_lang(args, login_name, lang=None):
    """The user's language; sets it first when lang is given."""
    users = admin_call(args, "res.users", "search_read", [("login", "=", login_name)], ["lang"])
    if not users:
        raise ShotError(f"user {login_name!r} not found")
    if lang:
        admin_call(args, "res.users", "write", [users[0]["id"]], {"lang": lang})
    return users[0]["lang"]


def take(browser, args, shot):
    """Takes one shot and returns the path of the PNG written."""
    path = shot["path"]
    if shot.get("record"):
        res_id = record_id(args, shot["record"])
        values = {"id": res_id}
        if shot.get("record_fields"):
            model = admin_call(
                args,
                "ir.model.data",
                "search_read",
                [("res_id", "=", res_id), ("name", "=", shot["record"].split(".")[1])],
                ["model"],
            )[0]["model"]
            [row] = admin_call(args, model, "read", [res_id], shot["record_fields"])
            for name in shot["record_fields"]:
                value = row[name]
                values[name] = value[1] if isinstance(value, list) else value
        path = path.format(**values)
    previous_lang = shot.get("lang") and user_lang(args, shot["login"], shot["lang"])
    try:
        return _take(browser, args, shot, path)
    finally:
        if previous_lang and previous_lang != shot["lang"]:
            user_lang(args, shot["login"], previous_lang)


def _take(browser, args, shot, path):
    session_id = login(args.url, args.db, shot["login"], shot["password"])
    browser.send("Network.clearBrowserCookies")
    browser.send(
        "Network.setCookie",
        name="session_id",
        value=session_id,
        domain=urlsplit(args.url).hostname,
        path="/",
    )
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=shot.get("width", 1440),
        height=shot.get("height", 900),
        deviceScaleFactor=1,
        mobile=False,
    )
    browser.send("Page.navigate", url=args.url + path)
    clicks = shot.get("click") or []
    for selector in [clicks] if isinstance(clicks, str) else clicks:
        browser.wait_for(shot, selector)
        browser.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
    browser.wait_for(shot, shot["wait_for"])
    if (browser.evaluate("location.pathname") or "").startswith("/web/login"):
        raise ShotError(f"shot {shot['name']!r}: landed on the login page")
    if shot.get("scroll_to"):
        browser.evaluate(
            f"document.querySelector({json.dumps(shot['scroll_to'])}).scrollIntoView()"
        )
    time.sleep(SETTLE)
    png = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    path = Path(args.out) / f"{shot['name']}.png"
    path.write_bytes(png)
    return path


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default=os.environ.get("AFTERSALES_DB", "aftersales"))
    parser.add_argument("--out", default=str(root / "docs" / "screenshots"))
    parser.add_argument(
        "--admin-password", default=os.environ.get("AFTERSALES_ADMIN_PASSWORD", "admin")
    )
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="take only this shot (repeatable)"
    )
    args = parser.parse_args()
    args.url = args.url.rstrip("/")
    Path(args.out).mkdir(parents=True, exist_ok=True)

    failures = 0
    browser = Chromium()
    try:
        browser.connect()
        browser.send("Network.enable")
        browser.send("Page.enable")
        shots = [shot for shot in SHOTS if not args.only or shot["name"] in args.only]
        if not shots:
            print(f"FAILED: no shot named {args.only}", file=sys.stderr)
            return 1
        for shot in shots:
            try:
                print(take(browser, args, shot), flush=True)
            except (
                ShotError,
                requests.RequestException,
                websocket.WebSocketException,
            ) as exc:
                failures += 1
                print(f"FAILED {shot['name']}: {exc}", file=sys.stderr, flush=True)
    except ShotError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
