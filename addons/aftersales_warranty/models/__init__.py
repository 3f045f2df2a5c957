from . import warranty_policy
from . import product_category
from . import product_template
from . import res_config_settings
