from . import test_checklist
from . import test_role_matrix
from . import test_inspection_report
from . import test_inspection_portal
from . import test_inspection_tour
from . import test_maintenance_plan
from . import test_planned_service_tour
