import { canvas, expect, node, openDoc, screenshot, test } from "./fixtures";
import { controls, expectNodeStatus, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

// The chain: seed (count 1) -> slow_step (+1) -> check (+1) -> write_note -> finish (x10): count 30 at the end.

test("conditional breakpoint: set in the inspector (from the node's menu), the run pauses only when the rule holds", async ({ page, workspace }) => {
  void workspace;
  await expect(canvas(page)).toBeVisible();
  await node(page, "check").click({ button: "right" });
  await page.getByRole("menu", { name: "Node check" }).getByRole("menuitem", { name: "Edit breakpoint..." }).click();
  const fields = page.getByRole("group", { name: "Breakpoint of check" });
  const pauseBefore = fields.getByLabel("Pause before");
  await expect(pauseBefore).toBeFocused();
  await pauseBefore.check();
  await fields.getByLabel("Pause before only when").selectOption({ label: "A state field equals…" });
  await expect(fields.getByLabel("Rule: Field")).toHaveValue("count");
  await fields.getByLabel("Rule: Value").fill("5");
  const marker = node(page, "check").locator(".sy-bp-conditional");
  await expect(marker).toHaveAttribute("title", "Pauses before this node when count = 5");
  expect((await openDoc(page)).nodes.find((candidate) => candidate.id === "check")?.breakpoint).toEqual({ when: { type: "field-equals", field: "count", value: 5 } });

  // count is 2 when check is about to run: the rule does not hold, the run does not stop.
  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(runPanel.banner(page)).toHaveCount(0);

  // count = 2 holds: the run pauses before check with LangGraph's interrupt(), and Continue runs it.
  await fields.getByLabel("Rule: Value").fill("2");
  await expect(marker).toHaveAttribute("title", "Pauses before this node when count = 2");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before check: its breakpoint's condition holds");
  await expect(runPanel.banner(page)).toContainText("when count = 2");
  await expectNodeStatus(page, "check", "paused");
  await expectNodeStatus(page, "slow_step", "done");
  await screenshot(page, "debugger-compare-1-conditional-pause");
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "finish", "done");

  // A hit count instead of the rule: "the 2nd time" never comes in a chain, so no pause.
  await fields.getByLabel("Pause before only when").selectOption({ label: "Every time" });
  await fields.getByLabel("Only the Nth time").fill("0");
  await expect(fields.getByRole("alert")).toContainText("a whole number from 1");
  await fields.getByLabel("Only the Nth time").fill("2");
  await fields.getByLabel("Only the Nth time").press("Enter");
  await expect(marker).toHaveAttribute("title", "Pauses before this node the 2nd time it runs");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
});

test("compare two branches: fork from a checkpoint with an edited state, then Compare shows the state diff and where the runs diverged", async ({ page, workspace }) => {
  void workspace;
  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");

  await runPanel.tab(page, "Timeline").click();
  const checkpoints = page.getByRole("list", { name: "Checkpoints" });
  const detail = page.getByRole("region", { name: "Selected checkpoint" });
  await checkpoints.getByRole("button", { name: "Checkpoint step 2 by slow_step" }).click();
  await detail.getByLabel("State count").fill("50");
  await detail.getByLabel("Apply as node").selectOption("slow_step");
  await detail.getByRole("button", { name: "Edit and fork" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(checkpoints.getByText("branch 2")).toBeVisible();

  // The original branch's last checkpoint, Compare with..., then the fork's last checkpoint.
  await checkpoints.getByRole("button", { name: /by finish$/ }).click();
  await detail.getByRole("button", { name: "Compare with..." }).click();
  await expect(page.getByRole("status", { name: "Picking a checkpoint to compare with" })).toBeVisible();
  await checkpoints.getByRole("button", { name: /by finish \(branch 2\)$/ }).click();

  const dialog = page.getByRole("dialog", { name: "Compare checkpoints" });
  await expect(dialog).toBeVisible();
  const state = dialog.getByRole("region", { name: "State comparison" });
  const count = state.getByRole("row", { name: "count: changed" });
  await expect(count.getByRole("cell").nth(1)).toHaveText("30");
  await expect(count.getByRole("cell").nth(2)).toHaveText("510");
  await expect(state.getByRole("row", { name: "fail: same" })).toBeVisible();
  await expect(state.getByRole("row", { name: "note: changed" })).toBeVisible();

  const steps = dialog.getByRole("region", { name: "Steps comparison" });
  // input, seed, slow_step are the same checkpoints; then A ran check while B was edited.
  await expect(steps).toContainText("the runs diverge at step 4");
  const first = steps.getByRole("row", { name: /\(first difference\)/ });
  await expect(first).toHaveCount(1);
  await expect(first.getByRole("cell").nth(1)).toContainText("check");
  await expect(first.getByRole("cell").nth(2)).toContainText("state edit");
  await expect(first.getByRole("cell").nth(2)).toContainText("count: 50");
  await expect(steps.getByRole("row", { name: "Step 3" })).toContainText("slow_step");
  await screenshot(page, "debugger-compare-2-branches");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // Two threads of the graph from the threads list: a second run, then "Compare with..." on each thread.
  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "New thread" }).click();
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  const threads = page.getByRole("list", { name: "Threads" });
  await expect(threads.getByRole("button", { name: /^Compare with thread/ })).toHaveCount(2);
  await threads.getByRole("button", { name: /^Compare with thread/ }).nth(0).click();
  await threads.getByRole("button", { name: /^Compare with thread/ }).nth(1).click();
  await expect(dialog).toBeVisible();
  // The new thread (A) ran the chain as it is (30); the older thread's head (B) is the fork (510): same steps up to the edit.
  const threadCount = dialog.getByRole("region", { name: "State comparison" }).getByRole("row", { name: "count: changed" });
  await expect(threadCount.getByRole("cell").nth(1)).toHaveText("30");
  await expect(threadCount.getByRole("cell").nth(2)).toHaveText("510");
  await expect(dialog.getByRole("region", { name: "Steps comparison" })).toContainText("the runs diverge at step 4");
});
