from . import test_roles
from . import test_warranty_policy
from . import test_settings
from . import test_ui
