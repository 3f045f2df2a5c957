"""make test-core's verdict (issue 12): Odoo's own tests may fail with the
suite only as they fail without it (tests/core_baseline_failures.txt)."""

import core_summary

RESULT = (
    "2026-12-01 00:34:25,186 1 INFO db odoo.tests.result: "
    "{failed} failed, {errors} error(s) of {run} tests when loading database 'db'\n"
)
FAIL = "2026-12-01 00:09:07,074 1 ERROR db odoo.addons.{module}.tests.test_x: {kind}: {desc}\n"
BASELINE = (
    "# a comment\n"
    "stock TestSinglePicking.test_additional_move_1  # fails without the suite\n"
    "crm TestCRMLead.test_phone  # phonenumbers is not installed\n"
)


def run(tmp_path, log):
    (tmp_path / "core.log").write_text(log)
    (tmp_path / "baseline.txt").write_text(BASELINE)
    return core_summary.main(
        [f"--log={tmp_path / 'core.log'}", f"--baseline={tmp_path / 'baseline.txt'}"]
    )


def test_known_failures_pass(tmp_path):
    log = (
        FAIL.format(module="stock", kind="FAIL", desc="TestSinglePicking.test_additional_move_1")
        + FAIL.format(
            module="crm", kind="FAIL", desc="Subtest TestCRMLead.test_phone (login='sales')"
        )
        + RESULT.format(failed=2, errors=0, run=881)
    )
    assert run(tmp_path, log) == 0


def test_a_new_failure_fails(tmp_path, capsys):
    log = FAIL.format(
        module="repair", kind="FAIL", desc="TestRepair.test_01_repair_states"
    ) + RESULT.format(failed=1, errors=0, run=24)
    assert run(tmp_path, log) == 1
    assert "repair TestRepair.test_01_repair_states" in capsys.readouterr().out


def test_a_new_error_fails(tmp_path):
    log = FAIL.format(module="repair", kind="ERROR", desc="TestRepair.test_x") + RESULT.format(
        failed=0, errors=1, run=24
    )
    assert run(tmp_path, log) == 1


def test_no_result_or_no_test_fails(tmp_path):
    assert run(tmp_path, "the modules did not install\n") == 1
    assert run(tmp_path, RESULT.format(failed=0, errors=0, run=0)) == 1


def test_clean_run_passes(tmp_path):
    assert run(tmp_path, RESULT.format(failed=0, errors=0, run=881)) == 0


def test_new_failures_are_given_as_test_tags_to_run_again(tmp_path, capsys):
    (tmp_path / "core.log").write_text(
        FAIL.format(module="crm", kind="FAIL", desc="TestUi.test_03_crm_tour_forecast")
        + FAIL.format(module="stock", kind="FAIL", desc="TestSinglePicking.test_additional_move_1")
        + RESULT.format(failed=2, errors=0, run=881)
    )
    (tmp_path / "baseline.txt").write_text(BASELINE)
    args = [f"--log={tmp_path / 'core.log'}", f"--baseline={tmp_path / 'baseline.txt'}"]
    assert core_summary.main([*args, "--new-tags"]) == 0
    assert capsys.readouterr().out.strip() == "/crm:TestUi.test_03_crm_tour_forecast"
