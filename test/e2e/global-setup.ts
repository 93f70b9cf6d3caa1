import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/** Builds the renderer once for the whole run; every spec's server serves out/renderer. */
export default function globalSetup(): void {
  if (process.env.SWITCHYARD_SKIP_BUILD === "1") return;
  const root = resolve(import.meta.dirname, "../..");
  execFileSync(process.execPath, [resolve(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
}
