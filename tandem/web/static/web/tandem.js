// Starts the NHS.UK frontend components (no inline script: the CSP allows 'self' only),
// and starts them again inside any part of the page htmx has just replaced.
import { initAll } from "../vendor/nhsuk-frontend/nhsuk-frontend.min.js";

initAll();

document.body.addEventListener("htmx:afterSwap", (event) => {
  initAll({ scope: event.detail.target });
});
