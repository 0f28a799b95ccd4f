/** @odoo-module **/
import {registry} from "@web/core/registry";

// Row 8 of the dashboard (first late manufacturing order) starts 184 px below the top of
// the sheet: five 23 px scorecard rows, the 40 px title row and the 29 px header row.
const FIRST_LATE_ORDER_CELL = ".o-dashboard-clickable-cell[style^='top:184px; left:0px;']";

registry.category("web_tour.tours").add("tile_analytics_dashboard_tour", {
    steps: () => [
        {
            content: "The Tiles dashboard is the one open",
            trigger: ".o_spreadsheet_dashboard_action .o_search_panel_category_value.active[data-name='Tiles']",
        },
        {
            content: "Its first scorecard is drawn",
            trigger: ".o_spreadsheet_dashboard_action canvas.o-scorecard[title='m² sold this month']",
        },
        {
            content: "The late-productions list has loaded: its first cell opens the order",
            trigger: `.o_spreadsheet_dashboard_action ${FIRST_LATE_ORDER_CELL}`,
            run: "click",
        },
        {
            content: "The oldest late order opens",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('MO/TILE-DASHBOARD-TOUR')",
        },
    ],
});
