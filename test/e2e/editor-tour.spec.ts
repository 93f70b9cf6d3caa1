import { expect, node, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

test("the seed graph: inspector forms, a run streamed into Events, light theme, shortcuts overlay", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "agent")).toBeVisible();
  await screenshot(page, "0-seed-dark");

  await node(page, "agent").click();
  await expect(page.getByRole("complementary", { name: "Inspector" }).getByLabel("System prompt")).toHaveValue("You are a helpful weather assistant.");
  await screenshot(page, "0-llm-inspector");
  await page.locator(".sy-edge-label", { hasText: "calls AskHuman" }).click();
  await expect(page.getByRole("region", { name: "Rules of agent" })).toBeVisible();
  await screenshot(page, "0-edge-inspector");

  // Run: the seed pauses before ask_human
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run input" }).getByRole("button", { name: "Start run" }).click();
  // The pause waits for a person: the Run tab comes forward with the answer box focused.
  await expect(page.getByLabel("Answer", { exact: true })).toBeFocused({ timeout: 20_000 });
  await page.getByRole("tab", { name: /^Events/ }).click();
  const events = page.getByRole("list", { name: "Run events" });
  await expect(events).toContainText("Paused before ask_human");
  await expect(events).toContainText("calls AskHuman");
  await expect(node(page, "ask_human").locator(".sy-node.run-paused")).toBeVisible();
  await screenshot(page, "0-run-paused");

  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await page.keyboard.press("Escape");
  await screenshot(page, "0-seed-light");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await screenshot(page, "0-help-light");
});
