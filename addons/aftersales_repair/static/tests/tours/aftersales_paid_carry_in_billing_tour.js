import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// tests/test_tours.py (TestBillingTour.test_paid_carry_in_billing) opens the
// form of a finished, paid carry-in repair of this customer.
const CUSTOMER = "Tour Billing Bakery";

const FORM = ".o_form_view";
const field = (name) => `${FORM} .o_field_widget[name=${name}]`;
const status = (label) =>
    `${FORM} .o_statusbar_status button.o_arrow_button_current:contains(${label})`;
const button = (name) => `${FORM} .o_statusbar_buttons button[name=${name}]`;

registry.category("web_tour.tours").add("aftersales_paid_carry_in_billing_tour", {
    steps: () => [
        // 1. The technician records the cash the customer paid on the spot.
        {
            content: "The carry-in repair is done",
            trigger: status("Done"),
        },
        {
            content: "Open the time and billing page",
            trigger: `${FORM} .o_notebook_headers a[name=billing]`,
            run: "click",
        },
        {
            content: "The job waits for its invoice",
            trigger: `${field("billing_state")}:contains(To Invoice)`,
        },
        {
            content: "The workshop time is on the job",
            trigger: `${field("time_ids")} .o_data_row:contains(Replaced the compressor)`,
        },
        {
            content: "Record the cash collected on site",
            trigger: `${field("cash_amount")} input`,
            run: "edit 187.00",
        },
        ...stepUtils.saveForm(),
        {
            content: "The cash waits for the accountant",
            trigger: `${field("cash_state")}:contains(To Confirm)`,
        },
        // 2. The accountant's list: to invoice / collected on site.
        {
            content: "Open the Operations menu",
            trigger:
                ".o_main_navbar button" +
                '[data-menu-xmlid="aftersales_base.menu_aftersales_operations"]',
            run: "click",
        },
        {
            content: "Open the accountant's list",
            trigger:
                '.dropdown-item[data-menu-xmlid="aftersales_repair.menu_service_request_billing"]',
            run: "click",
        },
        {
            content: "Open the customer's job",
            trigger: `.o_list_view .o_data_row td:contains(${CUSTOMER})`,
            run: "click",
        },
        {
            content: "Create the invoice",
            trigger: button("action_create_invoice"),
            run: "click",
        },
        // 3. Odoo's invoice: the accountant posts it.
        {
            content: "The draft invoice opens",
            trigger: status("Draft"),
        },
        {
            content: "Labour is on the invoice",
            trigger: `${FORM} .o_field_widget[name=invoice_line_ids] .o_data_row:contains(After-Sales Labour)`,
        },
        {
            content: "Post the invoice",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_post]`,
            run: "click",
        },
        {
            content: "The invoice is posted",
            trigger: status("Posted"),
        },
        {
            content: "Back to the job",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active) a:last",
            run: "click",
        },
        // 4. The cash is received: a payment reconciled with the invoice.
        {
            content: "Confirm the cash was handed over",
            trigger: button("action_confirm_cash"),
            run: "click",
        },
        {
            content: "The job is paid",
            trigger: `${field("billing_state")} .o_arrow_button_current:contains(Paid)`,
        },
    ],
});
