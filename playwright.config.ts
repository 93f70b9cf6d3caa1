import { defineConfig } from "@playwright/test";

/** Web-mode end-to-end tests: the built renderer served by `switchyard serve`, in Debian's chromium. */
export default defineConfig({
  testDir: "test/e2e",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "test-results",
  globalSetup: "./test/e2e/global-setup.ts",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
