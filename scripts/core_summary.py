"""Compares a run of Odoo's own tests (scripts/test_core.sh) with the
baseline: the failures those tests have without the suite installed.

Every failing or erroring test of the log must be listed in the baseline file
(``<module> <Class.test_method>  # reason``, one a line). Exits 1 when a test
fails that is not listed there, when the run printed no result or ran no test.
Listed failures that now pass are only reported (the list may be trimmed).
"""

import argparse
import re
import sys

RESULT_RE = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
# "... ERROR db odoo.addons.repair.tests.test_repair: FAIL: TestRepair.test_01"
FAILURE_RE = re.compile(r" ERROR \S+ (\S+): (FAIL|ERROR): (.+?)\s*$")
MODULE_RE = re.compile(r"odoo\.addons\.(\w+)")
STARTED_RE = re.compile(r" INFO \S+ odoo\.addons\.(\w+)\.\S+: Starting (\S+) \.\.\.")


def failure_key(logger, description):
    """``<module> <Class.method>`` of a failure line."""
    module = MODULE_RE.match(logger)
    if not module:  # e.g. a setUpClass error: "setUpClass (odoo.addons.x.tests...)"
        module = MODULE_RE.search(description)
    name = description
    if name.startswith("Subtest "):
        name = name.split()[1]
    return f"{module.group(1) if module else logger} {name}"


def read_log(path):
    """The failures, the result lines and the tests that ran, of a log."""
    failures, results, ran = set(), [], set()
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if m := STARTED_RE.search(line):
                ran.add(f"{m.group(1)} {m.group(2)}")
            elif m := RESULT_RE.search(line):
                results.append(tuple(int(g) for g in m.groups()))
            elif m := FAILURE_RE.search(line):
                failures.add(failure_key(m.group(1), m.group(3)))
    return failures, results, ran


def read_baseline(path):
    known = {}
    with open(path, encoding="utf-8") as baseline:
        for line in baseline:
            entry, _sep, reason = line.partition("#")
            entry = " ".join(entry.split())
            if entry:
                known[entry] = reason.strip()
    return known


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", required=True)
    parser.add_argument("--baseline", help="the committed list of failures without the suite")
    parser.add_argument(
        "--list", action="store_true", help="print the run's failures in the baseline's format"
    )
    parser.add_argument(
        "--new-tags",
        action="store_true",
        help="print the --test-tags of the failures not in the baseline (to run them again)",
    )
    args = parser.parse_args(argv)
    failures, results, started = read_log(args.log)
    if args.list:
        for key in sorted(failures):
            print(f"{key}  # fails without the suite: REASON")
        print(f"# {sum(r[2] for r in results)} tests, {len(failures)} failing", file=sys.stderr)
        return 0 if results else 1
    if not args.baseline:
        parser.error("--baseline or --list")
    known = read_baseline(args.baseline)
    if args.new_tags:
        new = sorted(failures - set(known))
        if results and all(" " in key for key in new):
            print(",".join("/{}:{}".format(*key.split(" ", 1)) for key in new))
        return 0
    problems = []
    if not results:
        problems.append("the run printed no test result (did the modules install?)")
    ran = sum(r[2] for r in results)
    if results and not ran:
        problems.append("no test ran")
    new = sorted(failures - set(known))
    for key in new:
        problems.append(f"fails with the suite, not without it: {key}")
    for key in sorted(failures & set(known)):
        print(f"  known failure (baseline): {key}  # {known[key]}")
    for key in sorted((set(known) & started) - failures):
        print(f"  baseline failure that passes now: {key}")
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    print(
        f"Odoo's own tests with the suite: {ran} tests, {len(failures)} failing "
        f"({len(failures & set(known))} as without the suite, {len(new)} new)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
