import { test as base } from "@playwright/test";
import { expect, node, screenshot } from "./fixtures";
import type { BenchServer } from "../../bench/server-processes";
import { serveEmptyWorkspace, startOfficialDevServer, type RunningServer } from "./code-servers";
import { expectNodeStatus, runPanel } from "./debugger-helpers";

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

/**
 * The renderer, served by a Switchyard on an empty workspace, attached to the official LangGraph.js
 * dev server (`@langchain/langgraph-cli dev`) running the code-defined seed of bench/server-official:
 * the debugger relies on the public LangGraph API only.
 */
const test = base.extend<{ app: RunningServer }, { deployment: BenchServer }>({
  deployment: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
    async ({}, use) => {
      const server = await startOfficialDevServer();
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 150_000 },
  ],
  app: async ({ page }, use) => {
    const server = await serveEmptyWorkspace();
    page.on("pageerror", (error) => console.error(`[page error] ${error.stack ?? error.message}`));
    await use(server);
    await server.stop();
  },
});

test("connect to the official dev server, open its graph read-only, run the seed to the pause at ask_human, answer, finish", async ({ page, app, deployment }) => {
  await page.goto(app.url);
  await page.getByRole("button", { name: "Connect to deployment…" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect to deployment" });
  await dialog.getByLabel("Deployment URL").fill(deployment.url);
  await dialog.getByRole("button", { name: "Connect" }).click();
  const assistants = dialog.getByRole("region", { name: "Assistants" });
  await expect(assistants).toContainText("Assistants (1)");
  await screenshot(page, "remote-1-connected");
  // The URL is remembered for the workspace; no key was given, none is stored.
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith("switchyard.deployment.")).map(([, value]) => value))).toEqual([deployment.url]);

  await assistants.getByRole("button", { name: /^Open graph agent/ }).click();
  await expect(page.getByRole("status", { name: "Read-only graph" })).toContainText(`Deployed graph agent at ${deployment.url}`);
  for (const id of ["__start__", "agent", "ask_human", "action", "__end__"]) await expect(node(page, id)).toBeVisible();
  await expect(page.locator(".react-flow__edge .sy-edge.is-conditional")).toHaveCount(3);
  await expect(page.getByRole("list", { name: "Deployment graphs" })).toContainText("agent");
  await screenshot(page, "remote-2-graph");

  // The seed story on the deployment: a breakpoint is interrupt_before on its runs.
  await node(page, "ask_human").click({ button: "right" });
  await page.getByRole("menuitemcheckbox", { name: /Pause before/ }).click();
  await expect(node(page, "ask_human").locator(".sy-bp-before")).toBeVisible();
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill(QUESTION);
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before ask_human", { timeout: 30_000 });
  await expectNodeStatus(page, "agent", "done");
  await expectNodeStatus(page, "ask_human", "paused");
  await screenshot(page, "remote-3-paused");

  await runPanel.answer(page).fill("san francisco");
  await page.getByRole("button", { name: "Answer and continue" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 30_000 });
  await expect(runPanel.conversation(page)).toContainText("It's sunny in San Francisco");
  for (const id of ["agent", "ask_human", "action"]) await expectNodeStatus(page, id, "done");
  await screenshot(page, "remote-4-done");

  // The thread lives on the deployment, not in Switchyard's workspace.
  const threads = (await (await fetch(`${deployment.url}/threads/search`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).json()) as { status: string; thread_id: string }[];
  expect(threads.map((thread) => thread.status)).toContain("idle");
  // Time travel reads the deployment's history: one timeline entry per checkpoint.
  const history = (await (await fetch(`${deployment.url}/threads/${threads[0].thread_id}/history`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ limit: 100 }) })).json()) as unknown[];
  expect(history.length).toBeGreaterThanOrEqual(7);
  await runPanel.tab(page, "Timeline").click();
  await expect(page.getByRole("list", { name: "Checkpoints" }).getByRole("button")).toHaveCount(history.length);
  await screenshot(page, "remote-5-timeline");

  // The dialog lists the deployment's threads; opening one opens its graph and the thread.
  await page.getByRole("button", { name: "Connect to deployment…" }).click();
  await dialog.getByRole("button", { name: "Refresh" }).click();
  const threadList = dialog.getByRole("region", { name: "Deployment threads" });
  await expect(threadList).toContainText("Threads (1)");
  await threadList.getByRole("button", { name: `Open thread ${threads[0].thread_id}` }).click();
  await expect(dialog).toHaveCount(0);
  await runPanel.tab(page, "Run").click();
  await expect(runPanel.conversation(page)).toContainText("It's sunny in San Francisco");
  const local = (await (await fetch(`${app.url}/threads/search`, { method: "POST", headers: { "Content-Type": "application/json", Origin: app.url }, body: "{}" })).json()) as unknown[];
  expect(local).toEqual([]);
});

test("an unreachable deployment says why (CORS or down) and what to do", async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole("button", { name: "Connect to deployment…" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect to deployment" });
  await dialog.getByLabel("Deployment URL").fill("http://127.0.0.1:9");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByRole("alert")).toContainText("--allow-origin");
});
