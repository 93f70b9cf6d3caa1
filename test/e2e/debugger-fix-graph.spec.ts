import type { GraphDoc } from "../../shared/graph-doc";
import { expect, node, openDoc, screenshot, test } from "./fixtures";
import { apiJson, controls, expectNodeStatus, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

test("a node error, the graph fixed (the file rewritten), Continue: the failed node runs again as fixed and the thread finishes", async ({ page, workspace }) => {
  void workspace;
  await runPanel.tab(page, "Run").click();
  await page.getByLabel("Input fail").selectOption("true");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expectNodeStatus(page, "check", "error");
  await node(page, "check").click();
  await expect(page.getByRole("region", { name: "check in this run" })).toContainText("fail is set");
  await screenshot(page, "debugger-error-inspector");

  // Fix the graph outside the app (as an editor or git would): check no longer throws.
  const doc = await openDoc(page);
  const fixed: GraphDoc = { ...doc, nodes: doc.nodes.map((item) => (item.id === "check" && item.kind === "code" ? { ...item, config: { ...item.config, source: "(state) => ({ count: state.count + 1 })" } } : item)) };
  await apiJson(page, "PUT", "/switchyard/graphs/chain", { doc: fixed });
  await expect.poll(async () => (await openDoc(page)).nodes.find((item) => item.id === "check")?.config).toMatchObject({ source: "(state) => ({ count: state.count + 1 })" });

  await controls.continue(page).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "check", "done");
  await expect(node(page, "check").getByRole("alert")).toHaveCount(0);
  await expect(runPanel.stateEditor(page).getByLabel("State count")).toHaveValue("30");
});
