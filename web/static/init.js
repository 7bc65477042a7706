// Starts the GOV.UK Frontend components (error summary focus, etc.); every page works without it.
import { initAll } from "/static/govuk-frontend.min.js";
initAll();
