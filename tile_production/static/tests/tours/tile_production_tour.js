/** @odoo-module **/
import {registry} from "@web/core/registry";

// The planner plans the week from the manufacturing orders.
registry.category("web_tour.tours").add("tile_production_plan_tour", {
    steps: () => [
        {
            content: "Plan every open tile run",
            trigger: ".o_list_view .o_control_panel_main_buttons button[name=action_tile_plan]:visible",
            run: "click",
        },
        {
            content: "The runs are on the lines: one press line, three runs",
            trigger: ".o_list_view .o_data_row td[name=tile_line_id]:contains('Press line 1')",
        },
    ],
});

// On the planning board the planner drags the 600×600 top-up run after the 800×800 run.
registry.category("web_tour.tours").add("tile_production_board_tour", {
    steps: () => [
        {
            content: "The top-up run is on the board",
            trigger: ".vis-item:contains('TOUR-C')",
            run: "click",
        },
        {
            content: "Drag it after the 800×800 run",
            trigger: ".vis-item.vis-selected:contains('TOUR-C')",
            run: "drag_and_drop .vis-item:contains('TOUR-B')",
        },
        {
            content: "The run stays where the planner put it, the line re-planned around it",
            trigger: ".vis-item:contains('TOUR-C'):contains('fixed')",
        },
    ],
});

// The sorter grades the kiln run into three lots and a few failed pieces.
registry.category("web_tour.tours").add("tile_production_sorter_tour", {
    steps: () => [
        {
            content: "Grade the run's output",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_tile_grade]:visible",
            run: "click",
        },
        ...[
            ["B07", "2", "70", "0"],
            ["B08", "2", "20", "2"],
            ["B07", "3", "8", "0"],
        ].flatMap(([shade, caliber, boxes, loose], index) => [
            {
                content: `Add shade group ${index + 1}`,
                trigger: ".modal .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: `Shade ${shade}`,
                trigger: `.modal .o_data_row:nth-child(${index + 1}) .o_field_widget[name=shade] input`,
                run: `edit ${shade}`,
            },
            {
                content: `Caliber ${caliber}`,
                trigger: `.modal .o_data_row:nth-child(${index + 1}) .o_field_widget[name=caliber] input`,
                run: `edit ${caliber}`,
            },
            {
                content: `${boxes} boxes`,
                trigger: `.modal .o_data_row:nth-child(${index + 1}) .o_field_widget[name=boxes] input`,
                run: `edit ${boxes}`,
            },
            {
                content: `${loose} loose pieces`,
                trigger: `.modal .o_data_row:nth-child(${index + 1}) .o_field_widget[name=loose_pieces] input`,
                run: `edit ${loose}`,
            },
        ]),
        {
            content: "The last group is standard grade",
            trigger: ".modal .o_data_row:nth-child(3) .o_field_widget[name=grade] select",
            run: "select \"standard\"",
        },
        {
            content: "Six pieces broke",
            trigger: ".modal .o_field_widget[name=failed_pieces] input",
            run: "edit 6",
        },
        {
            content: "Leave the field so the totals are counted",
            trigger: ".modal .o_field_widget[name=produced_pieces]",
            run: "click",
        },
        {
            content: "Everything is accounted for",
            trigger: ".modal .o_field_widget[name=missing_pieces].text-success",
        },
        {
            content: "Grade into lots",
            trigger: ".modal footer button[name=action_grade]",
            run: "click",
        },
        {
            content: "The run is done",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
    ],
});
