import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { GraphDoc } from "../../shared/graph-doc";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { extractSubgraph } from "../../renderer/commands/subgraph/extract-subgraph";
import { chainDoc } from "../renderer/commands/subgraph/chain-doc";
import { canvas, expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "empty" });

const onDisk = (file: string): GraphDoc | null => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as GraphDoc) : null);
const nodeIds = (doc: GraphDoc | null) => (doc ? doc.nodes.map((item) => item.id).sort() : null);
const breadcrumb = (page: Page) => page.getByRole("navigation", { name: "Subgraph path" });

test("new subgraph from a selection, open it, edit inside, back, expand in place, undo", async ({ page, workspace }) => {
  // START -> prep -> a -> b -> c -> finish -> END
  writeFileSync(workspace.file("agent"), serializeGraphDoc(chainDoc()));
  await page.reload();
  await page.getByRole("button", { name: "Open graph agent" }).click();
  await expect(node(page, "c")).toBeVisible();

  // Select three nodes, then the palette's "New subgraph from selection".
  await node(page, "a").click();
  await node(page, "b").click({ modifiers: ["Control"] });
  await node(page, "c").click({ modifiers: ["Control"] });
  await page.keyboard.press("Control+Shift+P");
  await page.getByLabel("Search commands").fill("new subgraph from selection");
  await page.keyboard.press("Enter");
  const prompt = page.getByRole("dialog", { name: "New subgraph from selection" });
  // The name is checked before anything is written: an existing graph, then an id that is no node id.
  await prompt.getByLabel("Name of the new graph").fill("agent");
  await expect(prompt.getByRole("alert")).toHaveText('A graph named "agent" already exists.');
  await prompt.getByLabel("Name of the new graph").fill("2nd");
  await expect(prompt.getByRole("alert")).toContainText("Start with a letter");
  await expect(prompt.getByRole("button", { name: "Create subgraph" })).toBeDisabled();
  await prompt.getByLabel("Name of the new graph").fill("research");
  await prompt.getByRole("button", { name: "Create subgraph" }).click();

  await expect(node(page, "research")).toBeVisible();
  await expect(node(page, "a")).toHaveCount(0);
  expect(nodeIds(onDisk(workspace.file("research")))).toEqual(["a", "b", "c"]);
  await expect.poll(() => nodeIds(onDisk(workspace.file("agent")))).toEqual(["finish", "prep", "research"]);
  const parent = await openDoc(page);
  expect(parent.edges.map((edge) => `${edge.source}->${edge.target}`).sort()).toEqual(["finish->__end__", "prep->research", "research->finish"]);
  await screenshot(page, "subgraph-1-made");

  // Open it (double-click): the breadcrumb shows the path; the editor edits the child.
  await node(page, "research").dblclick();
  await expect(breadcrumb(page)).toBeVisible();
  await expect(breadcrumb(page).getByRole("listitem")).toHaveText(["agent", "research"]);
  await expect(breadcrumb(page)).toContainText("agent>research");
  await expect(node(page, "b")).toBeVisible();
  expect((await openDoc(page)).name).toBe("research");

  // Edit inside: a node added here is autosaved to research.graph.json.
  await canvas(page).click({ position: { x: 20, y: 80 } });
  await page.keyboard.press("Control+k");
  await page.getByLabel("Search node kinds").fill("code");
  await page.keyboard.press("Enter");
  await expect(node(page, "code")).toBeVisible();
  await expect.poll(() => nodeIds(onDisk(workspace.file("research")))).toEqual(["a", "b", "c", "code"]);
  await screenshot(page, "subgraph-2-opened");

  // Esc clears the selection, the next Esc goes back to the parent (its file did not change).
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(breadcrumb(page)).toHaveCount(0);
  await expect(node(page, "research")).toBeVisible();
  expect((await openDoc(page)).name).toBe("agent");
  expect(nodeIds(onDisk(workspace.file("agent")))).toEqual(["finish", "prep", "research"]);

  // Enter opens the selected subgraph node, Alt+Left comes back.
  await node(page, "research").click();
  await page.keyboard.press("Enter");
  await expect(breadcrumb(page)).toBeVisible();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(breadcrumb(page)).toHaveCount(0);

  // Expand in place: the child's nodes (with the one added inside) drawn read-only in a frame.
  await page.getByRole("button", { name: "Expand research in place" }).click();
  const frame = page.getByRole("group", { name: "Subgraph research (expanded)" });
  await expect(frame).toBeVisible();
  for (const id of ["a", "b", "c", "code"]) await expect(node(page, `research/${id}`)).toBeVisible();
  const frameBox = (await node(page, "research").boundingBox())!;
  const innerBox = (await node(page, "research/b").boundingBox())!;
  expect(innerBox.x).toBeGreaterThan(frameBox.x);
  expect(innerBox.y + innerBox.height).toBeLessThan(frameBox.y + frameBox.height);
  // The node below the frame is drawn below it, not under it.
  expect((await node(page, "finish").boundingBox())!.y).toBeGreaterThan(frameBox.y + frameBox.height);
  await screenshot(page, "subgraph-3-expanded");
  // Expanding is a view setting: the parent's file is unchanged.
  expect(nodeIds(onDisk(workspace.file("agent")))).toEqual(["finish", "prep", "research"]);

  // Undo (one step, kept across the visit inside): the three nodes are back; the new file stays, unused.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(node(page, "a")).toBeVisible();
  await expect(node(page, "research")).toHaveCount(0);
  await expect(node(page, "research/b")).toHaveCount(0);
  await expect.poll(() => nodeIds(onDisk(workspace.file("agent")))).toEqual(["a", "b", "c", "finish", "prep"]);
  expect(nodeIds(onDisk(workspace.file("research")))).toEqual(["a", "b", "c", "code"]);
  await screenshot(page, "subgraph-4-undone");
});

test("the palette's Subgraph asks which graph it runs; an edge's context menu makes a join and a for-each", async ({ page, workspace }) => {
  const { parent, child } = extractSubgraph(chainDoc(), ["b"], "research");
  writeFileSync(workspace.file("agent"), serializeGraphDoc(parent));
  writeFileSync(workspace.file("research"), serializeGraphDoc(child));
  await page.reload();
  await page.getByRole("button", { name: "Open graph agent" }).click();
  await expect(node(page, "research")).toBeVisible();

  // Subgraph from the sidebar's palette: a chooser of the workspace's other graphs.
  await page.getByRole("button", { name: "Add Subgraph node" }).click();
  const chooser = page.getByRole("dialog", { name: "Add subgraph node" });
  await expect(chooser.getByRole("option")).toHaveText([/research/]);
  await chooser.getByRole("option", { name: /research/ }).click();
  await expect(node(page, "research_2")).toBeVisible();
  expect((await openDoc(page)).nodes.find((item) => item.id === "research_2")).toMatchObject({ kind: "subgraph", config: { graph: "research" } });

  // Right-click the edge a -> research: its target waits for all branches.
  const edge = page.locator('.react-flow__edge[data-id="a-research"]');
  await edge.click({ button: "right", force: true });
  const menu = page.getByRole("menu", { name: "Edge a to research" });
  await expect(menu).toBeVisible();
  await screenshot(page, "subgraph-5-edge-menu");
  await menu.getByRole("menuitemcheckbox", { name: "Wait for all (join) on research" }).click();
  await expect(menu).toHaveCount(0);
  expect((await openDoc(page)).nodes.find((item) => item.id === "research")?.join).toBe(true);
  await expect(node(page, "research").getByRole("img", { name: "Join: waits for all incoming branches" })).toBeVisible();

  // ... and the edge maps over the list field "notes" (each item in research's only field, "notes").
  await edge.click({ button: "right", force: true });
  await page.getByRole("menuitemcheckbox", { name: "For each item of notes" }).click();
  expect((await openDoc(page)).edges.find((item) => item.id === "a-research")?.when).toEqual({ type: "for-each", field: "notes", as: "notes" });
  await edge.click({ button: "right", force: true });
  await expect(page.getByRole("menuitemcheckbox", { name: "For each item of notes (as notes)" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  expect((await openDoc(page)).nodes.some((item) => item.id === "research_2")).toBe(true);
  await expect.poll(() => onDisk(workspace.file("agent"))?.edges.find((item) => item.id === "a-research")?.when?.type).toBe("for-each");
});
