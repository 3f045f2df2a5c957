from . import helpdesk_ticket_category
from . import helpdesk_ticket
from . import aftersales_complaint
