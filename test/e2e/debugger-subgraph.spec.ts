import { expect, node, screenshot, test } from "./fixtures";
import { apiJson, expectNodeStatus, openThreadId, runPanel } from "./debugger-helpers";
import { askTwiceDoc, mapperDoc, researcherDoc, teamDoc, topicResearcherDoc, writeGraphs } from "./subgraph-docs";

interface State {
  values: { notes?: string[]; findings?: string[]; report?: string; messages?: { content: string }[] };
  next: string[];
}

test("a two-level graph: pauses inside the subgraph, the answer applied as the inner human node, finishes; the inner step opens in the timeline", async ({ page, workspace }) => {
  writeGraphs(workspace, researcherDoc(), teamDoc());
  await page.goto(`${workspace.url}/#/graph/team`);
  await page.reload();
  await expect(node(page, "research")).toBeVisible();
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("a report on tides");
  await page.getByRole("button", { name: "Run with this message" }).click();

  // Paused at the researcher's breakpoint: the banner names the path, the subgraph node says where inside it waits.
  await expect(runPanel.banner(page)).toContainText("Paused before research > approve");
  await expectNodeStatus(page, "research", "paused");
  await expect(node(page, "research").getByRole("status", { name: "Paused inside: research > approve" })).toBeVisible();
  // The parallel branch ran in the same superstep as the subgraph: both edges out of plan carry number 2.
  await expectNodeStatus(page, "quick", "done");
  await expect(page.getByLabel("Taken 2", { exact: true })).toHaveCount(2);

  // The state editor shows the subgraph's state; Apply as lists the subgraph's nodes.
  const inside = page.getByLabel("Subgraph state");
  await expect(inside).toContainText("State of research");
  await expect(inside).toContainText("(researcher)");
  await expect(inside.getByRole("textbox", { name: "State scratch" })).toHaveValue("three sources");
  await expect(inside.getByRole("combobox", { name: "Apply as node" }).locator("option")).toHaveText(["approve", "look", "write"]);
  await expect(inside.getByRole("combobox", { name: "Apply as node" })).toHaveValue("approve");
  await screenshot(page, "debugger-subgraph-paused");

  // The answer goes into the subgraph's namespace as approve; Continue resumes inside, the join runs, the run ends.
  await runPanel.answer(page).fill("keep them");
  await page.getByRole("button", { name: "Answer and continue" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "writer", "done");
  // The join's two incoming edges were taken in one superstep, the resumed subgraph's branch and the one that finished before the pause.
  await expect(page.getByLabel("Taken 3", { exact: true })).toHaveCount(2);
  const threadId = await openThreadId(page);
  const done = await apiJson<State>(page, "GET", `/threads/${threadId}/state`);
  expect(done.next).toEqual([]);
  expect([...done.values.notes!].sort()).toEqual(["plan", "quick"]);
  expect(done.values.findings).toEqual(["three sources: keep them"]);

  // The timeline lists the subgraph's checkpoints under the parent step they ran from; one opens with the subgraph's state.
  await runPanel.tab(page, "Timeline").click();
  const innerList = page.getByRole("list", { name: "Checkpoints inside research" });
  await expect(innerList).toBeVisible();
  await innerList.getByRole("button", { name: /^Checkpoint inside research step 1 by look/ }).click();
  const detail = page.getByRole("region", { name: "Selected checkpoint" });
  await expect(detail).toContainText("inside research");
  await expect(detail.getByRole("textbox", { name: "State scratch" })).toHaveValue("three sources");
  await expect(detail.getByRole("combobox", { name: "Apply as node" })).toHaveValue("approve");
  await screenshot(page, "debugger-subgraph-timeline");

  // Time travel from inside: re-run from that checkpoint pauses again before approve, inside the subgraph.
  await detail.getByRole("button", { name: "Re-run from here" }).click();
  await runPanel.tab(page, "Run").click();
  await expect(runPanel.banner(page)).toContainText("Paused before research > approve");
});

test("two human nodes paused in parallel branches: both questions shown, each answered alone, the run goes on when both are", async ({ page, workspace }) => {
  writeGraphs(workspace, askTwiceDoc());
  await page.goto(`${workspace.url}/#/graph/ask_twice`);
  await page.reload();
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("plan a trip");
  await page.getByRole("button", { name: "Run with this message" }).click();

  await expect(runPanel.banner(page)).toContainText("Paused: 2 nodes wait for an answer (ask_city, ask_day)");
  const questions = page.getByLabel("Questions");
  await expect(questions).toContainText("ask_city “Which city?”");
  await expect(questions).toContainText("ask_day “Which day?”");
  await expectNodeStatus(page, "ask_city", "paused");
  await expectNodeStatus(page, "ask_day", "paused");
  await screenshot(page, "debugger-parallel-asks");

  await page.getByRole("textbox", { name: "Resume value for ask_city" }).fill("Lisbon");
  await page.getByRole("button", { name: "Resume ask_city" }).click();
  // One answered: the other still waits, alone now.
  await expect(runPanel.banner(page)).toContainText("Paused in ask_day: interrupt()");
  await expect(runPanel.banner(page)).toContainText("Which day?");
  await expectNodeStatus(page, "ask_city", "done");
  await expectNodeStatus(page, "done", "unreached");

  await page.getByRole("textbox", { name: "Resume value", exact: true }).fill("Sunday");
  await page.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expectNodeStatus(page, "done", "done");
  await expect(page.getByLabel("Taken 2", { exact: true })).toHaveCount(2);
  await expect(page.getByLabel("Taken 3", { exact: true })).toHaveCount(2);
  const threadId = await openThreadId(page);
  const state = await apiJson<State>(page, "GET", `/threads/${threadId}/state`);
  expect(state.values.messages!.map((message) => message.content)).toEqual(["plan a trip", "Lisbon", "Sunday"]);
  expect(state.values.notes).toEqual(["fork", "done"]);
});

test("a for-each over a subgraph: x2 on its edge, each task paused inside asks its own question, the run goes on when both are answered", async ({ page, workspace }) => {
  writeGraphs(workspace, topicResearcherDoc(), mapperDoc());
  await page.goto(`${workspace.url}/#/graph/mapper`);
  await page.reload();
  await runPanel.tab(page, "Run").click();
  await runPanel.message(page).fill("research two topics");
  await page.getByRole("button", { name: "Run with this message" }).click();

  await expect(runPanel.banner(page)).toContainText("Paused: 2 nodes wait for an answer (research > approve #1, research > approve #2)");
  await expect(page.getByRole("status", { name: "Fan-out ×2: 2 paused" })).toBeVisible();
  const questions = page.getByLabel("Questions");
  await expect(questions).toContainText("Keep the notes on tides?");
  await expect(questions).toContainText("Keep the notes on moon?");
  await screenshot(page, "debugger-for-each-asks");

  // The first answer goes into its task's namespace; the other task still waits, so the run does not go on.
  await page.getByRole("textbox", { name: "Answer for research > approve #1" }).fill("yes");
  await page.getByRole("button", { name: "Answer research > approve #1" }).click();
  await expect(runPanel.banner(page)).toContainText("Paused before research > approve");
  await expect(page.getByLabel("Questions")).toHaveCount(0);
  await expect(runPanel.answer(page)).toBeVisible();
  await expect(runPanel.banner(page)).toContainText("Keep the notes on moon?");

  await runPanel.answer(page).fill("sure");
  await page.getByRole("button", { name: "Answer and continue" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await expect(page.getByRole("status", { name: "Fan-out ×2: 2 done" })).toBeVisible();
  const threadId = await openThreadId(page);
  const state = await apiJson<State>(page, "GET", `/threads/${threadId}/state`);
  expect([...state.values.findings!].sort()).toEqual(["moon: sure", "tides: yes"]);
});
