import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The server answers every address of the workbench (/reviews/12/chronology) with
// index.html (api/workbench.py), so a bookmarked or reloaded address opens the page.
export default defineConfig({
  plugins: [react()],
  base: "/",
  // Vite's own bundles go to /static; /assets holds GOV.UK Frontend's fonts and images,
  // which its stylesheet expects at that absolute path.
  // GOV.UK Frontend ships its stylesheet minified already, in a form LightningCSS refuses.
  // React and the router, which change only with an upgrade, are a bundle of their own (kept
  // in the browser's cache across releases); the graph screen's is loaded when opened.
  build: {
    outDir: "dist",
    assetsDir: "static",
    emptyOutDir: true,
    cssMinify: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
  test: { environment: "jsdom", setupFiles: ["src/testing/setup.ts"] },
});
