#!/usr/bin/env node
// `npm run test:desktop`: the desktop smoke test (test/e2e/desktop-shell.spec.ts) against the real
// Electron app, under Xvfb when there is no display. It installs nothing; it only looks:
//   - no Electron binary in node_modules/electron -> says it skipped and why, exit 0;
//   - no display and no xvfb-run -> says what to install (Debian's xvfb package), exit 1;
//   - otherwise builds what is stale (scripts/build.js) and runs the spec with Playwright's _electron.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { build, root } from "./build.js";
import { findElectronBinary } from "./electron-binary.js";

const SPEC = "test/e2e/desktop-shell.spec.ts";
const say = (line) => console.log(`[test:desktop] ${line}`);

function onPath(command) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

const hasDisplay = process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const electron = findElectronBinary();
if (!electron.path) {
  say(`SKIPPED: ${electron.reason}.`);
  say("The desktop smoke test needs the real Electron binary: `npx install-electron` downloads it; then run npm run test:desktop again.");
  say("What runs without it: the shell against Electron fakes (npx vitest run test/main/electron) and web mode (npm run test:e2e).");
  process.exit(0);
}
if (!hasDisplay && !onPath("xvfb-run")) {
  say(`Electron is here (${electron.path}) but there is no display (DISPLAY is not set) and no xvfb-run to make one.`);
  say("Install Debian's xvfb package (apt-get install xvfb), or run this under a desktop session.");
  process.exit(1);
}

say(`Electron: ${electron.path}`);
await build({ ifStale: true });
const playwright = [join(root, "node_modules/@playwright/test/cli.js"), "test", SPEC, "--reporter=list"];
const [command, args] = hasDisplay
  ? [process.execPath, playwright]
  : ["xvfb-run", ["--auto-servernum", "--server-args=-screen 0 1440x900x24", process.execPath, ...playwright]];
say(hasDisplay ? `using the display ${process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY ?? "of this session"}` : "no display: running under Xvfb (xvfb-run)");
// The renderer was just built (or was fresh): the e2e global setup need not build it again.
const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, SWITCHYARD_SKIP_BUILD: "1", SWITCHYARD_DESKTOP_TEST: "1" } });
process.exit(result.status ?? 1);
