from . import complaint
from . import service_request
from . import repair_order
from . import stock_picking
from . import call_log
from . import complaint_portal
