from . import holiday_file
from . import calendar_day_import
from . import setup_checklist
