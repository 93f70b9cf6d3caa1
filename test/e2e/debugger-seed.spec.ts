import { expect, node, screenshot, test } from "./fixtures";
import { apiJson, expectNodeStatus, openThreadId, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "weather-agent" });

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

test("1 · the seed story by clicking only: pause before ask_human, answer, final answer, every checkpoint in history", async ({ page, workspace }) => {
  void workspace;
  // The default breakpoint: a red dot on ask_human's left edge.
  await expect(node(page, "ask_human").locator(".sy-bp-before")).toBeVisible();
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill(QUESTION);
  await page.getByRole("button", { name: "Run with this message" }).click();

  await expect(runPanel.banner(page)).toContainText("Paused before ask_human");
  await expect(runPanel.banner(page)).toContainText("Where are you currently located?");
  await expectNodeStatus(page, "agent", "done");
  await expectNodeStatus(page, "ask_human", "paused");
  await expectNodeStatus(page, "action", "unreached");
  await expect(page.locator(".sy-edge-taken", { hasText: "1" }).first()).toBeVisible();
  await screenshot(page, "debugger-1-paused-before-ask-human");

  await runPanel.answer(page).fill("san francisco");
  await page.getByRole("button", { name: "Answer and continue" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 20_000 });
  await expect(runPanel.conversation(page)).toContainText("Based on the search results");
  await expect(runPanel.conversation(page)).toContainText("It's sunny in San Francisco");
  for (const id of ["agent", "action", "ask_human"]) await expectNodeStatus(page, id, "done");
  // START→agent, agent→ask_human, ask_human→agent, agent→action, action→agent, agent→END: numbered in order.
  await expect(page.locator(".sy-edge-taken", { hasText: /(^|,)6$/ })).toHaveCount(1);
  await screenshot(page, "debugger-1-done");

  const events = runPanel.events(page);
  await runPanel.tab(page, "Events").click();
  await expect(events.locator(".sy-event.is-step .sy-event-node")).toHaveText(["agent", "agent", "action", "agent"]);
  await expect(events).toContainText("State updated as ask_human");
  await events.locator(".sy-event.is-step").nth(2).click();
  await expect(page.getByRole("region", { name: "State diff of action" })).toContainText("It's sunny");
  await screenshot(page, "debugger-1-step-diff");

  await runPanel.tab(page, "Timeline").click();
  const threadId = await openThreadId(page);
  const history = await apiJson<unknown[]>(page, "POST", `/threads/${threadId}/history`, { limit: 100 });
  await expect(page.getByRole("list", { name: "Checkpoints" }).getByRole("button")).toHaveCount(history.length);
  expect(history.length).toBeGreaterThanOrEqual(7);
  await screenshot(page, "debugger-1-timeline");
  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await screenshot(page, "debugger-1-done-light");
});
