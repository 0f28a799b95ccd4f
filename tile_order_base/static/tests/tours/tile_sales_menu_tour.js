/** @odoo-module **/
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A salesperson logs in, opens Sales and finds the tile catalogue.
registry.category("web_tour.tours").add("tile_sales_menu_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales app",
            trigger: ".o_app[data-menu-xmlid='sale.sale_menu_root']",
            run: "click",
        },
        {
            content: "Open the Products menu",
            trigger: "button[data-menu-xmlid='sale.product_menu_catalog']",
            run: "click",
        },
        {
            content: "Open the tile catalogue",
            trigger: "[data-menu-xmlid='tile_order_base.menu_tile_product']",
            run: "click",
        },
        {
            content: "The tiles are listed with their format",
            trigger: ".o_list_view .o_data_row:contains('Tour Tile 600×600'):contains('600×600')",
        },
    ],
});
