import { registry } from "@web/core/registry";

// tests/test_tours.py (TestSurveyTour) opens the customer's survey link; the
// Python test then checks the technician's scorecard (V1, V2, V3, X5).
const question = (text) => `div.js_question-wrapper:contains(${text})`;
const choose = (text, level) => ({
    content: `Rate "${text}": ${level}`,
    trigger: `${question(text)} label:contains(${level})`,
    run: "click",
});

registry.category("web_tour.tours").add("aftersales_survey_answer_tour", {
    steps: () => [
        {
            content: "The satisfaction survey opens",
            trigger: "h1:contains(Service Satisfaction Survey)",
        },
        {
            content: "Start",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        choose("How friendly and polite was the technician?", "Very satisfied"),
        choose("How well did the technician solve the problem?", "Very satisfied"),
        choose("Did the technician arrive at the agreed time?", "Fair"),
        choose("Did we do what we promised, when we promised it?", "Very satisfied"),
        {
            content: "Suggestions",
            trigger: `${question("Your suggestions or complaints")} textarea`,
            run: "edit Friendly and skilled, but came an hour late.",
        },
        {
            content: "Submit",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Thanks",
            trigger: "h1:contains(Thank you)",
        },
    ],
});
