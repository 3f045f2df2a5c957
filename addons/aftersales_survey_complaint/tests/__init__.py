from . import test_survey_complaint
from . import test_scorecard_complaints
