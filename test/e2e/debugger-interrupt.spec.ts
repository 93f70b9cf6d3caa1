import { expect, node, screenshot, test } from "./fixtures";
import { expectNodeStatus, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-interrupt" });

test("interrupt(): the node pauses with its payload; the resume box sends Command({resume}) and the run finishes", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "ask_human").locator(".sy-bp-before")).toHaveCount(0);
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("What's the weather where I am?");
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused in ask_human: interrupt()");
  // The payload's question is the human node's template, {{last_message}}: the model's last words.
  await expect(runPanel.banner(page)).toContainText("Let me ask where you are.");
  await expectNodeStatus(page, "ask_human", "paused");
  await screenshot(page, "debugger-interrupt-paused");
  await page.getByRole("textbox", { name: "Resume value" }).fill("paris");
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(runPanel.conversation(page)).toContainText("current weather in paris");
  await expectNodeStatus(page, "ask_human", "done");
});
