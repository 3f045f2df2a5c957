import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Created by tests/test_tours.py (TestComplaintTour.test_quality_complaint).
const CUSTOMER = "Tour Lakeside Bakery";
const ROOT_CAUSE = "Tour faulty thermostat batch";
const OWNER = "Tour Service Manager Gao";

const FORM = ".o_form_view";
const field = (name) => `${FORM} .o_field_widget[name=${name}]`;
const button = (name) => `${FORM} .o_statusbar_buttons button[name=${name}]`;
const page = (name) => `${FORM} .o_notebook_headers a[name=${name}]`;
const dropdownItem = (name, text) =>
    `${field(name)} .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) > a:contains(${text})`;

registry.category("web_tour.tours").add("aftersales_quality_complaint_tour", {
    url: "/odoo",
    steps: () => [
        // 1. Record: the desk registers the customer's complaint.
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-Sales app",
            trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]',
            run: "click",
        },
        {
            content: "The app's first view is loaded",
            trigger: ".o_control_panel .o_breadcrumb",
        },
        {
            content: "Open the Complaints menu",
            trigger:
                ".o_main_navbar button" +
                '[data-menu-xmlid="aftersales_complaint.menu_complaints_root"]',
            run: "click",
        },
        {
            content: "Open the complaints",
            trigger: '.dropdown-item[data-menu-xmlid="aftersales_complaint.menu_complaint"]',
            run: "click",
        },
        {
            content: "The complaints are listed",
            trigger: ".o_breadcrumb:contains(Complaints)",
        },
        {
            content: "Register a new complaint",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Who complains",
            trigger: `${field("partner_id")} input`,
            run: `edit ${CUSTOMER}`,
        },
        {
            content: "Pick the customer",
            trigger: dropdownItem("partner_id", CUSTOMER),
            run: "click",
        },
        {
            content: "A product quality complaint: defect",
            trigger: `${field("category_id")} input`,
            run: "edit Defect",
        },
        {
            content: "Pick the sub-type",
            trigger: dropdownItem("category_id", "Defect"),
            run: "click",
        },
        {
            content: "What happened",
            trigger: `${field("description")} textarea`,
            run: "edit The new oven overheats and burnt a whole batch of bread.",
        },
        {
            content: "What the customer asks for",
            trigger: `${field("customer_demand")} textarea`,
            run: "edit Replace the oven and pay for the lost batch.",
        },
        ...stepUtils.saveForm(),
        {
            content: "Recorded in full",
            trigger: button("action_submit"),
            run: "click",
        },
        // 2. Judge: valid, demand reasonable.
        {
            content: "Open the judgement",
            trigger: page("judge"),
            run: "click",
        },
        {
            content: "The complaint is valid",
            trigger: `${field("is_valid")} input[data-value=valid]`,
            run: "click",
        },
        {
            content: "The demand is reasonable",
            trigger: `${field("demand_reasonable")} input[data-value=yes]`,
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Confirm the judgement",
            trigger: button("action_judge"),
            run: "click",
        },
        // 3. Assign: the routing rule sent it to the quality department.
        {
            content: "Open the assignment",
            trigger: page("investigate"),
            run: "click",
        },
        {
            content: "Routed to the quality department",
            trigger: `${field("department_id")} input:value(Quality)`,
        },
        {
            content: "Assign",
            trigger: button("action_assign"),
            run: "click",
        },
        // 4. Investigate.
        {
            content: "The department responsible",
            trigger: `${field("responsible_department_ids")} input`,
            run: "edit Quality",
        },
        {
            content: "Pick it",
            trigger: `${field("responsible_department_ids")} .o-autocomplete--dropdown-item a:contains(Quality)`,
            run: "click",
        },
        {
            content: "The root cause",
            trigger: `${field("root_cause_id")} input`,
            run: `edit ${ROOT_CAUSE}`,
        },
        {
            content: "Pick the root cause",
            trigger: dropdownItem("root_cause_id", ROOT_CAUSE),
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Investigation done",
            trigger: button("action_investigated"),
            run: "click",
        },
        // 5. Propose, and the service manager approves.
        {
            content: "Open the solution",
            trigger: page("solution"),
            run: "click",
        },
        {
            content: "The solution against the demand",
            trigger: `${field("solution")} textarea`,
            run: "edit Replace the oven free of charge and refund the burnt batch.",
        },
        ...stepUtils.saveForm(),
        {
            content: "The service manager approves it",
            trigger: button("action_approve"),
            run: "click",
        },
        // 6. Notify the customer by e-mail.
        {
            content: "Approved by the service manager",
            trigger: `${field("approved_by_id")}:contains(${OWNER})`,
        },
        {
            content: "Tell the customer",
            trigger: button("action_notify"),
            run: "click",
        },
        {
            content: "The solution went to the customer",
            trigger: ".o-mail-Message-body:contains(refund the burnt batch)",
        },
        // 7. Penalise: nobody this time.
        {
            content: "Penalties decided",
            trigger: button("action_penalties_done"),
            run: "click",
        },
        // 8. Improve: a corrective action with its owner and deadline.
        {
            content: "Open the improvements",
            trigger: page("improve"),
            run: "click",
        },
        {
            content: "Add a corrective action",
            trigger: `${field("action_ids")} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "What will be done",
            trigger: `${field("action_ids")} .o_data_row [name=name] input`,
            run: "edit Check every thermostat of the batch before delivery",
        },
        {
            content: "Who owns it",
            trigger: `${field("action_ids")} .o_data_row [name=user_id] input`,
            run: `edit ${OWNER}`,
        },
        {
            content: "Pick the owner",
            trigger: `${field("action_ids")} .o-autocomplete--dropdown-item a:contains(${OWNER})`,
            run: "click",
        },
        {
            content: "By when",
            trigger: `${field("action_ids")} .o_data_row [name=date_deadline] input`,
            run: "edit 12/31/2030",
        },
        ...stepUtils.saveForm(),
        {
            content: "The corrective action is saved",
            trigger: `${field("action_ids")} .o_data_row:contains(thermostat)`,
        },
    ],
});
