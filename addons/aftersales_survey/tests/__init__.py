from . import test_rating_criterion
