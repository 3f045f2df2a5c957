/**
 * Steps that have the customer sign in Odoo's signature widget: open the pad
 * from the field, draw a stroke on the canvas (the widget has no name to
 * write automatically, so the pad opens in draw mode), check ink reached the
 * canvas, "Adopt & Sign", and see the signature image in the field.
 *
 * @param {string} field selector of the signature field widget
 * @param {string} who whose signature, for the steps' descriptions
 */
export function signatureSteps(field, who) {
    const pad = ".modal .o_web_sign_name_and_signature canvas.o_web_sign_signature";
    return [
        {
            content: `Open the signature pad for ${who}`,
            trigger: `${field} .o_signature_empty`,
            run: "click",
        },
        {
            content: "The pad opens in draw mode",
            trigger: ".modal .o_web_sign_draw_button.active",
        },
        {
            content: `${who} signs: draw a stroke across the pad`,
            trigger: pad,
            async run(helpers) {
                await helpers.drag_and_drop(pad, {
                    position: { x: 12, y: 12 },
                    relative: true,
                });
            },
        },
        {
            content: "The stroke is on the pad",
            trigger: pad,
            run: "canvasNotEmpty",
        },
        {
            content: "Adopt & Sign",
            trigger: ".modal .modal-footer button.btn-primary:enabled:contains(Adopt)",
            run: "click",
        },
        {
            content: `The field shows ${who}'s signature`,
            trigger: `${field} img.o_signature`,
        },
    ];
}
