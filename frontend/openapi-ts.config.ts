// The API client in src/client is generated from openapi.json by `make openapi`; never edit it.
import { defineConfig, type UserConfig } from "@hey-api/openapi-ts";

export const clientConfig = {
  input: "openapi.json",
  output: "src/client",
  plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
} satisfies UserConfig;

export default defineConfig(clientConfig);
