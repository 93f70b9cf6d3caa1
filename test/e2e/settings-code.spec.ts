import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { GraphDoc } from "../../shared/graph-doc";
import { expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

const SECRET = "sk-e2e-0123456789abcdef";

// The server a spec starts inherits this process's environment: point it at a throw-away settings
// file (never the user's) and make sure no provider key comes from the environment.
let settingsDir = "";
const saved: Record<string, string | undefined> = {};
test.beforeAll(() => {
  settingsDir = mkdtempSync(join(tmpdir(), "switchyard-settings-"));
  for (const name of ["SWITCHYARD_SETTINGS", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"]) saved[name] = process.env[name];
  process.env.SWITCHYARD_SETTINGS = join(settingsDir, "settings.json");
  delete process.env.OPENAI_API_KEY;
  delete process.env.ANTHROPIC_API_KEY;
});
test.afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(settingsDir, { recursive: true, force: true });
});

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** Changes the saved graph as an outside edit would, and waits for the app to reload it. */
async function editGraphFile(page: Page, change: (doc: GraphDoc) => GraphDoc, loaded: (doc: GraphDoc) => boolean): Promise<void> {
  const file = await api<{ doc: GraphDoc; hash: string }>(page, "GET", "/switchyard/graphs/agent");
  await api(page, "PUT", "/switchyard/graphs/agent", { doc: change(file.doc), baseHash: file.hash });
  await expect.poll(async () => loaded(await openDoc(page)), { timeout: 15_000 }).toBe(true);
}

const problemBadge = (page: Page, id: string) => node(page, id).getByRole("img", { name: /problem/ });

test("set an OpenAI key in Settings: configured, never shown; the missing-key problem leaves the node", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  expect(readFileSync(workspace.file("agent"), "utf8")).not.toContain(SECRET);
  // The agent on OpenAI without a key: the preflight puts the problem on the node before any run.
  await editGraphFile(
    page,
    (doc) => ({ ...doc, nodes: doc.nodes.map((item) => (item.id === "agent" && item.kind === "llm" ? { ...item, config: { ...item.config, provider: "openai", model: "gpt-4o-mini" } } : item)) }) as GraphDoc,
    (doc) => doc.nodes.some((item) => item.kind === "llm" && item.config.provider === "openai"),
  );
  await expect(problemBadge(page, "agent")).toHaveAccessibleName(/OPENAI_API_KEY|key/i, { timeout: 15_000 });
  // Run is refused before a thread starts, pointing at PROBLEMS.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByText(/^Run refused: .*agent.*API key/).first()).toBeVisible();
  await expect(page.getByRole("tablist", { name: "Bottom panel tabs" }).getByRole("tab", { name: /^Problems/ })).toHaveAttribute("aria-selected", "true");
  expect(await api<unknown[]>(page, "POST", "/threads/search", { limit: 10 })).toEqual([]);

  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await expect(dialog.getByRole("status", { name: "OpenAI status" })).toContainText("not configured");
  const key = dialog.getByLabel("OpenAI API key");
  await expect(key).toHaveAttribute("type", "password");
  await key.fill(SECRET);
  await dialog.getByRole("button", { name: "Save settings" }).click();
  await expect(dialog.getByRole("status", { name: "OpenAI status" })).toContainText("configured in settings");
  await expect(key).toHaveValue("");
  expect(await page.content()).not.toContain(SECRET);
  await screenshot(page, "settings-1-key-configured");

  // Stored outside the workspace, readable by the user only; the API never returns it.
  const file = join(settingsDir, "settings.json");
  expect(readFileSync(file, "utf8")).toContain(SECRET);
  expect(statSync(file).mode & 0o077).toBe(0);
  expect(JSON.stringify(await api(page, "GET", "/switchyard/settings"))).not.toContain(SECRET);
  await expect(problemBadge(page, "agent")).toHaveCount(0, { timeout: 15_000 });

  // Closed with Escape, reopened with the shortcut; removing the stored key.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Control+,");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("status", { name: "OpenAI status" })).toContainText("configured in settings");
  await dialog.getByRole("button", { name: "Remove stored key" }).click();
  await dialog.getByRole("button", { name: "Save settings" }).click();
  await expect(dialog.getByRole("status", { name: "OpenAI status" })).toContainText("not configured");
  expect(readFileSync(file, "utf8")).not.toContain(SECRET);
});

test("edit a code node's function in CodeMirror and save: the file holds the code; code that does not compile shows on the node", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  await editGraphFile(
    page,
    // Between action and agent, so it is reachable (an unreachable node is a problem of its own).
    (doc) =>
      ({
        ...doc,
        nodes: [...doc.nodes, { id: "count", kind: "code", position: { x: 520, y: 40 }, config: { source: "(state) => ({})", timeoutMs: 1000, memoryMb: 64 } }],
        edges: [...doc.edges.filter((edge) => !(edge.source === "action" && edge.target === "agent")), { id: "action-count", source: "action", target: "count" }, { id: "count-agent", source: "count", target: "agent" }],
      }) as GraphDoc,
    (doc) => doc.nodes.some((item) => item.id === "count"),
  );
  await node(page, "count").click();
  const editor = page.getByRole("textbox", { name: "Function" });
  await expect(editor).toBeVisible();
  await expect(editor).toContainText("(state) => ({})");
  // Highlighted as JavaScript: the keyword gets a token of its own.
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText('(state) => {\n  const n = state.messages.length;\n  return { messages: [] , note: n };\n}');
  await expect(page.locator(".sy-code-editor .cm-line span").filter({ hasText: "const" })).toHaveCount(1);
  await screenshot(page, "code-1-codemirror");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => readFileSync(workspace.file("agent"), "utf8"), { timeout: 10_000 }).toContain("const n = state.messages.length;");

  // Code that does not compile: the server's preflight marks the node before any run.
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(" +");
  await expect(problemBadge(page, "count")).toHaveAccessibleName(/does not compile/, { timeout: 15_000 });
  await screenshot(page, "code-2-does-not-compile");
});

test("turn a mock tool into a code tool and write its function in CodeMirror", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  await node(page, "action").click();
  const tool = page.getByRole("group", { name: "search" });
  await expect(tool.getByRole("textbox", { name: "Result" })).toBeVisible();
  await tool.getByRole("combobox", { name: "Answers with" }).selectOption("code");
  // A code tool has a function instead of a canned result.
  await expect(tool.getByRole("textbox", { name: "Result" })).toHaveCount(0);
  const editor = tool.getByRole("textbox", { name: "Function" });
  await editor.click();
  await page.keyboard.insertText("(args) => `It is sunny in ${args.query}`");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect
    .poll(() => {
      const doc = JSON.parse(readFileSync(workspace.file("agent"), "utf8")) as GraphDoc;
      const action = doc.nodes.find((item) => item.id === "action");
      return action?.kind === "tools" ? action.config.tools[0] : undefined;
    }, { timeout: 10_000 })
    .toMatchObject({ name: "search", kind: "code", source: "(args) => `It is sunny in ${args.query}`" });
  await screenshot(page, "code-3-code-tool");
});
