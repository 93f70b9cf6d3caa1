/**
 * The desktop app's entry point (built to out/electron/main.js, package.json#main). Everything
 * it does lives in shell.ts, which takes the electron module as a parameter so it can be tested
 * without the Electron binary; this file only hands it the real one.
 */
import * as electron from "electron";
import { startApiServer } from "./api-server";
import { userDataDir } from "../workspace/user-data";
import { runtimePaths } from "./paths";
import { DesktopShell } from "./shell";

const { app } = electron;

const shell = new DesktopShell({
  electron,
  startApiServer,
  paths: {
    ...runtimePaths({ appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }),
    dataDir: userDataDir(),
  },
  argv: process.argv,
  defaultApp: Boolean(process.defaultApp),
  cwd: process.cwd(),
  platform: process.platform,
  isDevelopment: !app.isPackaged,
});

if (shell.prepare()) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.quit());
  shell.start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[switchyard] could not start: ${message}`);
    electron.dialog.showErrorBox("Switchyard could not start", message);
    app.exit(1);
  });
}
