import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { GraphDoc } from "../../shared/graph-doc";
import { expect, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

const tab = (page: Page, name: string) => page.getByRole("tablist", { name: "Bottom panel tabs" }).getByRole("tab", { name: new RegExp(`^${name}`) });
const testItem = (page: Page, name: string) => page.getByRole("list", { name: "Tests of this graph" }).getByRole("button", { name: new RegExp(`^${name}: `) });

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The seed's flow in the debugger: run, answer "san francisco" at the pause, run to the end. */
async function runSeedInDebugger(page: Page): Promise<void> {
  await tab(page, "Run").click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(QUESTION);
  await page.getByRole("button", { name: "Run with this message" }).click();
  await page.getByRole("textbox", { name: "Answer", exact: true }).fill("san francisco");
  await page.getByRole("button", { name: "Answer and continue" }).click();
  await expect(page.getByRole("status", { name: /^Run status/ })).toHaveText("Done", { timeout: 30_000 });
}

test("record the seed run as a test, edit a check, run it green, break the graph, run it red, open the failing run", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  await runSeedInDebugger(page);

  // Record the finished thread as a test: the proposed test opens in the editor.
  await tab(page, "Tests").click();
  await expect(testItem(page, "San Francisco")).toBeVisible();
  await page.getByRole("button", { name: "Save run as test" }).click();
  await expect(page.getByRole("textbox", { name: "Test name" })).toHaveValue("Recorded run");
  const sentences = page.getByTestId("check-sentence");
  await expect(sentences.filter({ hasText: "visits ask_human" })).toHaveCount(1);

  // Edit a check in the form: the sentence follows.
  const contains = page.getByRole("group", { name: /^Check \d+$/ }).filter({ has: page.getByTestId("check-sentence").filter({ hasText: /^the final message contains/ }) });
  await contains.getByRole("textbox", { name: /: text$/ }).fill("sunny in San Francisco");
  await expect(contains.getByTestId("check-sentence")).toHaveText("the final message contains 'sunny in San Francisco'");
  await page.getByRole("button", { name: "Save tests" }).click();
  await expect(page.getByRole("button", { name: "Save tests" })).toHaveText(/Saved/);
  const saved = await api<{ doc: { tests: { name: string; checks: { type: string; text?: string }[] }[] } }>(page, "GET", "/switchyard/tests/agent");
  const recorded = saved.doc.tests.find((item) => item.name === "Recorded run")!;
  expect(recorded.checks).toContainEqual({ type: "final-message-contains", text: "sunny in San Francisco" });

  // Run it: green.
  await page.getByRole("button", { name: "Run Recorded run" }).click();
  await expect(testItem(page, "Recorded run")).toHaveAccessibleName("Recorded run: passed", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Last result" })).toContainText("Last run: passed");
  await screenshot(page, "tests-1-green");

  // Break the graph outside the app (remove the edge action -> agent), as a colleague's edit would.
  const file = await api<{ doc: GraphDoc; hash: string }>(page, "GET", "/switchyard/graphs/agent");
  const broken = { ...file.doc, edges: file.doc.edges.filter((edge) => !(edge.source === "action" && edge.target === "agent")) };
  await api(page, "PUT", "/switchyard/graphs/agent", { doc: broken, baseHash: file.hash });
  await expect.poll(async () => (await openDoc(page)).edges.some((edge) => edge.source === "action" && edge.target === "agent"), { timeout: 15_000 }).toBe(false);

  // Run it again: red, with the failing check and what really happened.
  await page.getByRole("button", { name: "Run Recorded run" }).click();
  await expect(testItem(page, "Recorded run")).toHaveAccessibleName(/^Recorded run: (failed|could not run)$/, { timeout: 30_000 });
  const failing = page.getByLabel("Failing check");
  await expect(failing).toBeVisible();
  await expect(failing.getByTestId("failing-actual")).not.toBeEmpty();
  await screenshot(page, "tests-2-red");
  const report = await api<{ last_results: Record<string, { thread_id: string; checkpoint_id: string; checks: { passed: boolean; checkpoint_id: string | null }[] }> }>(page, "GET", "/switchyard/tests/agent");
  const result = report.last_results["Recorded run"];

  // Open the failing run: the debugger shows its thread, the timeline at the failing step.
  await page.getByRole("button", { name: "Open failing run" }).click();
  await expect(tab(page, "Timeline")).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("switchyard.thread.agent"))).toBe(result.thread_id);
  const selected = page.getByRole("list", { name: "Checkpoints" }).locator('[aria-pressed="true"]');
  await expect(selected).toHaveCount(1);
  await screenshot(page, "tests-3-failing-run-opened");
  expect(workspace.dir).toBeTruthy();
});

test("save a paused run as a test, add and delete tests, run all", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  await tab(page, "Run").click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(QUESTION);
  await page.getByRole("button", { name: "Run with this message" }).click();
  await expect(page.getByRole("textbox", { name: "Answer", exact: true })).toBeVisible({ timeout: 30_000 });

  // Paused before ask_human: the recorded test stops there, so it does not claim the run ends.
  await tab(page, "Tests").click();
  await page.getByRole("button", { name: "Save run as test" }).click();
  await expect(page.getByRole("textbox", { name: "Test name" })).toHaveValue("Recorded run");
  await expect(page.getByTestId("check-sentence").filter({ hasText: "visits agent" })).toHaveCount(1);
  await expect(page.getByTestId("check-sentence").filter({ hasText: /^ends/ })).toHaveCount(0);

  // A new test from scratch, then deleted again before saving.
  await page.getByRole("button", { name: "New test" }).click();
  await expect(page.getByRole("textbox", { name: "Test name" })).toHaveValue("New test");
  await page.getByRole("button", { name: "Add check" }).click();
  const added = page.getByRole("group", { name: "Check 3" });
  await added.getByRole("combobox", { name: "Check 3: kind" }).selectOption("max-steps");
  await expect(added.getByTestId("check-sentence")).toHaveText("at most 10 steps");
  await page.getByRole("button", { name: "Delete New test" }).click();
  await page.getByRole("alertdialog", { name: "Delete test" }).getByRole("button", { name: "Delete" }).click();
  await expect(testItem(page, "New test")).toHaveCount(0);

  // Run all saves first, then shows every test's result.
  await page.getByRole("button", { name: "Run all" }).click();
  for (const name of ["San Francisco", "Paris", "Recorded run"]) await expect(testItem(page, name)).toHaveAccessibleName(/: passed$/, { timeout: 30_000 });
  await screenshot(page, "tests-4-run-all");
  const file = await api<{ doc: { tests: { name: string }[] } }>(page, "GET", "/switchyard/tests/agent");
  expect(file.doc.tests.map((test) => test.name)).toEqual([expect.stringContaining("San Francisco"), expect.stringContaining("Paris"), "Recorded run"]);
  expect(workspace.dir).toBeTruthy();

  // A renamed test keeps its last result, after saving and after a reload too.
  await testItem(page, "Recorded run").click();
  await page.getByRole("textbox", { name: "Test name" }).fill("Paused before ask_human");
  await page.getByRole("textbox", { name: "Test name" }).press("Enter");
  await expect(testItem(page, "Paused before ask_human")).toHaveAccessibleName(/: passed$/);
  await page.getByRole("button", { name: "Save tests" }).click();
  await expect(page.getByRole("button", { name: "Save tests" })).toBeDisabled();
  await page.reload();
  await tab(page, "Tests").click();
  await expect(testItem(page, "Paused before ask_human")).toHaveAccessibleName(/: passed$/);
});

test("the Tests panel follows its file edited on disk, and asks first when it holds unsaved edits", async ({ page, workspace }) => {
  await expect(page.getByRole("region", { name: "Graph canvas" })).toBeVisible();
  await tab(page, "Tests").click();
  await expect(testItem(page, "Paris")).toBeVisible();
  const path = join(workspace.dir, "agent.tests.json");
  const onDisk = JSON.parse(readFileSync(path, "utf8"));

  // No edits here: the panel simply follows the file.
  onDisk.tests[1].name = "Paris, renamed in another editor";
  writeFileSync(path, JSON.stringify(onDisk, null, 2));
  await expect(testItem(page, "Paris, renamed in another editor")).toBeVisible();
  await expect(page.getByText("agent.tests.json changed on disk and was reloaded.")).toBeVisible();

  // An unsaved edit, then another outside change: the person chooses, and reloading drops the edit.
  await testItem(page, "San Francisco").click();
  await page.getByRole("textbox", { name: "Test name" }).fill("SF, my unsaved edit");
  await page.getByRole("textbox", { name: "Test name" }).press("Enter");
  await expect(page.getByRole("button", { name: "Save tests" })).toBeEnabled();
  onDisk.tests[1].name = "Paris again";
  writeFileSync(path, JSON.stringify(onDisk, null, 2));
  const prompt = page.getByRole("alertdialog", { name: "agent.tests.json changed on disk" });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole("button", { name: "Keep my edits" })).toBeVisible();
  await screenshot(page, "tests-5-changed-on-disk");
  await prompt.getByRole("button", { name: "Reload from disk" }).click();
  await expect(testItem(page, "Paris again")).toBeVisible();
  await expect(testItem(page, "SF, my unsaved edit")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save tests" })).toBeDisabled();
});
