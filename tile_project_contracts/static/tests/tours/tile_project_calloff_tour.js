/** @odoo-module **/
import {registry} from "@web/core/registry";

// The project manager opens the phase, calls it off and confirms the call-off.
registry.category("web_tour.tours").add("tile_project_pm_calls_off_tour", {
    steps: () => [
        {
            content: "The phase still needs its 1,500 m²",
            trigger: ".o_form_view .o_field_widget[name=remaining_m2]:contains('1,501.44')",
        },
        {
            content: "Call off the phase",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_call_off]",
            run: "click",
        },
        {
            content: "The call-off proposes 782 boxes at the contract price: confirm it",
            trigger:
                ".o_form_view:has(.o_field_widget[name=tile_total_boxes]:contains('782')) .o_statusbar_buttons button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "The call-off is a confirmed sales order",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=sale]",
        },
    ],
});

// Finance invoices the delivered call-off: the advance is deducted and the retention withheld.
registry.category("web_tour.tours").add("tile_project_finance_invoices_tour", {
    steps: () => [
        {
            content: "Create the invoice of the delivered call-off",
            trigger: ".o_form_view .o_statusbar_buttons button[id=create_invoice]:visible",
            run: "click",
        },
        {
            content: "A regular invoice of what was delivered",
            trigger: ".modal button[id=create_invoice_open]",
            run: "click",
        },
        {
            content: "Advance deducted and retention withheld: 142,636.80 + 13 % VAT - 14,263.68 - 7,131.84",
            trigger: ".o_form_view .o_field_widget[name=tax_totals]:contains('139,784.06')",
        },
        {
            content: "Post the invoice",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_post]:visible",
            run: "click",
        },
        {
            content: "The invoice is posted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=posted]",
        },
    ],
});

// The warehouse opens the call-off it delivers: lines and quantities, no prices.
registry.category("web_tour.tours").add("tile_project_warehouse_calloff_tour", {
    steps: () => [
        {
            content: "The call-off's tile line is there",
            trigger: ".o_form_view .o_field_widget[name=order_line] .o_data_row:contains('Floor 800×800')",
        },
        {
            content: "No price, amount or total on the warehouse's form",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name=order_line] th[data-name=price_unit]))" +
                ":not(:has(.o_field_widget[name=order_line] th[data-name=price_subtotal]))" +
                ":not(:has(.o_field_widget[name=tax_totals]))",
        },
    ],
});
