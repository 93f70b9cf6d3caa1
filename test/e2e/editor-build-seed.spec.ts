import { readFileSync } from "node:fs";
import { compileGraphDoc } from "../../main/engine";
import type { GraphDoc } from "../../shared/graph-doc";
import { validateGraphDoc } from "../../shared/graph-validate";
import { canvas, connect, expect, node, ROOT, screenshot, test } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ workspaceSource: "empty" });

const seed: GraphDoc = JSON.parse(readFileSync(`${ROOT}/examples/weather-agent/agent.graph.json`, "utf8"));

/** Drops a palette kind onto the canvas at an offset from the canvas centre. */
async function dropKind(page: Page, label: string, dx: number, dy: number) {
  const box = (await canvas(page).boundingBox())!;
  await page.getByRole("button", { name: `Add ${label} node` }).dragTo(canvas(page), { targetPosition: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
}

async function dragNode(page: Page, id: string, dx: number, dy: number) {
  const box = (await node(page, id).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + 12 + dy / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + 12 + dy, { steps: 5 });
  await page.mouse.up();
}

async function setRule(page: Page, rule: string, tool?: string) {
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Rule", { exact: true }).selectOption(rule);
  if (tool) await inspector.getByLabel("Tool", { exact: true }).selectOption(tool);
}

test("build the weather agent from an empty workspace, save, reload", async ({ page, workspace }) => {
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await page.getByRole("button", { name: "New graph" }).click();
  await page.getByLabel("Graph name").fill("agent");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText("An empty graph")).toBeVisible();
  await screenshot(page, "1-empty-graph");

  // Nodes: two from the palette by drag, one with the quick-add shortcut.
  await dropKind(page, "LLM", 0, -150);
  await expect(node(page, "agent")).toBeVisible();
  await dropKind(page, "Tools", -260, 60);
  await expect(node(page, "tools")).toBeVisible();
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("a");
  const quickAdd = page.getByRole("dialog", { name: "Quick add node" });
  await quickAdd.getByLabel("Search node kinds").fill("human");
  await screenshot(page, "1-quick-add");
  await page.keyboard.press("Enter");
  await expect(node(page, "ask_human")).toBeVisible();
  await dragNode(page, "ask_human", 260, 60);

  // Rename the tools node as the seed names it.
  await node(page, "tools").click();
  await inspector.getByLabel("Node name").fill("action");
  await inspector.getByLabel("Node name").press("Enter");
  await expect(node(page, "action")).toBeVisible();
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("f");
  await page.waitForTimeout(400);

  // Wiring, and the rules of the agent's three ways out.
  await connect(page, "__start__", "agent");
  await connect(page, "agent", "ask_human");
  await setRule(page, "calls-tool", "AskHuman");
  await connect(page, "agent", "action");
  await setRule(page, "has-tool-calls");
  await connect(page, "agent", "__end__");
  await setRule(page, "otherwise");
  await connect(page, "ask_human", "agent");
  await connect(page, "action", "agent");
  await expect(page.locator(".sy-edge-label", { hasText: "calls AskHuman" })).toBeVisible();
  await expect(page.locator(".sy-edge-label", { hasText: "has tool calls" })).toBeVisible();
  await expect(page.locator(".sy-edge-label", { hasText: "otherwise" })).toBeVisible();

  // The tools node: a mock search tool with one argument and a result template.
  await node(page, "action").click();
  await inspector.getByRole("button", { name: "+ Add tool" }).click();
  const search = inspector.getByRole("group", { name: "search" });
  await search.getByLabel("Description", { exact: true }).first().fill("Look up things online.");
  await search.getByRole("button", { name: "+ Add argument" }).click();
  await search.getByRole("group", { name: "query" }).getByLabel("Description").fill("What to search for");
  await search.getByLabel("Result").fill("I looked up: {{args.query}}. Result: It's sunny in San Francisco, but you better look out if you're a Gemini 😈.");

  // The human node: the seed's wording of its ask tool.
  await node(page, "ask_human").click();
  await inspector.getByLabel("Ask tool description").fill("Ask the user where they are, or any other question, and wait for the answer.");

  // The model: prompt, tools, and three scripted replies chosen by rule.
  await node(page, "agent").click();
  await inspector.getByLabel("System prompt").fill("You are a helpful weather assistant.");
  await inspector.getByRole("checkbox", { name: "search" }).check();
  await inspector.getByRole("checkbox", { name: "AskHuman" }).check();
  const reply = (n: number) => inspector.getByRole("group", { name: `Reply ${n}`, exact: true });
  await reply(1).getByLabel("When").selectOption("last-message-from");
  await reply(1).getByLabel("From").selectOption("tool");
  await reply(1).getByLabel("Which tool").selectOption("AskHuman");
  await reply(1).getByLabel("Says").fill("Thanks! Let me look up the weather there.");
  await reply(1).getByRole("button", { name: "+ Add tool call" }).click();
  await reply(1).getByLabel("Tool", { exact: true }).selectOption("search");
  await reply(1).getByRole("button", { name: "+ Add argument" }).click();
  await reply(1).getByLabel("Arguments: query").fill("current weather in {{last_message}}");
  await inspector.getByRole("button", { name: "+ Add reply" }).click();
  await reply(2).getByLabel("When").selectOption("last-message-from");
  await reply(2).getByLabel("From").selectOption("tool");
  await reply(2).getByLabel("Which tool").selectOption("search");
  await reply(2).getByLabel("Says").fill("Based on the search results: {{last_message}}");
  await inspector.getByRole("button", { name: "+ Add reply" }).click();
  await reply(3).getByLabel("Says").fill("Let me ask where you are.");
  await reply(3).getByRole("button", { name: "+ Add tool call" }).click();
  await reply(3).getByLabel("Tool", { exact: true }).selectOption("AskHuman");
  await reply(3).getByRole("button", { name: "+ Add argument" }).click();
  await reply(3).getByLabel("Arguments: question").fill("Where are you currently located?");
  await expect(page.getByText("No problems: this graph can run.")).toBeVisible();
  await screenshot(page, "1-seed-built");

  // Save with the shortcut; the file validates, compiles and says what the seed says.
  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status", { name: /Save state: Saved/ })).toBeVisible();
  const saved: GraphDoc = JSON.parse(readFileSync(workspace.file("agent"), "utf8"));
  const result = validateGraphDoc(saved);
  expect(result.problems).toEqual([]);
  expect(() => compileGraphDoc(result.doc!)).not.toThrow();
  const configOf = (doc: GraphDoc, id: string) => doc.nodes.find((n) => n.id === id)!.config;
  for (const id of ["agent", "action", "ask_human"]) expect(configOf(saved, id)).toEqual(configOf(seed, id));
  const wiring = (doc: GraphDoc) => doc.edges.map((e) => `${e.source}>${e.target}:${JSON.stringify(e.when ?? null)}`).sort();
  expect(wiring(saved)).toEqual(wiring(seed));
  expect(saved.entry).toBe("agent");
  expect(saved.nodes.find((n) => n.id === "ask_human")!.breakpoint).toEqual({ before: true });

  // Reload: the same graph comes back from disk.
  await page.reload();
  for (const id of ["agent", "action", "ask_human"]) await expect(node(page, id)).toBeVisible();
  await expect(page.locator(".sy-edge-label", { hasText: "calls AskHuman" })).toBeVisible();
  await expect(page.getByText("No problems: this graph can run.")).toBeVisible();
  await screenshot(page, "1-after-reload");
});
