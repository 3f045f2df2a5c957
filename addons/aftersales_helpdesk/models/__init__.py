from . import helpdesk_ticket_category
