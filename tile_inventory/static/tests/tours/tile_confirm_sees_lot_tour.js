/** @odoo-module **/
import {registry} from "@web/core/registry";

// A salesperson confirms a tile order and finds its one-shade lot on the delivery.
registry.category("web_tour.tours").add("tile_confirm_sees_lot_tour", {
    steps: () => [
        {
            content: "Confirm the quotation",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]:visible",
            run: "click",
        },
        {
            content: "A notice names the order, its boxes and m², and the lot chosen",
            trigger: ".o_notification:contains('confirmed: 7 boxes, 10.08 m²; lots TOUR-LOT-1 (TOUR-SHADE)')",
        },
        {
            content: "The line now shows the shade of its lot",
            trigger: ".o_form_view .o_data_row .o_data_cell[name=tile_lot_shade]:contains('TOUR-SHADE')",
        },
        {
            content: "Open the delivery",
            trigger: ".o_form_view button[name=action_view_delivery]",
            run: "click",
        },
        {
            content: "The delivery (not the order) reserves that lot",
            trigger: ".o_form_view:has(.o_field_widget[name=picking_type_id]) .o_field_widget[name=move_ids_without_package]:contains('TOUR-LOT-1')",
        },
    ],
});
