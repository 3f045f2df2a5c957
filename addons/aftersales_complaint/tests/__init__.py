from . import test_complaint_category
