// `npm start` without the Electron binary: web mode, with the reason and the URL printed, on
// the same server as `switchyard serve`. (Port 2024 may be taken; start.js then picks a free one.)
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findElectronBinary } from "../../scripts/electron-binary.js";

const root = new URL("../../", import.meta.url).pathname;
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-start-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Without requiring "electron": since Electron 42 that downloads the binary when it is missing. */
const electronBinaryPresent = (): boolean => Boolean(findElectronBinary().path);

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, "scripts/start.js"), ...args], {
    cwd: root,
    env: { ...process.env, SWITCHYARD_NO_BROWSER: "1", SWITCHYARD_START_NO_BUILD: "1", SWITCHYARD_HOME: join(dir, "home"), ...env },
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const waitFor = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          resolve(match);
        } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          clearInterval(timer);
          reject(new Error(`no ${pattern} in the output of start.js:\n${output}`));
        }
      }, 50);
      const started = Date.now();
    });
  return { child, waitFor, output: () => output };
}

describe("npm start without the Electron binary", () => {
  it("serves the bundled example in web mode, says why, prints the URL, and stops cleanly", async () => {
    const { child, waitFor, output } = start([], { SWITCHYARD_NO_ELECTRON: "1" });
    const [, url] = await waitFor(/running in web mode at (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(output()).toContain("not starting the desktop app: SWITCHYARD_NO_ELECTRON=1 is set");
    await waitFor(/SWITCHYARD_NO_BROWSER=1: not opening a browser/);
    const ok = await fetch(new URL("/ok", url));
    expect(ok.status).toBe(200);
    const assistants = await fetch(new URL("/assistants/search", url), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(((await assistants.json()) as { graph_id: string }[]).map((assistant: { graph_id: string }) => assistant.graph_id)).toContain("agent");
    if (!url.endsWith(":2024/")) expect(output()).toMatch(/port 2024 is in use by another program; using free port \d+ instead/);
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await expect(fetch(new URL("/ok", url))).rejects.toThrow();
  });

  it("passes arguments through to the server (--workspace, --port)", async () => {
    const workspace = join(dir, "ws");
    mkdirSync(workspace);
    copyFileSync(join(root, "examples/weather-agent/agent.graph.json"), join(workspace, "triage.graph.json"));
    const probe = await import("node:net").then(({ createServer }) => createServer());
    const port = await new Promise<number>((resolve) => probe.listen(0, "127.0.0.1", () => resolve((probe.address() as { port: number }).port)));
    await new Promise((resolve) => probe.close(resolve));
    const { waitFor, output } = start(["--workspace", workspace, "--port", String(port)], { SWITCHYARD_NO_ELECTRON: "1" });
    const [, url] = await waitFor(/running in web mode at (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(output()).toContain(`serving ${workspace}`);
    const assistants = await fetch(new URL("/assistants/search", url), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(((await assistants.json()) as { graph_id: string }[]).map((assistant: { graph_id: string }) => assistant.graph_id)).toEqual(["triage"]);
  });

  it("says so, and exits non-zero, when the server cannot start", async () => {
    const { child, waitFor } = start(["--workspace", join(dir, "missing")], { SWITCHYARD_NO_ELECTRON: "1" });
    await waitFor(/no such folder[\s\S]*the server stopped \(exit code 2\)/);
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
    expect(child.exitCode).toBe(2);
  });

  it.skipIf(electronBinaryPresent())("with ELECTRON_SKIP_BINARY_DOWNLOAD set, does not try to download and says why", async () => {
    const { waitFor, output } = start([], { ELECTRON_SKIP_BINARY_DOWNLOAD: "1", SWITCHYARD_NO_ELECTRON: "" });
    await waitFor(/running in web mode at http/);
    expect(output()).toMatch(/not starting the desktop app: the Electron binary is not installed .*ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded/);
    expect(output()).not.toContain("trying to download");
  });
});

describe("npm start with an Electron binary", () => {
  /** A stand-in binary: electron's index.js honours ELECTRON_OVERRIDE_DIST_PATH. */
  function fakeElectronDist(): string {
    const dist = join(dir, "electron-dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "electron"), `#!/bin/sh\necho "FAKE ELECTRON $*"\nexit 7\n`);
    chmodSync(join(dist, "electron"), 0o755);
    return dist;
  }

  it.skipIf(process.platform === "win32")("launches it on the app folder with the arguments, and exits with its exit code", async () => {
    const { child, waitFor } = start(["--workspace", "/some/ws"], { ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist(), DISPLAY: ":99" });
    const [line] = await waitFor(/FAKE ELECTRON .*/);
    expect(line).toBe(`FAKE ELECTRON ${root} --workspace /some/ws`);
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
    expect(child.exitCode).toBe(7);
  });

  it.skipIf(process.platform !== "linux")("falls back to web mode when there is no display", async () => {
    const { waitFor, output } = start([], { ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist(), DISPLAY: "", WAYLAND_DISPLAY: "" });
    await waitFor(/running in web mode at http/);
    expect(output()).toContain("not starting the desktop app: there is no display");
    expect(output()).not.toContain("FAKE ELECTRON");
  });
});
