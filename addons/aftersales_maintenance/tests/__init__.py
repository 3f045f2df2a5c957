from . import test_checklist
from . import test_role_matrix
