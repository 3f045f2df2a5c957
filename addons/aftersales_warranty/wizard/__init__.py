from . import coverage_check
from . import warranty_backfill
