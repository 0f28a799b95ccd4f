/** @odoo-module **/
import {registry} from "@web/core/registry";

// A salesperson selects three quotations in the list, confirms them in one go from
// Actions › Confirm and reads the result per order: two confirmed, one refused (cancelled).
function selectRow(customer) {
    return {
        content: `Select the quotation of ${customer}`,
        trigger: `.o_list_renderer tr.o_data_row:contains('${customer}') td.o_list_record_selector input[type='checkbox']`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("tile_order_batch_confirm_tour", {
    url: "/odoo/action-sale.action_quotations_with_onboarding",
    steps: () => [
        selectRow("Batch Tour Alpha"),
        selectRow("Batch Tour Beta"),
        selectRow("Batch Tour Gamma"),
        {
            content: "Three orders are selected",
            trigger: ".o_list_selection_box:contains('3')",
        },
        {
            content: "Open the Actions menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Choose Confirm",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Confirm')",
            run: "click",
        },
        {
            content: "The batch lists the three orders",
            trigger: ".modal .o_field_widget[name='order_ids'] .o_data_row:nth-child(3)",
        },
        {
            content: "Run the batch",
            trigger: ".modal-footer button[name='action_run']",
            run: "click",
        },
        {
            content: "The summary says what happened",
            trigger: ".modal .tile_batch_summary:contains('2 done, 1 refused')",
        },
        {
            content: "The cancelled order is refused with the reason",
            trigger: ".modal .tile_batch_results .o_data_row:contains('Refused'):contains('is cancelled')",
        },
        {
            content: "Close the summary",
            trigger: ".modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "Back on the list",
            trigger: ".o_list_view:not(:has(.modal))",
        },
    ],
});
