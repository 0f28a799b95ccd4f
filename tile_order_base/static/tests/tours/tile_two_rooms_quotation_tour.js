/** @odoo-module **/
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

function addRoom(name, fields) {
    const steps = [
        {
            content: `Add the room ${name}`,
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name=name] input",
            run: `edit ${name}`,
        },
    ];
    for (const [field, value] of Object.entries(fields)) {
        steps.push({
            trigger: `.modal .o_data_row.o_selected_row .o_field_widget[name=${field}] input`,
            run: `edit ${value}`,
        });
    }
    return steps;
}

function chooseTile(row, tileName) {
    return [
        {
            content: `Choose the tile of room ${row + 1}`,
            trigger: `.modal .o_data_row:eq(${row}) .o_data_cell[name=product_id]`,
            run: "click",
        },
        {
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name=product_id] input",
            run: `edit ${tileName}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item a:contains('${tileName}')`,
            run: "click",
        },
    ];
}

// A salesperson quotes two rooms with the guided entry, then confirms the order.
registry.category("web_tour.tours").add("tile_two_rooms_quotation_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='sale.sale_menu_root']",
            run: "click",
        },
        {
            trigger: "button[data-menu-xmlid='sale.sale_order_menu']",
            run: "click",
        },
        {
            content: "Start a guided tile quotation",
            trigger: "[data-menu-xmlid='tile_order_base.menu_tile_guided_quotation']",
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
            trigger: ".modal button[name=action_next]",
            run: "click",
        },
        ...addRoom("Living room", {length_m: "5", width_m: "4"}),
        ...addRoom("Kitchen", {area_input_m2: "9.5"}),
        {
            content: "Go to the tiles",
            trigger: ".modal button[name=action_next]",
            run: "click",
        },
        ...chooseTile(0, "Tour Tile 600×600"),
        ...chooseTile(1, "Tour Tile 600×600"),
        {
            content: "Review the quantities",
            trigger: ".modal button[name=action_next]",
            run: "click",
        },
        {
            content: "15 + 8 whole boxes",
            trigger: ".modal .o_field_widget[name=total_boxes]:contains('23')",
        },
        {
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=tile_total_boxes]:contains('23')",
        },
        {
            content: "Confirm the order",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "The order is confirmed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=sale]",
        },
    ],
});
