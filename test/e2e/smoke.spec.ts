import { screenshot, test, expect } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

test("opens the seed graph", async ({ page, workspace }) => {
  void workspace;
  await expect(page.locator('.react-flow__node[data-id="agent"]')).toBeVisible();
  await page.waitForTimeout(500);
  await screenshot(page, "smoke-dark");
});
