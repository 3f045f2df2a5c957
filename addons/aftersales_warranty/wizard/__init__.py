from . import coverage_check
