from . import checklist_template
from . import request_type
from . import service_request
from . import inspection_report
from . import service_request_inspection
from . import maintenance_contract_inspection
