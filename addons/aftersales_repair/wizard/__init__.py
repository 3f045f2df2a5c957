from . import carry_in
from . import return_product
from . import reassign
from . import contact_customer
