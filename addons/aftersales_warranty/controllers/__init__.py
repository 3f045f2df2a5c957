from . import portal
from . import warranty_check
from . import product_registration
