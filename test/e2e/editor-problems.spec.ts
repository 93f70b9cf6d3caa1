import { expect, node, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "broken" });

test("problems show on the nodes and in the list; Run is refused with a message", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "agent")).toBeVisible();
  // on the nodes: the edge to the removed node on its source, the unreachable node on itself
  await expect(node(page, "agent").getByRole("img", { name: /edge to missing node "action"/ })).toBeVisible();
  await expect(node(page, "orphan").getByRole("img", { name: /cannot be reached from START/ })).toBeVisible();
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems.getByRole("button", { name: /edge to missing node "action"/ })).toBeVisible();
  await expect(problems.getByRole("button", { name: /edge from missing node "action"/ })).toBeVisible();
  await screenshot(page, "5-problems");

  // clicking a problem selects its node
  await problems.getByRole("button", { name: /"orphan" cannot be reached/ }).click();
  await expect(node(page, "orphan")).toHaveClass(/selected/);
  await expect(page.getByRole("complementary", { name: "Inspector" })).toContainText("orphan");

  // Run is refused, saying why
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByText(/Run refused: "broken" has \d+ problems/)).toBeVisible();
  await screenshot(page, "5-run-refused");

  // fixing the graph in the editor clears them
  await node(page, "orphan").click();
  await page.keyboard.press("Delete");
  await expect(node(page, "orphan")).toHaveCount(0);
  await page.getByRole("button", { name: "Add Tools node" }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Node name").fill("action");
  await inspector.getByLabel("Node name").press("Enter");
  // the dangling edges find their node again: those problems are gone
  await expect(node(page, "action")).toBeVisible();
  await expect(problems.getByRole("button", { name: /missing node/ })).toHaveCount(0);
  await expect(node(page, "action").getByRole("img", { name: /problem/ })).toHaveCount(0);
  await expect(problems.getByRole("button", { name: /no tools node or human node provides tool "search"/ })).toBeVisible();
});
