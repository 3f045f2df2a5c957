import { registry } from "@web/core/registry";

import { signatureSteps } from "@aftersales_repair/../tests/tours/tour_signature_utils";

// Created by tests/test_inspection_tour.py (a 390×844 screen): the technician
// records his arrival, fills the checklist (one value out of range), adds a
// photo, has the customer sign and submits the inspection report (P2).
const FORM = ".o_form_view";
const DIALOG = ".modal .o_form_view";
// On a phone the status bar shows the current step only (in its dropdown).
const status = (label) =>
    `${FORM} .o_statusbar_status .o_arrow_button_current:contains(${label}):not(:visible)`;
const field = (name, root = FORM) => `${root} .o_field_widget[name=${name}]`;
// A 1×1 PNG, the photo of the pressure gauge.
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

function openLine(name) {
    return {
        content: `Open the check item “${name}”`,
        trigger: `${field("line_ids")} .o_kanban_record:contains(${name})`,
        run: "click",
    };
}

function saveLine() {
    return [
        {
            content: "Save the check item",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal .o_form_view))",
        },
    ];
}

registry.category("web_tour.tours").add("aftersales_inspection_mobile_tour", {
    steps: () => [
        {
            content: "The inspection job is dispatched to me",
            trigger: status("Dispatched"),
        },
        {
            content: "On a phone the other buttons are under “More”",
            trigger: `${FORM} .o_statusbar_buttons button[title=More]`,
            run: "click",
        },
        {
            content: "I am at the customer's: record the arrival",
            trigger: ".dropdown-menu button[name=action_arrive]",
            run: "click",
        },
        {
            content: "The arrival is recorded",
            trigger: status("On Site"),
        },
        {
            content: "On a phone the smart buttons are under the bolt",
            trigger: `${FORM} .o-form-buttonbox .o_button_more`,
            run: "click",
        },
        {
            content: "Open the inspection report",
            trigger: ".o-form-buttonbox-small button[name=action_open_inspection_report]",
            run: "click",
        },
        {
            content: "The report holds the checklist",
            trigger: `${field("line_ids")} .o_kanban_record:contains(Water pressure)`,
        },
        openLine("Compressor noise"),
        {
            content: "The compressor is OK",
            trigger: `${field("result", DIALOG)} .o_radio_item:first-child input`,
            run: "click",
        },
        ...saveLine(),
        openLine("Water pressure"),
        {
            content: "The pressure is 2.6 bar: above its range",
            trigger: `${field("value_measured", DIALOG)} input`,
            run: "edit 2.6",
        },
        {
            content: "Photograph the gauge",
            trigger: `${field("photo", DIALOG)} input[type=file]:not(:visible)`,
            async run() {
                const input = document.querySelector(
                    `${field("photo", DIALOG)} input[type=file]`
                );
                const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "gauge.png", { type: "image/png" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The photo is there",
            trigger: `${field("photo", DIALOG)} img[src*="data:image"], ${field("photo", DIALOG)} img[src*="/web/image"]`,
        },
        ...saveLine(),
        {
            content: "The out-of-range item is flagged in red",
            trigger: `${field("line_ids")} .o_kanban_record .text-danger:contains(Water pressure)`,
        },
        {
            content: "Write the findings",
            trigger: `${field("findings")} textarea`,
            run: "edit Pressure too high at the outlet",
        },
        {
            content: "The customer writes his name",
            trigger: `${field("signed_by")} input`,
            run: "edit Wang Fang",
        },
        ...signatureSteps(field("customer_signature"), "the customer"),
        {
            content: "Submit the report",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_submit]`,
            run: "click",
        },
        {
            content: "The report is submitted",
            trigger: status("Submitted"),
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_inspection_portal_tour", {
    steps: () => [
        {
            content: "My inspection reports are listed",
            trigger: "a.o_inspection_report_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The report shows the checklist, the value out of range flagged",
            trigger: ".o_aftersales_portal_inspection_report tr.o_out_of_range:contains(Water pressure)",
        },
        {
            content: "The PDF can be downloaded",
            trigger: ".o_aftersales_portal_inspection_report a.o_inspection_pdf_link[href*='report_type=pdf']",
        },
    ],
});
