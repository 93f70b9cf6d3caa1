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
