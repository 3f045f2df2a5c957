from . import complaint_category
from . import res_config_settings
