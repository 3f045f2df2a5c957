from . import test_rating_criterion
from . import test_survey_sending
