import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test as base } from "@playwright/test";
import { expect, node, screenshot } from "./fixtures";
import { serveCodeProject, type RunningServer } from "./code-servers";
import { controls, expectNodeStatus, runPanel } from "./debugger-helpers";

/** Each test gets `switchyard serve --config` on its own copy of test/fixtures/code-project. */
const test = base.extend<{ project: RunningServer }>({
  project: async ({ page }, use) => {
    const server = await serveCodeProject();
    page.on("pageerror", (error) => console.error(`[page error] ${error.stack ?? error.message}`));
    await use(server);
    await server.stop();
  },
});

test("a code-defined graph: banner, read-only canvas from getGraph, breakpoint, pause, continue to the end", async ({ page, project }) => {
  await page.goto(`${project.url}/#/graph/agent`);
  await expect(page.getByRole("status", { name: "Read-only graph" })).toHaveText(/Defined in code: src\/agent\.ts — edit the file; Switchyard reloads it/);
  await expect(node(page, "agent")).toBeVisible();
  await expect(node(page, "tools")).toBeVisible();
  await expect(node(page, "__start__")).toBeVisible();
  await expect(node(page, "__end__")).toBeVisible();
  // agent -> tools and agent -> END are conditional (dashed); tools -> agent is not.
  await expect(page.locator(".react-flow__edge .sy-edge.is-conditional")).toHaveCount(2);
  // Read-only: no palette, nothing to drag in, code graphs have no rename/delete in the sidebar.
  await expect(page.getByRole("button", { name: "Delete agent" })).toHaveCount(0);
  // Nothing to export: the graph is code already.
  await expect(page.getByRole("button", { name: "Export as code…" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Graph canvas" })).toHaveAttribute("data-read-only", "true");
  // Dragging a node moves nothing but the view: the nodes keep their places relative to each other.
  const gap = async () => {
    const [a, b] = [(await node(page, "agent").boundingBox())!, (await node(page, "tools").boundingBox())!];
    return { x: Math.round(b.x - a.x), y: Math.round(b.y - a.y) };
  };
  const before = await gap();
  const agentBox = (await node(page, "agent").boundingBox())!;
  await page.mouse.move(agentBox.x + 20, agentBox.y + 10);
  await page.mouse.down();
  await page.mouse.move(agentBox.x + 220, agentBox.y + 160, { steps: 5 });
  await page.mouse.up();
  expect(await gap()).toEqual(before);
  await screenshot(page, "code-graph-1-read-only");

  // Selecting a node shows it read-only with its breakpoints; F9 toggles "pause before" as on drawn graphs.
  await node(page, "agent").click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector).toContainText("Node (read-only)");
  await page.keyboard.press("F9");
  await expect(node(page, "agent").locator(".sy-bp-before")).toBeVisible();
  await expect(inspector.getByRole("checkbox", { name: "Pause before" })).toBeChecked();
  await inspector.getByText("Pause before").click();
  await expect(node(page, "agent").locator(".sy-bp-before")).toHaveCount(0);

  // A breakpoint through the same context menu as drawn graphs: interrupt_before on the real graph.
  await node(page, "tools").click({ button: "right" });
  await page.getByRole("menuitemcheckbox", { name: /Pause before/ }).click();
  await expect(node(page, "tools").locator(".sy-bp-before")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Inspector" })).toContainText("read-only");

  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("what is the weather?");
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before tools");
  await expectNodeStatus(page, "agent", "done");
  await expectNodeStatus(page, "tools", "paused");
  await screenshot(page, "code-graph-2-paused");

  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 20_000 });
  await expectNodeStatus(page, "tools", "done");
  await expect(runPanel.conversation(page)).toContainText("The weather in San Francisco");
  await screenshot(page, "code-graph-3-done");
});

test("subgraphs are drawn grouped (xray) and an edit of the file redraws the graph", async ({ page, project }) => {
  await page.goto(`${project.url}/#/graph/review`);
  await expect(page.getByRole("status", { name: "Read-only graph" })).toContainText("src/review.ts");
  const group = node(page, "greet");
  await expect(group).toBeVisible();
  await expect(group).toContainText("subgraph");
  for (const inner of ["greet:compose", "greet:punctuate"]) {
    const box = (await node(page, inner).boundingBox())!;
    const frame = (await group.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  }
  await screenshot(page, "code-graph-4-subgraph");
  // The debugger knows a subgraph's inner nodes by path (from the open graph, not a document).
  await group.locator(".sy-code-group-label").click();
  await expect(page.getByRole("complementary", { name: "Inspector" })).toContainText(/Subgraph nodes\s*compose, punctuate/);

  // The file changes: the server reloads it and says so (code-graph-reloaded); the canvas follows.
  const file = join(project.dir, "src/review.ts");
  const source = readFileSync(file, "utf8");
  writeFileSync(file, source.replace('.addEdge("remember", END)', '.addNode("farewell", () => ({}))\n  .addEdge("remember", "farewell")\n  .addEdge("farewell", END)'));
  await expect(node(page, "farewell")).toBeVisible({ timeout: 30_000 });
  await screenshot(page, "code-graph-5-reloaded");

  // A module that does not load: the banner names the file and the error; the other graphs still open.
  await page.getByRole("button", { name: "Open graph broken" }).click();
  await expect(page.getByRole("status", { name: "Read-only graph" }).getByRole("alert")).toContainText("broken.ts");
  await screenshot(page, "code-graph-6-broken");
  // Its one problem is why: Problems lists it (the open graph's load error; there is no document to validate).
  await runPanel.tab(page, "Problems").click();
  await expect(page.getByRole("list", { name: "Problems" })).toContainText("broken.ts");
  await page.getByRole("button", { name: "Open graph agent" }).click();
  await expect(node(page, "tools")).toBeVisible();
});
