import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// Created by tests/test_delivery_tour.py, which opens the delivery to validate.
const SERIAL = "AS-TOUR-SN-0001";
const REPORT_NAME = "aftersales_warranty.report_warranty_certificate";
const CERTIFICATE_ROW =
    `.o_list_view .o_data_row:has(.o_data_cell[name=lot_id]:contains(${SERIAL}))`;

// The "Print" of a qweb-pdf report posts to /report/download and saves the
// answer as a file (which the test browser refuses). The tour wraps the
// download to see that the request went through and answered the
// certificate's file, then puts the original back.
let originalDownload = null;
let printed = null; // promise of the download: { filename, data }

registry.category("web_tour.tours").add("aftersales_delivery_certificate_tour", {
    steps: () => [
        // 1. The delivery, ready, with the serial reserved.
        {
            content: "The delivery form is open and ready",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Ready)",
        },
        {
            content: "Its operation is the serial-tracked product",
            trigger:
                ".o_form_view .o_field_widget[name=move_ids] .o_data_row:contains(Tour Heat Pump)",
        },
        {
            content: "Validate the delivery",
            trigger: ".o_form_view .o_statusbar_buttons button[name=button_validate].btn-primary",
            run: "click",
        },
        {
            content: "The delivery is done",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Done)",
        },
        {
            content: "The chatter tells the certificate was issued",
            trigger: ".o-mail-Message-body:contains(Warranty certificates issued: WC/)",
        },
        // 2. Through the After-Sales app to the certificate.
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the After-Sales app",
            trigger: '.o_app[data-menu-xmlid="aftersales_base.menu_aftersales_root"]',
            run: "click",
        },
        {
            content: "Open the Warranties menu",
            trigger:
                ".o_main_navbar button" +
                '[data-menu-xmlid="aftersales_warranty.menu_aftersales_warranty"]',
            run: "click",
        },
        {
            content: "Open the warranty certificates",
            trigger:
                '.dropdown-item[data-menu-xmlid="aftersales_warranty.menu_warranty_certificate"]',
            run: "click",
        },
        {
            content: "The serial's certificate is listed as active",
            trigger: `${CERTIFICATE_ROW} .o_data_cell[name=state]:contains(Active)`,
        },
        {
            content: "Open the serial's certificate",
            trigger: `${CERTIFICATE_ROW} .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "The certificate shows the serial",
            // Read-only once active: the serial is shown as text.
            trigger: `.o_form_view .o_field_widget[name=lot_id]:contains(${SERIAL})`,
        },
        {
            content: "The certificate shows the delivery",
            trigger: ".o_form_view .o_field_widget[name=picking_id]:contains(WH/OUT/)",
        },
        {
            content: "The certificate is active",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Active)",
        },
        // 3. Print it.
        {
            content: "Print the certificate",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Print)",
            async run(helpers) {
                let resolvePrinted, rejectPrinted;
                printed = new Promise((resolve, reject) => {
                    resolvePrinted = resolve;
                    rejectPrinted = reject;
                });
                originalDownload = download._download;
                download._download = async (options) => {
                    try {
                        const filename = await originalDownload(options);
                        resolvePrinted({ filename, data: options.data });
                        return filename;
                    } catch (error) {
                        rejectPrinted(error);
                        throw error;
                    }
                };
                await helpers.click();
            },
        },
        {
            content: "The certificate's PDF was downloaded",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(WC)",
            // The report is rendered on the server while this step waits.
            timeout: 30000,
            async run() {
                try {
                    const { filename, data } = await printed;
                    const [url, reportType] = JSON.parse(data.data);
                    const certificateId = window.location.pathname.split("/").at(-1);
                    const expectedUrl = `/report/pdf/${REPORT_NAME}/${certificateId}`;
                    if (reportType !== "qweb-pdf" || url !== expectedUrl) {
                        throw new Error(
                            `Print asked for ${url} (${reportType}), not ${expectedUrl}.`
                        );
                    }
                    // The server names the file only when it rendered the report.
                    const number = this.anchor.textContent.trim();
                    const expectedFilename = `Warranty Certificate - ${number}.pdf`;
                    if (filename !== expectedFilename) {
                        throw new Error(`Print saved "${filename}", not "${expectedFilename}".`);
                    }
                } finally {
                    download._download = originalDownload;
                    printed = null;
                }
            },
        },
    ],
});
