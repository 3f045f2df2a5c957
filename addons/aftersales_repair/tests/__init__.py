from . import test_zone
from . import test_certification
from . import test_demo_story
