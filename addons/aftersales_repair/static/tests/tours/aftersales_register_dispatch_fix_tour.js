import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

import { signatureSteps } from "./tour_signature_utils";

// Created by tests/test_tours.py (TestServiceTours.test_register_dispatch_fix).
const CUSTOMER = "Tour Harbour Hotel";
const CUSTOMER_PHONE_PART = "6234 7788"; // the desk finds the caller by phone
const SERIAL = "AS-TOUR-SR-0001";
const PRODUCT = "Tour Heat Pump X7";
const ZONE = "Tour Riverside";
const TECHNICIAN = "Tour Technician Lee";

const FORM = ".o_form_view";
const field = (name) => `${FORM} .o_field_widget[name=${name}]`;
const status = (label) =>
    `${FORM} .o_statusbar_status button.o_arrow_button_current:contains(${label})`;
const dropdownItem = (name, text) =>
    `${field(name)} .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) > a:contains(${text})`;

registry.category("web_tour.tours").add("aftersales_register_dispatch_fix_tour", {
    url: "/odoo",
    steps: () => [
        // 1. The service desk takes the call.
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-Sales app",
            trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]',
            run: "click",
        },
        {
            content: "Open the Operations menu",
            trigger:
                ".o_main_navbar button" +
                '[data-menu-xmlid="aftersales_base.menu_aftersales_operations"]',
            run: "click",
        },
        {
            content: "Open the service requests",
            trigger: '.dropdown-item[data-menu-xmlid="aftersales_repair.menu_service_request"]',
            run: "click",
        },
        {
            content: "The service requests are listed",
            trigger: ".o_breadcrumb:contains(Service Requests)",
        },
        {
            content: "Register a new call",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Find the caller by the number they call from",
            trigger: `${field("partner_id")} input`,
            run: `edit ${CUSTOMER_PHONE_PART}`,
        },
        {
            content: "Pick the caller",
            trigger: dropdownItem("partner_id", CUSTOMER),
            run: "click",
        },
        {
            content: "The caller's phone is shown",
            trigger: `${field("partner_phone")}:contains(${CUSTOMER_PHONE_PART})`,
        },
        {
            content: "Type the serial on the product's plate",
            trigger: `${field("lot_id")} input`,
            run: `edit ${SERIAL}`,
        },
        {
            content: "Pick the serial",
            trigger: dropdownItem("lot_id", SERIAL),
            run: "click",
        },
        {
            content: "The serial gives the product",
            trigger: `${field("product_id")} input:value(${PRODUCT})`,
        },
        {
            content: "Describe the fault",
            trigger: `${field("fault_description")} textarea`,
            run: "edit The unit blows cold air only and shows error E4.",
        },
        {
            // issue 15: the desk no longer chooses it
            content: "The zone is the one of the customer's address",
            trigger: `${field("zone_id")} input:value(${ZONE})`,
        },
        ...stepUtils.saveForm(),
        {
            content: "The request waits for dispatch",
            trigger: status("To Dispatch"),
        },
        {
            content: "The serial is under warranty: the coverage shows Free",
            trigger: `${field("service_category")} .badge:contains(Free)`,
        },
        {
            content: "The coverage names the warranty certificate",
            trigger: `${field("coverage_reason")}:contains(Under warranty)`,
        },
        {
            content: "The arrival deadline is computed",
            trigger: `${field("sla_deadline")} span`,
        },
        // 2. The supervisor dispatches it to the suggested technician: one
        // click (issue 15), through the dispatch step and its checks.
        {
            content: "The certified technician of the zone with the fewest jobs is suggested",
            trigger: `${field("suggested_technician_id")}:contains(${TECHNICIAN})`,
        },
        {
            content: "Dispatch to the suggested technician",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_dispatch_suggested]`,
            run: "click",
        },
        {
            content: "The request is dispatched",
            trigger: status("Dispatched"),
        },
        // 3. The technician at the customer's.
        {
            content: "The technician has arrived",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_arrive]`,
            run: "click",
        },
        {
            content: "The request is on site",
            trigger: status("On Site"),
        },
        {
            content: "The arrival time is recorded",
            trigger: `${field("date_arrival")} span`,
        },
        {
            content: "Open the visit page",
            trigger: `${FORM} .o_notebook_headers a[name=visit]`,
            run: "click",
        },
        {
            content: "The on-site checklist is there",
            trigger: `${field("conduct_check_ids")} .o_data_row`,
        },
        {
            content: "Write the diagnosis",
            trigger: `${field("diagnosis")} textarea`,
            run: "edit Refrigerant leak at the flare nut; tightened and refilled.",
        },
        {
            content: "Open the customer signature page",
            trigger: `${FORM} .o_notebook_headers a[name=signature]`,
            run: "click",
        },
        {
            content: "The customer gives their name",
            trigger: `${field("signed_by")} input`,
            run: "edit Ms. Wang Fang",
        },
        ...signatureSteps(field("customer_signature"), "the customer"),
        ...stepUtils.saveForm(),
        {
            content: "Fixed on site: close with the customer's signature",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_close_on_site]`,
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
