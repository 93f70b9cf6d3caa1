import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { GraphDoc } from "../../shared/graph-doc";

export const ROOT = resolve(import.meta.dirname, "../..");
const READY = /serving .* at (http:\/\/\S+)/;

export interface Workspace {
  dir: string;
  url: string;
  file(name: string): string;
}

/** Which workspace a spec starts from: a folder of test/fixtures/workspaces, or the seed example. */
export type WorkspaceSource = "empty" | "weather-agent" | "broken" | "debug-chain" | "debug-interrupt";

function copyWorkspace(source: WorkspaceSource): string {
  const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-"));
  const from = source === "weather-agent" ? join(ROOT, "examples/weather-agent") : join(ROOT, "test/fixtures/workspaces", source);
  cpSync(from, dir, { recursive: true, filter: (path) => !path.endsWith(".gitkeep") && !path.includes(".switchyard") });
  return dir;
}

async function startServer(dir: string): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/switchyard.js"), "serve", "--workspace", dir, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server not ready in 30 s:\n${output}`)), 30_000);
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}) before ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Each test gets its own server on a temporary copy of its workspace, and a page opened on it. */
export const test = base.extend<{ workspaceSource: WorkspaceSource; workspace: Workspace }>({
  workspaceSource: ["empty", { option: true }],
  workspace: async ({ workspaceSource, page }, use) => {
    const dir = copyWorkspace(workspaceSource);
    const server = await startServer(dir);
    if (process.env.SWITCHYARD_E2E_CONSOLE) page.on("console", (message) => message.type() === "error" && console.error(`[console] ${message.text().slice(0, 1500)}`));
    page.on("pageerror", (error) => console.error(`[page error] ${error.stack ?? error.message}`));
    await page.goto(server.url);
    await use({ dir, url: server.url, file: (name) => join(dir, `${name}.graph.json`) });
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

const SHOTS = join(ROOT, "test-results", "screens");

/** Saves a screenshot of a main state into test-results/screens/ (looked at by a person, not diffed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The open document, read through the app's read-only test handle. */
export function openDoc(page: Page): Promise<GraphDoc> {
  return page.evaluate(() => (window as unknown as { switchyard: { doc(): GraphDoc } }).switchyard.doc());
}

export function canvas(page: Page) {
  return page.getByRole("region", { name: "Graph canvas" });
}

export function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags from one node's source handle (bottom) to another's target handle (top). */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`);
  const target = page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`);
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2 + 5, (a.y + b.y) / 2 + 5, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}
