import { readFileSync, writeFileSync } from "node:fs";
import { canvas, expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

test("a graph edited on disk reloads; with unsaved edits the conflict prompt appears", async ({ page, workspace }) => {
  await expect(node(page, "agent")).toBeVisible();
  await expect(page.getByText("Live")).toBeVisible();
  const file = workspace.file("agent");
  const onDisk = () => JSON.parse(readFileSync(file, "utf8"));

  // no local edits: the canvas follows the file
  const edited = onDisk();
  edited.nodes.push({ id: "summary", kind: "set", position: { x: 520, y: 480 }, config: { values: {} } });
  edited.edges.push({ id: "summary-end", source: "summary", target: "__end__" });
  writeFileSync(file, JSON.stringify(edited, null, 2));
  await expect(node(page, "summary")).toBeVisible();
  await expect(page.getByRole("status", { name: /Save state: Saved/ })).toBeVisible();

  // local edit + outside edit: the person chooses
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.getByRole("button", { name: "Add Tools node" }).click();
  await expect(node(page, "tools")).toBeVisible();
  const outside = onDisk();
  outside.description = "Edited in another editor";
  writeFileSync(file, JSON.stringify(outside, null, 2));
  const prompt = page.getByRole("alertdialog", { name: /changed on disk/ });
  await expect(prompt).toBeVisible();
  await screenshot(page, "4-conflict");

  // keep mine: the file gets my edit
  await prompt.getByRole("button", { name: /Keep my edits/ }).click();
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => onDisk().nodes.some((n: { id: string }) => n.id === "tools")).toBe(true);

  // and again, this time taking the disk's version
  await page.getByRole("button", { name: "Add LLM node" }).click();
  await expect(node(page, "agent_2")).toBeVisible();
  const third = onDisk();
  third.description = "Third version";
  writeFileSync(file, JSON.stringify(third, null, 2));
  await expect(prompt).toBeVisible();
  await prompt.getByRole("button", { name: /Reload from disk/ }).click();
  await expect(node(page, "agent_2")).toHaveCount(0);
  expect((await openDoc(page)).description).toBe("Third version");
  await expect(page.getByRole("status", { name: /Save state: Saved/ })).toBeVisible();
});
