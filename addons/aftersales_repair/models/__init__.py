from . import aftersales_zone
from . import technician_certification
from . import res_users
from . import res_config_settings
