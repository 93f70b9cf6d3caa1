import { expect, test } from "./fixtures";
import { apiJson, controls, openThreadId, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "weather-agent" });

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

async function runFromTopBar(page: import("@playwright/test").Page): Promise<void> {
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const input = page.getByRole("dialog", { name: "Run input" });
  await input.getByLabel("First message").fill(QUESTION);
  await input.getByRole("button", { name: "Start run" }).click();
}

test("the seed story from the top bar's Run, no tab clicked: the question is on screen, the typed answer goes with Continue", async ({ page, workspace }) => {
  void workspace;
  await runFromTopBar(page);
  await expect(runPanel.runStatus(page)).toHaveText("Paused", { timeout: 20_000 });
  await expect(runPanel.banner(page)).toContainText("Where are you currently located?");
  await expect(runPanel.tab(page, "Run")).toHaveAttribute("aria-selected", "true");
  await expect(runPanel.answer(page)).toBeFocused();
  await page.keyboard.type("san francisco");
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 20_000 });
  await expect(runPanel.conversation(page)).toContainText("It's sunny in San Francisco");
});

test("Continue with no answer says what it means and offers to answer first; going on without one reaches ask_human with no reply", async ({ page, workspace }) => {
  void workspace;
  await runFromTopBar(page);
  await expect(runPanel.banner(page)).toContainText("Where are you currently located?", { timeout: 20_000 });
  await page.keyboard.press("F8");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("ask_human gets no answer: the agent will see no reply to AskHuman.");
  await dialog.getByRole("button", { name: "Answer first" }).click();
  await expect(dialog).toBeHidden();
  await expect(runPanel.answer(page)).toBeFocused();
  await expect(runPanel.runStatus(page)).toHaveText("Paused");

  const threadId = await openThreadId(page);
  const messageCount = async () => (await apiJson<{ values: { messages: unknown[] } }>(page, "GET", `/threads/${threadId}/state`)).values.messages.length;
  const before = await messageCount();
  await controls.continue(page).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Continue without an answer" }).click();
  // No answer: ask_human runs with nothing from the person, and the agent asks again.
  await expect.poll(messageCount, { timeout: 20_000 }).toBeGreaterThan(before);
  await expect(runPanel.runStatus(page)).toHaveText("Paused", { timeout: 20_000 });
  await expect(runPanel.banner(page)).toContainText("Paused before ask_human");
  await expect(runPanel.answer(page)).toBeFocused();
});
