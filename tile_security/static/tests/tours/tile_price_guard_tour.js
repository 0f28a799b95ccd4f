import { registry } from "@web/core/registry";

// A warehouse user opens a confirmed order (as from its delivery): quantities, no prices.
registry.category("web_tour.tours").add("tile_price_guard_warehouse_tour", {
    steps: () => [
        {
            content: "The order's lines show what to deliver",
            trigger: ".o_form_view .o_field_widget[name='order_line'] .o_data_row td[name='product_uom_qty']:contains(10)",
        },
        {
            content: "No unit price, discount or subtotal column",
            trigger: ".o_field_widget[name='order_line'] .o_list_table:not(:has(th[data-name='price_unit'])):not(:has(th[data-name='price_subtotal'])):not(:has(th[data-name='discount']))",
        },
        {
            content: "No order totals",
            trigger: ".o_form_view .o_form_sheet:not(:has(.o_field_widget[name='tax_totals']))",
        },
    ],
});

// The salesperson of the same order sees its prices (the same form, another role).
registry.category("web_tour.tours").add("tile_price_guard_seller_tour", {
    steps: () => [
        {
            content: "The unit price column is there",
            trigger: ".o_field_widget[name='order_line'] .o_list_table th[data-name='price_unit']",
        },
        {
            content: "And the totals",
            trigger: ".o_form_view .o_field_widget[name='tax_totals']:contains(350.00)",
        },
    ],
});

