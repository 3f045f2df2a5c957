import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Created by tests/test_onboarding_tour.py (issue 15: from an empty company to the first call).
const CUSTOMER = "Onboarding First Customer";
const FORM = ".o_form_view";
const field = (name) => `${FORM} .o_field_widget[name=${name}]`;
const LINES = ".o_field_widget[name=line_ids]";
const openApp = () => [
    stepUtils.showAppsMenuItem(),
    {
        content: "Open the After-Sales app",
        trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]',
        run: "click",
    },
];

registry.category("web_tour.tours").add("aftersales_onboarding_checklist_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The app opens the setup checklist while essentials are missing",
            trigger: `${FORM} .alert-warning:contains(Some essential steps are not done yet)`,
        },
        {
            content: "The missing zone is a red line",
            trigger: `${LINES} tr.o_data_row.text-danger:contains(Service zones)`,
        },
        {
            content: "Open the screen of the zones",
            trigger: `${LINES} tr.o_data_row:contains(Service zones) button[name=action_open_step]`,
            run: "click",
        },
        {
            content: "The service zones are listed",
            trigger: ".o_breadcrumb:contains(Service Zones)",
        },
    ],
});

registry.category("web_tour.tours").add("aftersales_onboarding_first_call_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Open the Configuration menu",
            trigger:
                ".o_main_navbar button" +
                '[data-menu-xmlid="aftersales_base.menu_aftersales_config"]',
            run: "click",
        },
        {
            content: "Open the setup checklist",
            trigger:
                '.dropdown-item[data-menu-xmlid="aftersales_base.menu_aftersales_setup_checklist"]',
            run: "click",
        },
        {
            content: "Every step is done",
            trigger: `${FORM} .alert-success:contains(Every essential step is done)`,
        },
        {
            content: "No red line is left",
            trigger: `${LINES} tr.o_data_row.text-success`,
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
            content: "Register the first call",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The company's only zone is filled in",
            trigger: `${field("zone_id")} input:value(Onboarding Zone)`,
        },
        {
            content: "Type the caller",
            trigger: `${field("partner_id")} input`,
            run: `edit ${CUSTOMER}`,
        },
        {
            content: "Pick the caller",
            trigger: `${field("partner_id")} .o-autocomplete--dropdown-item > a:contains(${CUSTOMER})`,
            run: "click",
        },
        {
            content: "Describe the fault",
            trigger: `${field("fault_description")} textarea`,
            run: "edit The boiler does not heat",
        },
        {
            content: "Save the call",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The call is saved",
            trigger: ".o_form_saved",
        },
    ],
});

// Created by tests/test_onboarding_tour.py: the service manager, who is not
// an administrator, opens the suite's settings and saves the hotline.
registry.category("web_tour.tours").add("aftersales_manager_settings_tour", {
    url: "/odoo/action-aftersales_base.action_aftersales_settings",
    steps: () => [
        {
            content: "The suite's settings open for the service manager",
            trigger: ".o_field_widget[name=aftersales_hotline] input",
            run: "edit 400-800-1234",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The settings are saved (no unsaved changes) with the hotline",
            trigger:
                "body:not(:has(.o_dirty_warning)) " +
                ".o_field_widget[name=aftersales_hotline] input:value(400-800-1234)",
        },
    ],
});
