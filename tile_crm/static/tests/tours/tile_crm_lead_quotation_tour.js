/** @odoo-module **/
import {registry} from "@web/core/registry";

// A salesperson opens the opportunity of a showroom visit, measures the bathroom in its
// Tiles tab, clicks New Quotation and finds the room on the quotation. Every step waits
// on what the previous one produced, never on time.
registry.category("web_tour.tours").add("tile_crm_lead_quotation_tour", {
    steps: () => [
        {
            content: "Open the opportunity's Tiles tab",
            trigger: ".o_form_view .o_notebook .nav-link[name=tile_rooms]",
            run: "click",
        },
        {
            content: "Add a room",
            trigger: ".o_field_widget[name=tile_room_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=tile_room_ids] .o_selected_row .o_field_widget[name=name] input",
            run: "edit Bathroom",
        },
        {
            trigger: ".o_field_widget[name=tile_room_ids] .o_selected_row .o_field_widget[name=length_m] input",
            run: "edit 3",
        },
        {
            trigger: ".o_field_widget[name=tile_room_ids] .o_selected_row .o_field_widget[name=width_m] input",
            run: "edit 2",
        },
        {
            content: "Choose the tile the customer liked",
            trigger: ".o_field_widget[name=tile_room_ids] .o_selected_row .o_field_widget[name=product_id] input",
            run: "edit CRM Tour Tile",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('CRM Tour Tile')",
            run: "click",
        },
        {
            content: "6 m² straight: 6.42 m² with 7 % wastage",
            trigger: ".o_field_widget[name=tile_room_ids] .o_data_row .o_field_widget[name=gross_area_m2]:contains('6.42')",
        },
        {
            content: "New Quotation (saves the opportunity first)",
            trigger: ".o_statusbar_buttons button[name=action_sale_quotations_new]",
            run: "click",
        },
        {
            content: "The quotation opens: its Rooms tab",
            trigger: ".o_form_view:has(.o_field_widget[name=order_line]) .o_notebook .nav-link[name=tile_rooms]",
            run: "click",
        },
        {
            content: "The room is there with its area to order",
            trigger:
                ".o_field_widget[name=tile_room_ids] .o_data_row:contains('Bathroom'):contains('6.42')",
        },
    ],
});
