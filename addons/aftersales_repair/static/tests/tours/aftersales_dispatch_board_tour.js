import { registry } from "@web/core/registry";

// Created by tests/test_tours.py (TestServiceTours.test_dispatch_board_one_click).
const CUSTOMER = "Tour Harbour Hotel";
const TECHNICIAN = "Tour Technician Lee";
const CARD = `.o_kanban_record:contains(${CUSTOMER})`;

registry.category("web_tour.tours").add("aftersales_dispatch_board_tour", {
    url: "/odoo/action-aftersales_repair.action_dispatch_board",
    steps: () => [
        {
            content: "Unfold the column of the calls without a technician",
            trigger: ".o_kanban_group.o_column_folded:contains(None)",
            run: "click",
        },
        {
            content: "The card waiting for dispatch shows the suggested technician",
            trigger: `${CARD} [name=dispatch_suggested]:contains(${TECHNICIAN})`,
        },
        {
            // issue 15: one click from the board, through the dispatch step
            content: "Dispatch it to the suggested technician",
            trigger: `${CARD} button[name=action_dispatch_suggested]`,
            run: "click",
        },
        {
            content: "The board reloads: the card is dispatched",
            trigger: `${CARD}:contains(Dispatched)`,
        },
        {
            content: "Nothing left to dispatch on it",
            trigger: `${CARD}:not(:has(button[name=action_dispatch_suggested]))`,
        },
    ],
});
