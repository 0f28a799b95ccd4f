/** @odoo-module **/
import {registry} from "@web/core/registry";

// A salesperson types "25.5 m2" in a quotation line's Asked cell and tabs on: the
// quantity and its unit follow, the line rounds up to 18 whole boxes, and the
// quotation is saved. Every step waits on what the previous one produced.
registry.category("web_tour.tours").add("tile_typed_quantity_tour", {
    url: "/odoo/action-sale.action_quotations_with_onboarding/new",
    steps: () => [
        {
            content: "Pick the customer",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Customer')",
            run: "click",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name=order_line] .o_field_x2many_list_row_add a:first",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=product_template_id] input",
            run: "edit Tour Tile",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Tile 600×600')",
            run: "click",
        },
        {
            content: "Type the quantity with its unit, as the customer said it",
            trigger:
                ".o_data_row.o_selected_row:has(.o_field_widget[name=tile_boxes]) .o_field_widget[name=tile_entry_text] input",
            run: "edit 25.5 m2",
        },
        {
            content: "Tab on: the unit and the quantity are read from the text",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=tile_entry_text] input",
            run: "press Tab",
        },
        {
            content: "25.5 m² asked, 18 whole boxes on the line",
            trigger:
                ".o_data_row:has(.o_data_cell[name=tile_entry_unit]:contains('m²')):has(.o_data_cell[name=tile_boxes]:contains('18'))",
        },
        {
            content: "Save the quotation",
            trigger: ".o_form_view .o_form_button_save:visible",
            run: "click",
        },
        {
            content: "Saved: the quotation has its number",
            trigger: ".o_form_view .o_form_saved, .o_breadcrumb .active:contains('S0')",
        },
    ],
});
