from . import checklist_template
from . import request_type
from . import service_request
from . import maintenance_plan
from . import service_request_plan
from . import maintenance_contract
from . import warranty_visits
