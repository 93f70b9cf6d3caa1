import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test as base } from "@playwright/test";
import { expect, node, screenshot } from "./fixtures";
import { runPanel } from "./debugger-helpers";
import { agentGraph, startToolsWorkspace, type ToolsWorkspace } from "./tools-setup";

const SECRET = "wx-secret-7f3a9c1e55";
const EXTRA_SECRET = "extra-secret-0b8d2e4f";

/** A small weather API: /weather?q=CITY answers JSON for Oslo (and echoes the headers it got), 404 for anything else. */
async function startWeatherApi() {
  const hits: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://api");
    hits.push(req.headers);
    const city = url.searchParams.get("q");
    if (url.pathname !== "/weather" || city !== "Oslo") {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end(`no such city: ${city}`);
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ current: { summary: `Sunny in ${city}, 21 C`, celsius: 21 } }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const test = base.extend<{ api: Awaited<ReturnType<typeof startWeatherApi>>; workspace: ToolsWorkspace }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; the API needs none
  api: async ({}, use) => {
    const api = await startWeatherApi();
    await use(api);
    await api.close();
  },
  workspace: async ({ page }, use) => {
    const workspace = await startToolsWorkspace(page, { "weather.graph.json": agentGraph("weather", "weather", { city: "Oslo" }) }, { WEATHER_API_KEY: SECRET });
    await use(workspace);
    await workspace.stop();
  },
});

test("an http tool built in the form: secret picked by name, Try it, then a run whose chat shows the tool's result", async ({ page, api, workspace }) => {
  await node(page, "action").click();
  const inspector = page.getByLabel("Settings of action");
  await inspector.getByRole("button", { name: "+ Add tool" }).click();
  await inspector.getByRole("group", { name: "search" }).getByLabel("Name", { exact: true }).first().fill("weather");
  const card = inspector.getByRole("group", { name: "weather" });
  await card.getByLabel("Answers with").selectOption("http");
  await card.getByRole("button", { name: "+ Add argument" }).click();
  await card.getByRole("group", { name: "query" }).getByLabel("Name", { exact: true }).fill("city");
  await card.getByLabel("URL").fill(`${api.url}/weather?q={{args.city}}`);
  await card.getByLabel("Result path").fill("current.summary");
  await card.getByLabel("Time limit (ms)").fill("5000");

  // The Authorization header's secret is picked by name: the header holds only the placeholder.
  await card.getByRole("button", { name: "+ Add header" }).click();
  const picker = card.getByLabel("Insert a secret into Authorization");
  await expect(picker.locator("option", { hasText: "WEATHER_API_KEY (environment)" })).toHaveCount(1);
  await picker.selectOption("WEATHER_API_KEY");
  await expect(card.getByRole("textbox", { name: "Header Authorization" })).toHaveValue("Bearer {{secrets.WEATHER_API_KEY}}");

  // A new secret goes to Settings; the second header gets its name only.
  await card.getByRole("button", { name: "+ Add header" }).click();
  await card.getByLabel("Header name 2").fill("X-Extra");
  await card.getByLabel("Insert a secret into X-Extra").selectOption({ label: "New secret in Settings…" });
  await card.getByLabel("Secret name").fill("EXTRA_KEY");
  await card.getByLabel("Secret value").fill(EXTRA_SECRET);
  await card.getByRole("button", { name: "Save secret" }).click();
  await expect(card.getByRole("textbox", { name: "Header X-Extra" })).toHaveValue("{{secrets.EXTRA_KEY}}");
  expect(readFileSync(workspace.settingsFile, "utf8")).toContain(EXTRA_SECRET);

  // Try it: the call a run makes, its status, time and the tool message.
  const tryIt = card.getByRole("region", { name: "Try weather" });
  await tryIt.getByLabel("Sample city").fill("Oslo");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByLabel("Try result")).toContainText(/HTTP 200\s*\d+ ms/);
  await expect(tryIt.getByLabel("Tool response")).toHaveText("Sunny in Oslo, 21 C");
  expect(api.hits.at(-1)!.authorization).toBe(`Bearer ${SECRET}`);
  expect(api.hits.at(-1)!["x-extra"]).toBe(EXTRA_SECRET);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "tools-http-try-it");

  // A failure is shown as the model would read it.
  await tryIt.getByLabel("Sample city").fill("Atlantis");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByLabel("Try result")).toContainText("HTTP 404");
  await expect(tryIt.getByLabel("Tool response")).toHaveText(/^HTTP 404 from 127\.0\.0\.1:\d+: no such city: Atlantis/);

  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status", { name: /Save state: Saved/ })).toBeVisible();
  const saved = readFileSync(join(workspace.dir, "weather.graph.json"), "utf8");
  expect(saved).toContain("Bearer {{secrets.WEATHER_API_KEY}}");
  expect(saved).not.toContain(SECRET);
  expect(saved).not.toContain(EXTRA_SECRET);

  // The scripted model calls the tool; the chat shows the tool's result and the answer built on it.
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("What is the weather in Oslo?");
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done", { timeout: 20_000 });
  await expect(runPanel.conversation(page)).toContainText("The tool said: Sunny in Oslo, 21 C");
  await expect(runPanel.conversation(page).getByText("Sunny in Oslo, 21 C", { exact: true })).toBeVisible();
  await screenshot(page, "tools-http-run-chat");
});
