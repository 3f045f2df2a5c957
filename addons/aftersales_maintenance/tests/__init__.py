from . import test_checklist
from . import test_role_matrix
from . import test_maintenance_plan
