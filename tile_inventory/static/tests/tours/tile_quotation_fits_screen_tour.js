/** @odoo-module **/
import {registry} from "@web/core/registry";

// The columns a tile salesperson reads by default; everything else is an optional column.
const DEFAULT_COLUMNS = [
    "product_template_id",
    "tile_entry_qty",
    "tile_entry_unit",
    "tile_boxes",
    "tile_m2",
    "tile_lot_shade",
    "price_unit",
    "tile_price_unit_type",
    "price_subtotal",
];

// At 1440×900 a quotation's tile line fits: no sideways scroll, the subtotal on screen.
registry.category("web_tour.tours").add("tile_quotation_fits_screen_tour", {
    steps: () => [
        {
            content: "The tile line is on screen, its subtotal included",
            trigger:
                ".o_form_view .o_field_widget[name=order_line] .o_data_row:has(.o_data_cell[name=tile_boxes]:not(:empty)) .o_data_cell[name=price_subtotal]",
            run() {
                const cell = this.anchor;
                const width = document.documentElement.clientWidth;
                const rect = cell.getBoundingClientRect();
                if (window.innerWidth !== 1440) {
                    throw new Error(`the window is ${window.innerWidth} px wide, not 1440`);
                }
                if (rect.left < 0 || rect.right > width || rect.width < 40) {
                    throw new Error(`the subtotal spans ${rect.left}-${rect.right} px of a ${width} px window`);
                }
                const list = cell.closest(".o_list_renderer");
                if (list.scrollWidth > list.clientWidth + 1) {
                    throw new Error(`the lines scroll sideways: ${list.scrollWidth} px in ${list.clientWidth} px`);
                }
                for (const name of DEFAULT_COLUMNS) {
                    if (!list.querySelector(`thead th[data-name=${name}]`)) {
                        throw new Error(`the column ${name} is not shown by default`);
                    }
                }
            },
        },
    ],
});
