import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `vite` serves the renderer for development, proxying the API to a running `switchyard serve` (SWITCHYARD_URL). */
const apiTarget = process.env.SWITCHYARD_URL ?? "http://127.0.0.1:8123";
const apiRoutes = ["/switchyard", "/threads", "/runs", "/assistants", "/info"];

export default defineConfig({
  root: here("./renderer"),
  base: "./",
  plugins: [react()],
  build: {
    outDir: here("./out/renderer"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(apiRoutes.map((route) => [route, { target: apiTarget, changeOrigin: false }])),
  },
});
