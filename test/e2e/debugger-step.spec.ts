import { expect, node, screenshot, test } from "./fixtures";
import { apiJson, controls, expectNodeStatus, openThreadId, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

const CHAIN = ["seed", "slow_step", "check", "write_note", "finish"];

test("3 · step through five nodes with pause-at-every-node; cancel midway; a node error shown and resumed after editing the state", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "finish")).toBeVisible();
  await runPanel.tab(page, "Run").click();

  // Step: pause at every node, Step walks the chain one node at a time.
  await controls.everyNode(page).click();
  await expect(controls.everyNode(page)).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before seed");
  await expectNodeStatus(page, "seed", "paused");
  for (let i = 0; i < CHAIN.length - 1; i++) {
    await controls.step(page).click();
    await expect(runPanel.banner(page)).toContainText(`Paused before ${CHAIN[i + 1]}`);
    await expectNodeStatus(page, CHAIN[i], "done");
    await expectNodeStatus(page, CHAIN[i + 1], "paused");
    if (i === 1) await screenshot(page, "debugger-3-stepping");
  }
  await controls.step(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(runPanel.stateEditor(page).getByLabel("State count")).toHaveValue("30");
  await expect(runPanel.stateEditor(page).getByLabel("State note")).toHaveValue("count was 3");

  // Cancel midway: slow_step takes six seconds when slow is set.
  await controls.everyNode(page).click();
  await page.getByRole("button", { name: "New thread" }).click();
  await page.getByLabel("Input slow").selectOption("true");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expectNodeStatus(page, "slow_step", "running");
  await screenshot(page, "debugger-3-running");
  await controls.cancel(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Cancelled");
  await expectNodeStatus(page, "check", "unreached");
  const cancelled = await apiJson<{ status: string }>(page, "GET", `/threads/${await openThreadId(page)}`);
  expect(cancelled.status).not.toBe("busy");

  // A node error: check throws while fail is set; editing the state makes the thread resumable.
  await page.getByRole("button", { name: "New thread" }).click();
  await page.getByLabel("Input fail").selectOption("true");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expectNodeStatus(page, "check", "error");
  await expect(node(page, "check").getByRole("alert")).toHaveAttribute("title", /fail is set/);
  await expect(runPanel.errorBanner(page)).toContainText("check failed");
  await runPanel.tab(page, "Events").click();
  await expect(runPanel.events(page)).toContainText("fail is set: clear it in the state");
  await screenshot(page, "debugger-3-error");
  await runPanel.tab(page, "Run").click();
  await runPanel.stateEditor(page).getByLabel("State fail").selectOption("false");
  await page.getByLabel("Apply as node").selectOption("slow_step");
  await runPanel.stateEditor(page).getByRole("button", { name: "Apply" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before check");
  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "check", "done");
  await expect(runPanel.stateEditor(page).getByLabel("State count")).toHaveValue("30");
  await screenshot(page, "debugger-3-resumed");

  // Threads: three runs, newest first; open the first one, delete the cancelled one.
  const threads = page.getByRole("list", { name: "Threads" });
  await expect(threads.getByRole("listitem")).toHaveCount(3);
  await threads.getByRole("button", { name: /^Open thread/ }).last().click();
  await expect(runPanel.stateEditor(page).getByLabel("State note")).toHaveValue("count was 3");
  await expect(threads.getByRole("listitem").last()).toHaveClass(/is-open/);
  await threads.getByRole("button", { name: /^Delete thread/ }).nth(1).click({ force: true });
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(threads.getByRole("listitem")).toHaveCount(2);
});
