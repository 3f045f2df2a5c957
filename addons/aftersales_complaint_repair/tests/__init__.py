from . import test_complaint_sources
from . import test_demo_story
from . import test_first_day
from . import test_call_log_complaint
from . import test_portal
