from . import portal
from . import product_registration
