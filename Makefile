# The suite's commands. See README.md.
.PHONY: run test lint bootstrap screenshots

run:            ## set up everything, create/upgrade the database, serve on :8069
	bash scripts/run.sh

test:           ## run every test on a fresh throwaway database
	bash scripts/test.sh

lint:           ## ruff and pylint-odoo
	bash scripts/lint.sh

bootstrap:      ## only install Odoo, the venv and the Debian packages
	bash scripts/bootstrap.sh

screenshots:    ## refresh docs/screenshots from a running database
	bash scripts/screenshots.sh
