from . import coverage_check
from . import warranty_backfill
from . import contract_billing_forecast
