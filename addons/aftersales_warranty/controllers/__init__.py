from . import portal
from . import warranty_check
