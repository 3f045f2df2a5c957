from . import rating_criterion
from . import res_config_settings
