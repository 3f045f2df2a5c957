import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("aftersales_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-Sales app",
            trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]',
            run: "click",
        },
        {
            content: "Open the Warranties menu",
            trigger: '.o_main_navbar button[data-menu-xmlid="aftersales_warranty.menu_aftersales_warranty"]',
            run: "click",
        },
        {
            content: "Open the warranty policies",
            trigger: '.dropdown-item[data-menu-xmlid="aftersales_warranty.menu_warranty_policy"]',
            run: "click",
        },
        {
            content: "The policies list is shown",
            trigger: ".o_breadcrumb:contains('Warranty Policies')",
        },
    ],
});
