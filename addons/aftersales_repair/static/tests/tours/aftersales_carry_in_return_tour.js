import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

import { signatureSteps } from "./tour_signature_utils";

// tests/test_tours.py (TestServiceTours.test_carry_in_return) opens the form
// of a request for this serial, dispatched and with the technician on site.
const SERIAL = "AS-TOUR-SR-0002";

const FORM = ".o_form_view";
const MODAL = ".modal .o_form_view";
const field = (name, view = FORM) => `${view} .o_field_widget[name=${name}]`;
const status = (label) =>
    `${FORM} .o_statusbar_status button.o_arrow_button_current:contains(${label})`;
const button = (name) => `${FORM} .o_statusbar_buttons button[name=${name}]`;
const timeLines = field("aftersales_time_ids");

registry.category("web_tour.tours").add("aftersales_carry_in_return_tour", {
    steps: () => [
        // 1. On site, the fault cannot be fixed there: to the workshop.
        {
            content: "The request is on site",
            trigger: status("On Site"),
        },
        {
            content: "It is the serial's request",
            trigger: `${field("lot_id")} input:value(${SERIAL})`,
        },
        {
            content: "Take the product to the workshop",
            trigger: button("action_carry_in"),
            run: "click",
        },
        {
            content: "The wizard asks for the promised date",
            trigger: ".modal .modal-title:contains(Take to Workshop)",
        },
        {
            content: "Promise the repair in a week",
            trigger: `${field("date_promised", MODAL)} input`,
            run: `edit ${formatDate(luxon.DateTime.now().plus({ days: 7 }))}`,
        },
        {
            content: "Explain why it cannot be fixed on site",
            trigger: `${field("explanation", MODAL)} textarea`,
            run: "edit The compressor must be replaced on the workshop bench.",
        },
        ...signatureSteps(field("intake_signature", MODAL), "the customer (intake)"),
        {
            content: "Take the product in",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        // 2. The repair card, Odoo's repair order.
        {
            content: "The repair order opens, with a repair card page",
            trigger: `${FORM} .o_notebook_headers a[name=aftersales_repair_card]`,
        },
        {
            content: "The repair order is new",
            trigger: status("New"),
        },
        {
            content: "The repaired serial is the customer's",
            trigger: `${field("lot_id")} input:value(${SERIAL})`,
        },
        {
            content: "Open the repair card page",
            trigger: `${FORM} .o_notebook_headers a[name=aftersales_repair_card]`,
            run: "click",
        },
        {
            content: "The card links the service request",
            trigger: `${field("aftersales_request_id")} a.o_form_uri:contains(SR/)`,
        },
        {
            content: "The receipt of the product is on the card",
            trigger: `${field("aftersales_receipt_id")} a.o_form_uri`,
        },
        {
            content: "Add a time line",
            trigger: `${timeLines} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Describe the work",
            trigger: `${timeLines} .o_data_row .o_field_widget[name=description] input`,
            run: "edit Replaced the compressor and refilled the refrigerant",
        },
        {
            content: "Record an hour and a half",
            trigger: `${timeLines} .o_data_row .o_field_widget[name=hours] input`,
            run: "edit 1:30",
        },
        {
            content: "Confirm the repair (saves the card)",
            trigger: button("action_validate"),
            run: "click",
        },
        {
            content: "The repair is confirmed",
            trigger: status("Confirmed"),
        },
        {
            content: "The time line is saved",
            trigger: `${timeLines} .o_data_row:contains(Replaced the compressor):contains(01:30)`,
        },
        {
            content: "Start the repair",
            trigger: button("action_repair_start"),
            run: "click",
        },
        {
            content: "The repair is under way",
            trigger: status("Under Repair"),
        },
        {
            content: "End the repair",
            trigger: button("action_repair_end"),
            run: "click",
        },
        {
            content: "The product is repaired",
            trigger: status("Repaired"),
        },
        // 3. The supervisor inspects, the customer takes it back.
        {
            content: "The supervisor inspects the repair",
            trigger: button("action_aftersales_inspect"),
            run: "click",
        },
        {
            content: "The inspection is recorded",
            trigger: `${field("aftersales_date_inspected")} span`,
        },
        {
            content: "Return the product to the customer",
            trigger: button("action_aftersales_return"),
            run: "click",
        },
        {
            content: "The return wizard opens",
            trigger: ".modal .modal-title:contains(Return to Customer)",
        },
        {
            content: "The customer gives their name",
            trigger: `${field("signed_by", MODAL)} input`,
            run: "edit Mr. Zhao Lei",
        },
        ...signatureSteps(field("return_signature", MODAL), "the customer (return)"),
        {
            content: "Give the product back",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
        // 4. Back to the request: done.
        {
            content: "Open the service request from the repair card",
            trigger: `${field("aftersales_request_id")} a.o_form_uri`,
            run: "click",
        },
        {
            content: "The request is done",
            trigger: status("Done"),
        },
        {
            // The PDF is not rendered during the click: it is printed on
            // demand, and filed by the scheduled job after the closing (S6).
            content: "The voucher prints on demand",
            trigger: "button:contains(Print Voucher)",
        },
    ],
});
