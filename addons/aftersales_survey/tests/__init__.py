from . import test_rating_criterion
from . import test_survey_sending
from . import test_survey_complaint
from . import test_scorecard
from . import test_followup
from . import test_quality
from . import test_tours
from . import test_portal
