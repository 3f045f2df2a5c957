"""The test command's verdict: it must fail on every kind of bad run."""

import test_summary

PASSING = (
    "2026-11-26 22:44:59,250 8666 INFO db odoo.tests.result: "
    "0 failed, 0 error(s) of 12 tests when loading database 'db'\n"
)
JUNIT_OK = (
    '<testsuites><testsuite><testcase classname="t" name="a"/>'
    '<testcase classname="t" name="b"/></testsuite></testsuites>'
)


def run(tmp_path, log, odoo_rc=0, junit=JUNIT_OK, pytest_rc=0):
    (tmp_path / "odoo.log").write_text(log)
    (tmp_path / "junit.xml").write_text(junit)
    return test_summary.main(
        [
            f"--odoo-log={tmp_path / 'odoo.log'}",
            f"--odoo-rc={odoo_rc}",
            f"--junit={tmp_path / 'junit.xml'}",
            f"--pytest-rc={pytest_rc}",
        ]
    )


def last_line(capsys):
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_all_green(tmp_path, capsys):
    assert run(tmp_path, PASSING) == 0
    assert last_line(capsys) == "14 passed, 0 failed, 0 skipped"


def test_odoo_failure_fails(tmp_path, capsys):
    log = PASSING.replace("0 failed, 0 error(s) of 12", "1 failed, 2 error(s) of 12")
    assert run(tmp_path, log, odoo_rc=1) == 1
    assert last_line(capsys) == "11 passed, 3 failed, 0 skipped"


def test_skipped_test_fails(tmp_path, capsys):
    skip = (
        "2026-11-26 22:44:50,000 1 INFO db odoo.addons.aftersales_repair.tests.test_x: "
        "skipped test_y (odoo.addons.aftersales_repair.tests.test_x.T.test_y) "
        ": no demo\n"
    )
    assert run(tmp_path, skip + PASSING) == 1
    assert last_line(capsys) == "13 passed, 0 failed, 1 skipped"


def test_no_test_ran_fails(tmp_path, capsys):
    log = PASSING.replace("of 12 tests", "of 0 tests")
    assert run(tmp_path, log, junit="<testsuites/>") == 1
    assert last_line(capsys).endswith("failed, 0 skipped")


def test_failed_install_fails(tmp_path, capsys):
    log = (
        "2026-11-26 22:42:53,515 1 CRITICAL db odoo.service.server: "
        "Failed to initialize database `db`.\n"
    )
    assert run(tmp_path, log, odoo_rc=255) == 1
    out = capsys.readouterr().out
    assert "Failed to initialize database" in out
    assert "printed no test result" in out


def test_missing_access_rule_warning_fails(tmp_path, capsys):
    warning = (
        "2026-11-26 22:42:50,000 1 WARNING db odoo.modules.loading: The models "
        "['aftersales.zone'] have no access rules in module aftersales_repair\n"
    )
    assert run(tmp_path, warning + PASSING) == 1
    assert "no access rules" in capsys.readouterr().out


def test_pytest_failure_fails(tmp_path, capsys):
    junit = JUNIT_OK.replace(
        '<testcase classname="t" name="b"/>',
        '<testcase classname="t" name="b"><failure message="x"/></testcase>',
    )
    assert run(tmp_path, PASSING, junit=junit, pytest_rc=1) == 1
    assert last_line(capsys) == "13 passed, 1 failed, 0 skipped"


def test_critical_log_line_fails(tmp_path, capsys):
    """A CRITICAL line fails the run even when every test passed and Odoo
    exited 0."""
    critical = (
        "2026-11-26 22:43:10,000 1 CRITICAL db odoo.modules.module: "
        "Couldn't load module aftersales_survey\n"
    )
    assert run(tmp_path, critical + PASSING) == 1
    out = capsys.readouterr().out
    assert "critical: odoo.modules.module: Couldn't load module aftersales_survey" in out
    assert out.strip().splitlines()[-1] == "14 passed, 1 failed, 0 skipped"


def test_critical_line_of_a_test_fails(tmp_path, capsys):
    """Also when the CRITICAL line comes from a test's own logger."""
    critical = (
        "2026-11-26 22:43:10,000 1 CRITICAL db odoo.addons.aftersales_repair.tests.test_x: boom\n"
    )
    assert run(tmp_path, PASSING + critical) == 1
    assert last_line(capsys) == "14 passed, 1 failed, 0 skipped"
