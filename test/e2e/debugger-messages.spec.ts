import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { controls, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "weather-agent" });

test("the state editor adds a message: a tool answer to the pending call, applied as ask_human, then Continue", async ({ page, workspace }) => {
  void workspace;
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("Use the search tool to ask the user where they are, then look up the weather there");
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before ask_human");

  const editor = runPanel.stateEditor(page);
  await expect(editor.getByLabel("New message role in messages")).toHaveValue("tool");
  await editor.getByLabel("New message in messages").fill("paris");
  await expect(page.getByLabel("Apply as node")).toHaveValue("ask_human");
  await screenshot(page, "debugger-messages-add");
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before agent");
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(runPanel.conversation(page)).toContainText("current weather in paris");
});

test("the state editor rewrites a message in place: same position, same id, the run goes on from it", async ({ page, workspace }) => {
  void workspace;
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("Use the search tool to ask the user where they are, then look up the weather there");
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before ask_human");
  const before = await threadMessages(page);

  const editor = runPanel.stateEditor(page);
  await editor.getByRole("button", { name: "Edit message 1" }).click();
  await editor.getByLabel("Message 1 text").fill("Ask where I am (rewritten in the debugger)");
  await page.getByLabel("Apply as node").selectOption("agent");
  await screenshot(page, "debugger-messages-rewrite");
  await editor.getByRole("button", { name: "Apply" }).click();
  // As agent, the AskHuman call routes to ask_human again: still paused there, one message rewritten.
  await expect(runPanel.banner(page)).toContainText("Paused before ask_human");
  await expect.poll(async () => (await threadMessages(page))[0]?.content).toBe("Ask where I am (rewritten in the debugger)");
  const after = await threadMessages(page);
  expect(after.map((message) => message.id)).toEqual(before.map((message) => message.id));
  expect(after[1]).toEqual(before[1]);

  await editor.getByLabel("New message in messages").fill("paris");
  await page.getByLabel("Apply as node").selectOption("ask_human");
  await editor.getByRole("button", { name: "Apply" }).click();
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(runPanel.conversation(page)).toContainText("Ask where I am (rewritten in the debugger)");
  await expect(runPanel.conversation(page)).toContainText("current weather in paris");
});

/** The test's one thread's messages, read from the server the way any LangGraph client would. */
async function threadMessages(page: Page): Promise<{ id: string; content: unknown }[]> {
  return page.evaluate(async () => {
    const search = await fetch("/threads/search", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ limit: 1 }) });
    const [thread] = (await search.json()) as { thread_id: string }[];
    const state = await (await fetch(`/threads/${thread.thread_id}/state`)).json();
    return state.values.messages;
  });
}
