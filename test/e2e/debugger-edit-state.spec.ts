import { expect, node, screenshot, test } from "./fixtures";
import { controls, expectNodeStatus, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

test("2 · edit state as a chosen node: pause after slow_step, set count, apply as check, continue skips check", async ({ page, workspace }) => {
  void workspace;
  // Pause after slow_step, from the node's context menu.
  await node(page, "slow_step").click({ button: "right" });
  await screenshot(page, "debugger-2-context-menu");
  await page.getByRole("menu", { name: "Node slow_step" }).getByRole("menuitemcheckbox", { name: /Pause after/ }).click();
  await expect(node(page, "slow_step").locator(".sy-bp-after")).toBeVisible();
  // F9 toggles pause before on the selected node (and again, off).
  await node(page, "finish").click();
  await page.keyboard.press("F9");
  await expect(node(page, "finish").locator(".sy-bp-before")).toBeVisible();
  await page.keyboard.press("F9");
  await expect(node(page, "finish").locator(".sy-bp-before")).toHaveCount(0);

  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused after slow_step");
  await expectNodeStatus(page, "slow_step", "paused");
  const editor = runPanel.stateEditor(page);
  await expect(editor.getByLabel("State count")).toHaveValue("2");
  await expect(page.getByLabel("Apply as node")).toHaveValue("slow_step");

  await editor.getByLabel("State count").fill("100");
  await page.getByLabel("Apply as node").selectOption("check");
  await expect(editor).toContainText("The run continues as if check had produced this update.");
  await screenshot(page, "debugger-2-apply-as-check");
  await editor.getByRole("button", { name: "Apply" }).click();
  // As if check had run: the next node is check's successor, write_note.
  await expect(runPanel.banner(page)).toContainText("Paused before write_note");
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  // check never ran (no +1): write_note saw 100, finish multiplied by ten.
  await expect(editor.getByLabel("State note")).toHaveValue("count was 100");
  await expect(editor.getByLabel("State count")).toHaveValue("1000");
  await runPanel.tab(page, "Events").click();
  await expect(runPanel.events(page).locator(".sy-event.is-step .sy-event-node")).toHaveText(["seed", "slow_step", "write_note", "finish"]);
  await screenshot(page, "debugger-2-done");
});
