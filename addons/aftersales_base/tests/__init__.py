from . import test_activity_helper
from . import test_company_day
from . import test_install_defaults
from . import test_role_matrix
from . import test_time_base
from . import test_zh_cn_complete
