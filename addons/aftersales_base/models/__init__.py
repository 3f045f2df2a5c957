from . import activity_mixin
from . import batch_mixin
from . import numbered_mixin
from . import process_mixin
from . import res_company
from . import resource_calendar
from . import res_config_settings
from . import ledger_entry
