// GOV.UK Frontend's stylesheet loads its fonts and images from /assets; copy them from the
// installed package into Vite's public folder (not committed).
import { cpSync } from "node:fs";

cpSync("node_modules/govuk-frontend/dist/govuk/assets", "public/assets", { recursive: true });
