import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, type Page } from "@playwright/test";
import { startFakeProviders, type FakeProviders } from "../fixtures/fake-providers/server";
import { expect, node, screenshot } from "./fixtures";
import { apiJson, expectNodeStatus, openThreadId, runPanel } from "./debugger-helpers";
import { spawnServe } from "./serve-process";

const KEY = "sk-test-replay-e2e-0123456789";

/** Two model nodes on the local fake OpenAI server: first -> second -> END. */
function chainDoc(baseUrl: string) {
  const llm = (id: string, systemPrompt: string, y: number) => ({ id, kind: "llm", position: { x: 0, y }, config: { provider: "openai", model: "gpt-4o-mini", baseUrl, systemPrompt } });
  return {
    version: 1,
    name: "chain",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: [llm("first", "You are the first.", 0), llm("second", "You are the second.", 160)],
    edges: [
      { id: "first-second", source: "first", target: "second" },
      { id: "second-end", source: "second", target: "__end__" },
    ],
    entry: "first",
  };
}

interface Checkpoint {
  values: { messages?: Array<{ content: string }> };
  next: string[];
  checkpoint: { checkpoint_id: string };
}

let fake: FakeProviders;
const saved = { key: process.env.OPENAI_API_KEY, settings: process.env.SWITCHYARD_SETTINGS };

/** Each test: a workspace with the chain graph, its own server (with the fake provider's key in its environment), the page on it. */
const test = base.extend<{ chain: { dir: string } }>({
  chain: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), "switchyard-e2e-replay-"));
    writeFileSync(join(dir, "chain.graph.json"), JSON.stringify(chainDoc(fake.openAiBaseUrl)));
    const server = await spawnServe(["--workspace", dir, "--port", "0"]);
    page.on("pageerror", (error) => console.error(`[page error] ${error.stack ?? error.message}`));
    await page.goto(server.url);
    await use({ dir });
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

test.beforeAll(async () => {
  fake = await startFakeProviders({ apiKey: KEY });
  process.env.OPENAI_API_KEY = KEY;
  process.env.SWITCHYARD_SETTINGS = join(tmpdir(), "switchyard-e2e-replay-no-settings.json");
});

test.afterAll(async () => {
  await fake?.close();
  restore("OPENAI_API_KEY", saved.key);
  restore("SWITCHYARD_SETTINGS", saved.settings);
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function runWithMessage(page: Page, text: string): Promise<void> {
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill(text);
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 30_000 });
}

async function history(page: Page): Promise<Checkpoint[]> {
  return apiJson<Checkpoint[]>(page, "POST", `/threads/${await openThreadId(page)}/history`, { limit: 100 });
}

test("re-run from a checkpoint replaying: zero provider requests, both nodes marked replayed; the recorded calls in inspector and events", async ({ page, chain }) => {
  void chain;
  await runWithMessage(page, "hello replay");
  expect(fake.requests.filter((request) => request.api === "openai")).not.toHaveLength(0);

  // The node inspector lists the node's recorded call: request, streamed response, tokens, latency, cost.
  await node(page, "first").click();
  const calls = page.getByRole("region", { name: "Recorded calls of first" });
  const call = calls.getByRole("group", { name: "Model call of first" });
  await expect(call).toContainText("gpt-4o-mini");
  await expect(call).toContainText("12 in · 8 out tokens");
  await expect(call).toContainText("$0.000007");
  await call.locator("summary").click();
  await expect(call.getByRole("list", { name: "Request messages of first" })).toContainText("You are the first.");
  await expect(call.getByRole("list", { name: "Request messages of first" })).toContainText("hello replay");
  await expect(call.getByRole("list", { name: "Response of first" })).toContainText("You said: hello replay");
  await expect(call.getByLabel("Streamed tokens of first")).toContainText(/streamed in \d+ tokens/);
  await screenshot(page, "debugger-replay-inspector-calls");

  // Re-run from the checkpoint before first, replaying.
  const before = (await history(page)).find((checkpoint) => checkpoint.next.includes("first"))!.checkpoint.checkpoint_id;
  await runPanel.tab(page, "Timeline").click();
  const checkpoints = page.getByRole("list", { name: "Checkpoints" });
  await checkpoints.getByRole("button", { name: /^Checkpoint step 0 by / }).click();
  const detail = page.getByRole("region", { name: "Selected checkpoint" });
  const requests = fake.requests.length;
  await detail.getByRole("button", { name: "Re-run from here, replaying recorded calls" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "second", "done");
  expect(fake.requests.length).toBe(requests);
  await expect(node(page, "first").getByRole("img", { name: "Replayed from the recording" })).toBeVisible();
  await expect(node(page, "second").getByRole("img", { name: "Replayed from the recording" })).toBeVisible();
  await expect(checkpoints.getByText("branch 2")).toBeVisible();
  void before;

  await runPanel.tab(page, "Events").click();
  const events = runPanel.events(page);
  await expect(events.locator(".sy-event.is-replayed")).toHaveCount(2);
  await expect(events.locator(".sy-event.is-replayed").first()).toContainText("served from the recording");
  // A step's recorded calls sit under its state diff.
  await events.locator(".sy-event.is-update", { hasText: "second" }).last().click();
  await expect(page.getByRole("list", { name: "Recorded calls of step second" }).getByRole("group", { name: "Model call of second" })).toContainText("replayed");
  await screenshot(page, "debugger-replay-replayed");

  // Edit the second node's prompt: a replaying re-run serves first from the recording and goes live at second.
  await node(page, "second").click();
  await page.getByLabel("System prompt").fill("You are the EDITED second.");
  await runPanel.tab(page, "Timeline").click();
  await checkpoints.getByRole("button", { name: /^Checkpoint step 0 by / }).first().click();
  const beforeEdited = fake.requests.length;
  await detail.getByRole("button", { name: "Re-run from here, replaying recorded calls" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(node(page, "second").getByRole("img", { name: "First live node" })).toBeVisible();
  await expect(node(page, "first").getByRole("img", { name: "Replayed from the recording" })).toBeVisible();
  await expect(node(page, "second").getByRole("img", { name: "Replayed from the recording" })).toHaveCount(0);
  expect(fake.requests.length - beforeEdited).toBe(1);
  expect(fake.requests.at(-1)!.body.messages[0]).toEqual({ role: "system", content: "You are the EDITED second." });
  await screenshot(page, "debugger-replay-first-live");

  // Run live, from the node's context menu (the checkpoint before first on this branch): every model is called again.
  const beforeLive = fake.requests.length;
  await node(page, "first").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Re-run from here, live" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  expect(fake.requests.length - beforeLive).toBe(2);
  await expect(node(page, "first").getByRole("img", { name: "Replayed from the recording" })).toHaveCount(0);
});

test("pin a node: typed JSON is checked, the pin is drawn and listed, the next run shows the pinned output without calling the model; unpin", async ({ page, chain }) => {
  // From the command palette, on the selected node.
  await node(page, "first").click();
  await page.keyboard.press("Control+Shift+P");
  await page.getByRole("combobox", { name: "Search commands" }).fill("pin output");
  await expect(page.getByRole("dialog", { name: "Command palette" }).getByRole("option").first()).toHaveText(/Run: Pin output of the selected node/);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Pin output of first" });
  const json = dialog.getByLabel(/^Output/);
  await json.fill('{"mesages": []}');
  await expect(dialog.getByRole("alert")).toContainText('"mesages" is not a state field of this graph');
  await expect(dialog.getByRole("button", { name: "Pin output" })).toBeDisabled();
  await json.fill('{"messages": [{"type": "ai", "content": "pinned answer"}]}');
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await screenshot(page, "debugger-replay-pin-dialog");
  await dialog.getByRole("button", { name: "Pin output" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(node(page, "first").getByRole("img", { name: /^Pinned/ })).toBeVisible();
  await runPanel.tab(page, "Pins").click();
  const pins = page.getByRole("list", { name: "Pinned nodes" });
  await expect(pins.getByRole("listitem", { name: "Pin of first" })).toContainText("pinned answer");
  await expect(pins.getByRole("listitem", { name: "Pin of first" })).toContainText("typed by hand");
  const onDisk = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(chain.dir, ".switchyard", "pins.json"), "utf8")));
  expect(onDisk.chain.first.update).toEqual({ messages: [{ type: "ai", content: "pinned answer" }] });

  const requests = fake.requests.length;
  await runWithMessage(page, "pin me");
  expect(fake.requests.length - requests).toBe(1);
  expect(fake.requests.at(-1)!.body.messages.map((message: { content: string }) => message.content)).toContain("pinned answer");
  const values = (await history(page))[0]!.values;
  expect(values.messages!.map((message) => message.content)).toEqual(["pin me", "pinned answer", "You said: pinned answer"]);
  await runPanel.tab(page, "Events").click();
  await expect(runPanel.events(page).locator(".sy-event.is-pinned")).toContainText("returned its pinned output without running");
  await screenshot(page, "debugger-replay-pinned-run");

  await runPanel.tab(page, "Pins").click();
  await pins.getByRole("button", { name: "Unpin first" }).click();
  await expect(page.getByText("No pinned nodes.")).toBeVisible();
  await expect(node(page, "first").getByRole("img", { name: /^Pinned/ })).toHaveCount(0);
});

test("run one node alone on a checkpoint's state: its update and calls, the thread's history unchanged; then apply as a fork", async ({ page, chain }) => {
  void chain;
  await runWithMessage(page, "one node");
  const before = await history(page);
  const afterFirst = before.find((checkpoint) => checkpoint.next.includes("second"))!.checkpoint.checkpoint_id;

  await runPanel.tab(page, "Timeline").click();
  await page.getByRole("list", { name: "Checkpoints" }).getByRole("button", { name: "Checkpoint step 1 by first" }).click();
  await node(page, "second").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Run this node alone…" }).click();
  const dialog = page.getByRole("dialog", { name: "Run second alone" });
  await expect(dialog.getByLabel("State of checkpoint")).toHaveValue(afterFirst);
  await expect(dialog.getByLabel(/^State \(JSON/)).toHaveValue(/You said: one node/);
  const requests = fake.requests.length;
  await dialog.getByRole("button", { name: "Run second" }).click();
  const result = dialog.getByRole("region", { name: "Result of second" });
  await expect(result.getByLabel("Update")).toContainText("You said: You said: one node");
  await expect(result.getByRole("group", { name: "Model call of second" })).toContainText("gpt-4o-mini");
  await expect(result).toContainText("The thread is unchanged.");
  expect(fake.requests.length - requests).toBe(1);
  expect(await history(page)).toEqual(before);
  await screenshot(page, "debugger-replay-run-node");

  // Edited state: checked as typed, run on those values, and not appliable as a fork.
  const state = dialog.getByLabel(/^State \(JSON/);
  await state.fill("{not json");
  await expect(dialog.getByRole("alert")).toContainText("Not valid JSON");
  await state.fill('{"messages": [{"type": "human", "content": "typed state"}]}');
  await dialog.getByRole("button", { name: "Run second" }).click();
  await expect(result.getByLabel("Update")).toContainText("You said: typed state");
  await expect(result.getByRole("button", { name: "Apply as a fork" })).toBeDisabled();
  expect(await history(page)).toEqual(before);

  // The checkpoint's own state again, applied as a fork: a new branch, the original kept.
  await dialog.getByLabel("State of checkpoint").selectOption(afterFirst);
  await dialog.getByRole("button", { name: "Run second" }).click();
  await result.getByRole("button", { name: "Apply as a fork" }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await history(page)).length).toBe(before.length + 1);
  const after = await history(page);
  for (const checkpoint of before) expect(after.find((candidate) => candidate.checkpoint.checkpoint_id === checkpoint.checkpoint.checkpoint_id)?.values).toEqual(checkpoint.values);
  expect(after[0]!.values.messages!.at(-1)!.content).toBe("You said: You said: one node");

  // Pin first to what it wrote at a checkpoint (the timeline's "Pin first…"): the pin remembers where it came from.
  await page.getByRole("list", { name: "Checkpoints" }).getByRole("button", { name: "Checkpoint step 1 by first" }).click();
  await page.getByRole("region", { name: "Selected checkpoint" }).getByRole("button", { name: "Pin first to this output" }).click();
  const pinDialog = page.getByRole("dialog", { name: "Pin output of first" });
  await expect(pinDialog.getByRole("radio", { name: /Recorded output/ })).toHaveAttribute("aria-checked", "true");
  await expect(pinDialog.getByLabel("Recorded output")).toContainText("You said: one node");
  await pinDialog.getByRole("button", { name: "Pin output" }).click();
  await expect(node(page, "first").getByRole("img", { name: /^Pinned/ })).toBeVisible();
  const pins = await apiJson<{ pins: Record<string, { from?: { checkpoint_id: string }; update: unknown }> }>(page, "GET", "/switchyard/graphs/chain/pins");
  expect(pins.pins.first!.from!.checkpoint_id).toBe(afterFirst);
  expect(JSON.stringify(pins.pins.first!.update)).toContain("You said: one node");
});

test("settings show the recordings' size and limit; a bad limit is refused and changes nothing", async ({ page, chain }) => {
  await runWithMessage(page, "size");
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  const size = dialog.getByRole("status", { name: "Recorded calls size" });
  await expect(size).toContainText(/[1-9][\d.]* kB used of 50\.0 MB/);
  const limit = dialog.getByLabel("Storage limit for this workspace (MB)");
  await expect(limit).toHaveValue("50");
  await limit.fill("0");
  await dialog.getByRole("button", { name: "Save limit" }).click();
  await expect(dialog.getByRole("alert")).toContainText('"0" is not a size in MB');
  expect((await apiJson<{ limit_bytes: number }>(page, "GET", "/switchyard/recorded-calls/limit")).limit_bytes).toBe(50 * 1024 * 1024);
  await limit.fill("7");
  await dialog.getByRole("button", { name: "Save limit" }).click();
  await expect(size).toContainText("of 7.00 MB");
  expect((await apiJson<{ limit_bytes: number }>(page, "GET", "/switchyard/recorded-calls/limit")).limit_bytes).toBe(7 * 1024 * 1024);
  await screenshot(page, "debugger-replay-settings");
  void chain;
});
