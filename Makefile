# The suite's commands. See README.md.
.PHONY: run test test-modules test-core test-upgrade test-clock lint bootstrap screenshots bench bench-data bench-workers bench-backfill

run:            ## set up everything, create/upgrade the database, serve on :8069
	bash scripts/run.sh

test:           ## run every test on a fresh throwaway database
	bash scripts/test.sh

test-modules:   ## each module installed alone on a fresh database (with its own tests for base, complaint)
	bash scripts/test_modules_alone.sh

test-core:      ## Odoo's own tests of repair, survey, crm, stock, helpdesk_mgmt with the suite installed
	bash scripts/test_core.sh

test-upgrade:   ## install the released suites (5655cef, cf252b3, 91bb827) with demo data, upgrade, compare, uninstall
	bash scripts/test_upgrade.sh

test-clock:     ## the whole test run at 23:30 UTC and 00:30 China time, in 3 time zones (libfaketime)
	bash scripts/test_clock.sh

lint:           ## ruff and pylint-odoo
	bash scripts/lint.sh

bootstrap:      ## only install Odoo, the venv and the Debian packages
	bash scripts/bootstrap.sh

screenshots:    ## refresh docs/screenshots from a running database
	bash scripts/screenshots.sh

bench:          ## benchmark at production volume (creates aftersales_bench if missing)
	bash scripts/bench.sh

bench-data:     ## (re)create and fill the benchmark database only
	bash scripts/bench.sh generate

bench-workers:  ## two cron workers at once on a copy of the benchmark database
	bash scripts/bench_workers.sh

bench-backfill: ## back-fill of warranty certificates for 100 000 delivered serials (BACKFILL_SERIALS)
	bash scripts/bench_backfill.sh
