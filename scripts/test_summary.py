"""Reads what a test run left behind and prints the suite's verdict.

A CRITICAL line of the Odoo log fails the run, whatever else it says.

Inputs: the Odoo log of the install-and-test run (with its exit code) and the
JUnit XML of the suite-level pytest run (with its exit code). Prints every
problem found, then the closing line ``N passed, N failed, N skipped`` and
exits 1 when anything failed, errored, was skipped, did not install, or when
no test ran at all.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

RESULT_RE = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r" INFO \S+ (odoo\.addons\.[\w.]+): skipped (.*)")
# Install-time problems in our own modules that Odoo only logs: missing
# access rules, invalid views, broken fields. A test's own log lines
# (odoo.addons.<module>.tests...) are left to the test result.
OWN_WARNING_RE = re.compile(
    r" (WARNING|ERROR|CRITICAL) \S+ (?!odoo\.addons\.\w+\.tests)(\S+): "
    r".*(aftersales_\w+|aftersales\.)"
)
FATAL_RE = re.compile(r" (CRITICAL) \S+ (\S+): (.*)")


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)


def read_odoo_log(path, returncode, tally):
    results = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if m := RESULT_RE.search(line):
                results.append(tuple(int(g) for g in m.groups()))
            elif m := SKIP_RE.search(line):
                tally.skipped += 1
                tally.problems.append(f"skipped in {m.group(1)}: {m.group(2).strip()}")
            elif m := FATAL_RE.search(line):
                # Odoo logs a CRITICAL line and may still exit 0 with every
                # test passed (e.g. a crash outside a test): it fails the run.
                tally.problems.append(f"critical: {m.group(2)}: {m.group(3).strip()}")
                tally.failed += 1
            elif m := OWN_WARNING_RE.search(line):
                tally.problems.append(f"install log: {line.strip()}")
                tally.failed += 1
    if not results:
        tally.problems.append("the Odoo run printed no test result (did the modules install?)")
        tally.failed += 1
    for failed, errors, run in results:
        tally.failed += failed + errors
        tally.passed += run - failed - errors
    tally.passed -= tally.skipped
    if returncode != 0:
        tally.problems.append(f"Odoo exited with code {returncode}")
        if not any(f + e for f, e, _ in results):
            tally.failed += 1


def read_junit(path, returncode, tally):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        tally.problems.append(f"no pytest report ({exc})")
        tally.failed += 1
        return
    for case in root.iter("testcase"):
        name = f"{case.get('classname')}.{case.get('name')}"
        outcome = {child.tag for child in case}
        if outcome & {"failure", "error"}:
            tally.failed += 1
            tally.problems.append(f"pytest failed: {name}")
        elif "skipped" in outcome:
            tally.skipped += 1
            tally.problems.append(f"pytest skipped: {name}")
        else:
            tally.passed += 1
    if returncode not in (0, 1):
        tally.problems.append(f"pytest exited with code {returncode}")
        tally.failed += 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-log", required=True)
    parser.add_argument("--odoo-rc", type=int, required=True)
    parser.add_argument("--junit", required=True)
    parser.add_argument("--pytest-rc", type=int, required=True)
    args = parser.parse_args(argv)
    tally = Tally()
    read_odoo_log(args.odoo_log, args.odoo_rc, tally)
    read_junit(args.junit, args.pytest_rc, tally)
    for problem in tally.problems:
        print(f"  - {problem}")
    if tally.passed + tally.failed == 0:
        print("  - no test ran")
        tally.failed += 1
    print(f"{tally.passed} passed, {tally.failed} failed, {tally.skipped} skipped")
    return 1 if tally.failed or tally.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
