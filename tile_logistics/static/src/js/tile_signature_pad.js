/** The customer signs on the driver's phone: strokes on a canvas, kept as a PNG in the form. */
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.TileSignaturePad = publicWidget.Widget.extend({
    selector: ".o_tile_deliver_form",
    events: {
        "click .o_tile_signature_clear": "_onClear",
        submit: "_onSubmit",
    },

    start() {
        this.canvas = this.el.querySelector(".o_tile_signature_pad");
        this.input = this.el.querySelector(".o_tile_signature_value");
        this.signed = false;
        // Draw in the canvas' own pixels, whatever its width on the phone.
        this.canvas.width = this.canvas.clientWidth || 600;
        this.context = this.canvas.getContext("2d");
        this.context.lineWidth = 2.5;
        this.context.lineCap = "round";
        this._onDown = this._onDown.bind(this);
        this._onMove = this._onMove.bind(this);
        this._onUp = this._onUp.bind(this);
        this.canvas.addEventListener("pointerdown", this._onDown);
        this.canvas.addEventListener("pointermove", this._onMove);
        window.addEventListener("pointerup", this._onUp);
        return this._super(...arguments);
    },

    destroy() {
        window.removeEventListener("pointerup", this._onUp);
        this._super(...arguments);
    },

    _point(ev) {
        const rect = this.canvas.getBoundingClientRect();
        const scale = this.canvas.width / (rect.width || this.canvas.width);
        return [(ev.clientX - rect.left) * scale, (ev.clientY - rect.top) * scale];
    },

    _onDown(ev) {
        this.drawing = true;
        this.context.beginPath();
        this.context.moveTo(...this._point(ev));
    },

    _onMove(ev) {
        if (!this.drawing) {
            return;
        }
        this.context.lineTo(...this._point(ev));
        this.context.stroke();
        this.signed = true;
    },

    _onUp() {
        if (this.drawing && this.signed) {
            this.input.value = this.canvas.toDataURL("image/png");
        }
        this.drawing = false;
    },

    _onClear() {
        this.context.clearRect(0, 0, this.canvas.width, this.canvas.height);
        this.signed = false;
        this.input.value = "";
    },

    _onSubmit() {
        if (this.signed) {
            this.input.value = this.canvas.toDataURL("image/png");
        }
    },
});
