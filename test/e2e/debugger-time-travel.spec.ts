import { expect, screenshot, test } from "./fixtures";
import { apiJson, expectNodeStatus, openThreadId, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

interface Checkpoint {
  values: { count?: number; note?: string };
  next: string[];
  checkpoint: { checkpoint_id: string };
  parent_checkpoint: { checkpoint_id: string } | null;
}

test("4 · time travel: re-run from an earlier checkpoint and fork with an edit; both branches shown; the original unchanged", async ({ page, workspace }) => {
  void workspace;
  await runPanel.tab(page, "Run").click();
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  const threadId = await openThreadId(page);
  const original = await apiJson<Checkpoint[]>(page, "POST", `/threads/${threadId}/history`, { limit: 100 });
  const originalFinal = original[0];
  expect(originalFinal.values.count).toBe(30);

  await runPanel.tab(page, "Timeline").click();
  const checkpoints = page.getByRole("list", { name: "Checkpoints" });
  await expect(checkpoints.getByRole("button")).toHaveCount(original.length);
  const afterSlowStep = checkpoints.getByRole("button", { name: "Checkpoint step 2 by slow_step" });
  await afterSlowStep.click();
  const detail = page.getByRole("region", { name: "Selected checkpoint" });
  await expect(detail.getByLabel("State count")).toHaveValue("2");
  await screenshot(page, "debugger-4-checkpoint-selected");

  // Re-run from here: check, write_note and finish run again on a new branch.
  await detail.getByRole("button", { name: "Re-run from here, live" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "finish", "done");
  await expect(checkpoints.getByText("branch 2")).toBeVisible();

  // Edit and fork: count 50 written as slow_step at that checkpoint, then the run goes on from the fork.
  await checkpoints.getByRole("button", { name: "Checkpoint step 2 by slow_step" }).click();
  await detail.getByLabel("State count").fill("50");
  await detail.getByLabel("Apply as node").selectOption("slow_step");
  await detail.getByRole("button", { name: "Edit and fork" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(checkpoints.getByText("branch 3")).toBeVisible();
  await screenshot(page, "debugger-4-branches");

  const history = await apiJson<Checkpoint[]>(page, "POST", `/threads/${threadId}/history`, { limit: 200 });
  const finals = history.filter((state) => state.next.length === 0).map((state) => state.values.count);
  expect(finals.sort((a, b) => a! - b!)).toEqual([30, 30, 510]);
  // The original branch is unchanged: every one of its checkpoints is still there with the same values.
  for (const state of original) {
    const same = history.find((candidate) => candidate.checkpoint.checkpoint_id === state.checkpoint.checkpoint_id);
    expect(same?.values).toEqual(state.values);
  }
});
