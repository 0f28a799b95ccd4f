/** @odoo-module **/
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// Room number `row` (0-based): its name, then its size as typed ("5 x 4" or "9.5" m²).
// Each step names the row it types in: while the new row is being added the previous
// one is still the selected row, and a step must not type into it.
function addRoom(row, name, size) {
    const selected = `.modal .o_data_row:eq(${row}).o_selected_row`;
    return [
        {
            content: `Add the room ${name}`,
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: `${selected} .o_field_widget[name=name] input`,
            run: `edit ${name}`,
        },
        {
            trigger: `${selected} .o_field_widget[name=size_text] input`,
            run: `edit ${size}`,
        },
    ];
}

// A salesperson quotes a rectangular living room and a kitchen given in m², one tile
// for both, and confirms the order: 16 steps from the home screen, no arithmetic.
// Every step waits on what the previous one produced, never on time.
registry.category("web_tour.tours").add("tile_two_rooms_quotation_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='sale.sale_menu_root']",
            run: "click",
        },
        {
            content: "Start a tile quotation from the quotations list",
            trigger: ".o_control_panel button:contains('New Tile Quotation')",
            run: "click",
        },
        {
            content: "Pick the customer",
            trigger: ".modal .o_field_widget[name=partner_id] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Customer')",
            run: "click",
        },
        {
            content: "Choose the tile once for all rooms",
            trigger: ".modal .o_field_widget[name=product_id] input",
            run: "edit Tour Tile",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Tile 600×600')",
            run: "click",
        },
        ...addRoom(0, "Living room", "5 x 4"),
        ...addRoom(1, "Kitchen", "9.5"),
        {
            content: "Create the quotation",
            trigger: ".modal .modal-footer button[name=action_apply]:visible",
            run: "click",
        },
        {
            content: "15 + 8 whole boxes on the quotation: confirm it",
            trigger:
                ".o_form_view:has(.o_field_widget[name=tile_total_boxes]:contains('23')) .o_statusbar_buttons button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "The notice says what was confirmed",
            trigger: ".o_notification:contains('confirmed: 23 boxes')",
        },
    ],
});
