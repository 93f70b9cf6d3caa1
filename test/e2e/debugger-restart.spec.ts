import { rmSync } from "node:fs";
import { expect, screenshot, test } from "./fixtures";
import { expectNodeStatus, runPanel } from "./debugger-helpers";
import { copyExample, startOwnServer } from "./debugger-server";

test("5 · restart the server while a thread is paused; reload; the thread is still paused there and can be finished", async ({ page }) => {
  const dir = copyExample("weather-agent");
  let server = await startOwnServer(dir);
  try {
    await page.goto(server.url);
    await runPanel.tab(page, "Run").click();
    await runPanel.message(page).fill("Use the search tool to ask the user where they are, then look up the weather there");
    await page.getByRole("button", { name: "Run with this message" }).click();
    await expect(runPanel.banner(page)).toContainText("Paused before ask_human");

    await server.stop();
    server = await startOwnServer(dir, server.port);
    await page.reload();

    await expect(runPanel.banner(page)).toContainText("Paused before ask_human");
    await expect(runPanel.banner(page)).toContainText("Where are you currently located?");
    await expectNodeStatus(page, "ask_human", "paused");
    await expect(page.getByRole("list", { name: "Threads" }).getByText("paused")).toBeVisible();
    await screenshot(page, "debugger-5-after-restart");
    await runPanel.answer(page).fill("san francisco");
    await page.getByRole("button", { name: "Answer and continue" }).click();
    await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 20_000 });
    await expect(runPanel.conversation(page)).toContainText("It's sunny in San Francisco");
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
