from . import checklist_template
from . import request_type
from . import service_request
