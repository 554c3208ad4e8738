import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "./app.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";

document.body.classList.add("govuk-frontend-supported");
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
