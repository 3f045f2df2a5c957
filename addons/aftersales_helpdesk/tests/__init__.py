from . import test_bridge
from . import test_role_matrix
