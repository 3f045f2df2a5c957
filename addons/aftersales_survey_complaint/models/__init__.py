from . import service_survey
from . import technician_scorecard
from . import res_config_settings
