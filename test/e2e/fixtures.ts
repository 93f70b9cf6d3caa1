import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { GraphDoc } from "../../shared/graph-doc";
import { spawnServe } from "./serve-process";

export const ROOT = resolve(import.meta.dirname, "../..");

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

function startServer(dir: string) {
  return spawnServe(["--workspace", dir, "--port", "0"]);
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
