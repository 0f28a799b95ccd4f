import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("tile_order_review_confirm_tour", {
    steps: () => [
        {
            content: "Confirm the quotation priced below the floor",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']:not(.d-none):visible",
            run: "click",
        },
        {
            content: "It waits for approval, with its approver named",
            trigger: ".o_form_view .alert-warning:contains(Waiting for approval):contains(Review Manager)",
        },
        {
            content: "The reason is listed on the Review tab",
            trigger: ".o_notebook .nav-link:contains(Review)",
            run: "click",
        },
        {
            content: "Below the floor price",
            trigger: ".o_field_widget[name='tile_review_reason_ids'] .o_data_row:contains(below the floor price)",
        },
    ],
});

registry.category("web_tour.tours").add("tile_order_review_approve_tour", {
    steps: () => [
        {
            content: "The manager marks the approval activity done",
            trigger: ".o-mail-Activity:contains(Approve or reject) .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o-mail-ActivityMarkAsDone button[aria-label='Done']",
            run: "click",
        },
        {
            content: "The approval is in the order's history",
            trigger: ".o-mail-Message:contains(Approved by Review Manager)",
        },
        {
            content: "Back to the sales orders",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Sales Orders)",
            run: "click",
        },
        {
            content: "The order is a sales order now",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains(Floor Tour Customer)",
            run: "click",
        },
        {
            content: "Open its delivery",
            trigger: ".o_form_view button[name='action_view_delivery']",
            run: "click",
        },
        {
            content: "Validate the delivery",
            trigger: ".o_form_view .o_statusbar_buttons button[name='button_validate']:visible",
            run: "click",
        },
        {
            content: "Delivered",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Done)",
        },
    ],
});
