#!/usr/bin/env node
// `npm start [-- ARGS]`: the desktop app when Electron's binary is here, otherwise the same app in
// web mode. Never fails silently: it always says which mode it runs in, and why.
//
//   1. Electron binary present -> build what is stale, launch Electron with ARGS (e.g. --workspace DIR).
//   2. Binary missing -> try to get it (node_modules/electron/install.js, at most
//      SWITCHYARD_ELECTRON_INSTALL_TIMEOUT_MS, default 60 s) unless ELECTRON_SKIP_BINARY_DOWNLOAD is set.
//   3. Still missing (or no display) -> web mode: `switchyard serve ARGS` on port 2024, or a free
//      port when 2024 is taken; print the URL and open it in the default browser when there is one.
//
// Environment: SWITCHYARD_NO_ELECTRON=1 forces web mode; SWITCHYARD_NO_BROWSER=1 never opens a
// browser; SWITCHYARD_START_NO_BUILD=1 skips building (the tests use these).
/* global fetch, AbortSignal -- Node globals the shared ESLint config does not list for scripts/ */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { build, root, staleTargets } from "./build.js";
import { findElectronBinary } from "./electron-binary.js";

const DEFAULT_PORT = 2024;
const INSTALL_TIMEOUT_MS = Number(process.env.SWITCHYARD_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);
const READY_TIMEOUT_MS = 60_000;
const env = process.env;
const args = process.argv.slice(2);

const say = (line) => console.log(`[start] ${line}`);

/** The Electron executable's path, or why there is none (never downloads: see electron-binary.js). */
function findElectron() {
  if (env.SWITCHYARD_NO_ELECTRON === "1") return { reason: "SWITCHYARD_NO_ELECTRON=1 is set" };
  return findElectronBinary({ env });
}

/** Runs electron's own install script (a download), bounded in time. */
function tryInstallElectron(reason) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return `${reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded`;
  const script = join(root, "node_modules/electron/install.js");
  if (!existsSync(script)) return `${reason}; node_modules/electron/install.js is missing (run npm install)`;
  say(`${reason}; trying to download it (at most ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s)...`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [script], { cwd: join(root, "node_modules/electron"), encoding: "utf8", timeout: INSTALL_TIMEOUT_MS, killSignal: "SIGKILL" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const found = findElectron();
  if (found.path) {
    say(`downloaded Electron in ${seconds} s`);
    return undefined;
  }
  if (result.error?.code === "ETIMEDOUT") return `${reason}; downloading it timed out after ${seconds} s (no internet?)`;
  // The first line that is not a stack frame says what went wrong (e.g. "getaddrinfo ENOTFOUND github.com").
  const detail = `${result.stderr ?? ""}${result.stdout ?? ""}`.split("\n").map((line) => line.trim()).find((line) => line && !line.startsWith("at "));
  return `${reason}; downloading it failed after ${seconds} s${detail ? `: ${detail}` : ""}`;
}

function hasDisplay() {
  if (process.platform !== "linux") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function buildIfNeeded(only) {
  if (env.SWITCHYARD_START_NO_BUILD === "1") return say("SWITCHYARD_START_NO_BUILD=1: not building");
  const stale = staleTargets().filter((name) => !only || name === only);
  for (const name of stale) {
    say(`building ${name} (its sources changed or it was never built)...`);
    await build({ only: name });
  }
}

function forwardSignals(child) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
}

async function startDesktop(electronPath) {
  await buildIfNeeded();
  say(`launching the desktop app (Electron ${electronPath})`);
  // ELECTRON_RUN_AS_NODE inherited from a parent tool would make Electron a plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...electronEnv } = env;
  const child = spawn(electronPath, [root, ...args], { cwd: root, stdio: "inherit", env: electronEnv });
  forwardSignals(child);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function freePort(host) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host }, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function optionValue(name) {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index === -1) return undefined;
  return args[index].includes("=") ? args[index].split("=").slice(1).join("=") : args[index + 1];
}

async function choosePort(host) {
  const asked = optionValue("--port");
  if (asked !== undefined) return { port: Number(asked), serveArgs: args };
  if (await portIsFree(DEFAULT_PORT, host)) return { port: DEFAULT_PORT, serveArgs: [...args, "--port", String(DEFAULT_PORT)] };
  const port = await freePort(host);
  say(`port ${DEFAULT_PORT} is in use by another program; using free port ${port} instead (pass --port N to choose)`);
  return { port, serveArgs: [...args, "--port", String(port)] };
}

async function waitUntilReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      // Any HTTP answer (even 401 with --token) means the server is listening.
      await fetch(new URL("/ok", url), { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return false;
}

function openBrowser(url) {
  if (env.SWITCHYARD_NO_BROWSER === "1") return "SWITCHYARD_NO_BROWSER=1: not opening a browser";
  if (!hasDisplay()) return "no display here, so no browser was opened";
  const [command, commandArgs] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const opener = spawn(command, commandArgs, { stdio: "ignore", detached: true });
    opener.on("error", () => say(`could not open a browser (${command} failed); open ${url} yourself`));
    opener.unref();
    return `opening ${url} in your default browser`;
  } catch {
    return `could not open a browser; open ${url} yourself`;
  }
}

async function startWebMode(reason) {
  say(`not starting the desktop app: ${reason}`);
  try {
    await buildIfNeeded("renderer");
  } catch (error) {
    say(`the app page could not be built (${error.message}); the API still works, the page may be missing`);
  }
  const host = optionValue("--host") ?? "127.0.0.1";
  const { port, serveArgs } = await choosePort(host);
  const child = spawn(process.execPath, [join(root, "bin/switchyard.js"), "serve", ...serveArgs], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  forwardSignals(child);
  child.on("exit", (code, signal) => {
    say(`the server stopped (${signal ?? `exit code ${code}`})`);
    process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1));
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
  if (!(await waitUntilReady(url, child))) {
    say(`the server did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
    if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = 1;
    return;
  }
  say(`Switchyard is running in web mode at ${url}`);
  say(openBrowser(url));
  say("press Ctrl+C to stop");
}

const electron = findElectron();
let reason = electron.reason;
if (reason && env.SWITCHYARD_NO_ELECTRON !== "1") reason = tryInstallElectron(reason);
const electronPath = reason ? undefined : findElectron().path;
if (electronPath && !hasDisplay()) reason = "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";

try {
  if (electronPath && !reason) await startDesktop(electronPath);
  else await startWebMode(reason);
} catch (error) {
  console.error(`[start] failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
}
