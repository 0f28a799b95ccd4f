/** @odoo-module **/
import {registry} from "@web/core/registry";

// The dispatcher plans the day's load, sees an overweight one refused, and dispatches.
registry.category("web_tour.tours").add("tile_logistics_dispatch_tour", {
    steps: () => [
        {
            content: "Propose the day's loads",
            trigger: ".o_list_view .o_control_panel_main_buttons button[name=action_tile_propose_loads]:visible",
            run: "click",
        },
        {
            content: "Every available truck is offered",
            trigger: ".modal .o_field_widget[name=vehicle_ids] .o_data_row:contains('粤E 12345')",
        },
        {
            content: "Fill the trucks",
            trigger: ".modal .modal-footer button[name=action_propose]",
            run: "click",
        },
        {
            content: "One load for Guangzhou on the 25 t truck; open it",
            trigger: ".o_list_view .o_data_row td[name=tile_region]:contains('Guangzhou')",
            run: "click",
        },
        {
            content: "The load is 12,600 kg",
            trigger: ".o_form_view .o_field_widget[name=tile_weight_kg]:contains('12,600')",
        },
        {
            content: "Transfers",
            trigger: ".o_form_view .o_notebook a[name=page_transfers]",
            run: "click",
        },
        {
            content: "Put the other Guangzhou delivery on the same truck",
            trigger: ".o_form_view .o_field_widget[name=picking_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Pick it",
            trigger: ".modal .o_data_row td:contains('TOUR-HEAVY')",
            run: "click",
        },
        {
            content: "The load says by how much it is over",
            trigger: ".o_form_view .alert-danger:contains('200 kg over the payload')",
        },
        {
            content: "Try to dispatch it anyway",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_tile_dispatch]",
            run: "click",
        },
        {
            content: "Refused: 25,200 kg on a 25,000 kg truck",
            trigger: ".modal .modal-body:contains('200 kg over the payload')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Take the second delivery off the load",
            trigger: ".o_form_view .o_field_widget[name=picking_ids] .o_data_row:contains('TOUR-HEAVY') .o_list_record_remove",
            run: "click",
        },
        {
            content: "The load fits again",
            trigger: ".o_form_view:not(:has(.alert-danger:visible)) .o_field_widget[name=tile_weight_kg]:contains('12,600')",
        },
        {
            content: "Dispatch",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_tile_dispatch]",
            run: "click",
        },
        {
            content: "The truck has left",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});

// At the site the driver records two broken boxes and the customer signs on the phone.
registry.category("web_tour.tours").add("tile_logistics_driver_tour", {
    steps: () => [
        {
            content: "Deliver the Guangzhou delivery",
            trigger: ".o_tile_trip_delivery a.o_tile_deliver",
            run: "click",
        },
        {
            content: "Two boxes arrived broken",
            trigger: ".o_tile_deliver_form input[name^=broken_]",
            run: "edit 2",
        },
        {
            content: "Who signs",
            trigger: ".o_tile_deliver_form input[name=signed_by]",
            run: "edit Site manager Chen",
        },
        {
            content: "The customer signs with a finger",
            trigger: ".o_tile_deliver_form canvas.o_tile_signature_pad",
            run() {
                const canvas = this.anchor;
                const box = canvas.getBoundingClientRect();
                const at = (type, x, y, target = canvas) =>
                    target.dispatchEvent(
                        new PointerEvent(type, {clientX: box.left + x, clientY: box.top + y, bubbles: true})
                    );
                at("pointerdown", 10, 40);
                for (let x = 20; x <= 220; x += 10) {
                    at("pointermove", x, 40 + (x % 40) - 20);
                }
                at("pointerup", 220, 40, window);
            },
        },
        {
            content: "Delivered and signed",
            trigger: ".o_tile_deliver_form button.o_tile_deliver_submit",
            run: "click",
        },
        {
            content: "Back on the trip: delivered",
            trigger: ".o_tile_trip_delivery .badge:contains('Delivered')",
        },
    ],
});
