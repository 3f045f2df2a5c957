"""Odoo's own tests of the modules the suite extends, run on a database where
every module is already installed and the whole registry is loaded.

Odoo 19 runs a module's ``at_install`` tests while it loads that module: on a
database whose modules are installed (no ``-i``/``-u``) they run when the
registry holds only the modules loaded so far (``_setup_models__`` is
incremental), i.e. without the suite's overrides, which load later. This
launcher runs them instead in the ``post_install`` phase, after every module
is loaded, with the ``post_install`` tests: the core modules' tests then meet
the suite's code. It takes Odoo's own command line:

    python scripts/core_tests.py -c odoo.conf -d DB --test-tags /repair,/stock \
        --stop-after-init
"""

import odoo.cli
from odoo.tests import loader
from odoo.tests.suite import OdooSuite

_make_suite = loader.make_suite


def make_suite(module_names, position="at_install"):
    if position == "at_install":
        # while modules load: the registry is not complete yet
        return OdooSuite([])
    tests = list(_make_suite(module_names, "at_install"))
    tests += list(_make_suite(module_names, "post_install"))
    return OdooSuite(tests)


loader.make_suite = make_suite

if __name__ == "__main__":
    odoo.cli.main()
