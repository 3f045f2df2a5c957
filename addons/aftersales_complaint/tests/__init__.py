from . import test_complaint_category
from . import test_complaint_process
from . import test_complaint_escalation
from . import test_complaint_penalty
from . import test_complaint_action
from . import test_complaint_sources
from . import test_tours
from . import test_demo_story
