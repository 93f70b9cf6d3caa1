import { existsSync } from "node:fs";
import { expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

test("copy/paste a connected group, auto-layout, and deletes that ask first", async ({ page, workspace }) => {
  await expect(node(page, "agent")).toBeVisible();
  const before = await openDoc(page);

  // select agent + action, copy, paste: new ids, the edges among them kept
  await node(page, "agent").click();
  await node(page, "action").click({ modifiers: ["Control"] });
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(node(page, "agent_2")).toBeVisible();
  await expect(node(page, "action_2")).toBeVisible();
  const pasted = await openDoc(page);
  const newEdges = pasted.edges.filter((edge) => !before.edges.some((old) => old.id === edge.id));
  expect(newEdges.map((edge) => `${edge.source}>${edge.target}`).sort()).toEqual(["action_2>agent_2", "agent_2>__end__", "agent_2>action_2"]);
  expect(newEdges.find((edge) => edge.target === "__end__")!.when).toEqual({ type: "otherwise" });
  await expect(page.getByRole("complementary", { name: "Inspector" })).toContainText("2 nodes, 3 edges selected");
  await screenshot(page, "3-pasted");

  // duplicate (Ctrl+D) works on the selection too
  await page.keyboard.press("Control+d");
  await expect(node(page, "agent_3")).toBeVisible();

  // auto-layout: top to bottom, one undo step
  await page.getByRole("button", { name: "Auto-layout", exact: true }).click();
  await expect.poll(async () => (await openDoc(page)).nodes.find((n) => n.id === "agent")!.position).not.toEqual(before.nodes.find((n) => n.id === "agent")!.position);
  const laid = await openDoc(page);
  const y = (id: string) => laid.nodes.find((n) => n.id === id)!.position.y;
  expect(y("agent")).toBeLessThan(y("action"));
  expect(y("agent")).toBeLessThan(y("ask_human"));
  await page.keyboard.press("f");
  await page.waitForTimeout(400);
  await screenshot(page, "3-auto-layout");

  // deleting a node with settings asks; Cancel keeps it
  await page.keyboard.press("Escape");
  await node(page, "agent_3").click();
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("alertdialog", { name: /Delete "agent_3"/ });
  await expect(dialog).toBeVisible();
  await screenshot(page, "3-delete-confirm");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(node(page, "agent_3")).toBeVisible();
  await node(page, "agent_3").click();
  await page.keyboard.press("Delete");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(node(page, "agent_3")).toHaveCount(0);
  // a fresh node with only defaults goes without asking
  await page.getByRole("button", { name: "Add Tools node" }).click();
  await expect(node(page, "tools")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(node(page, "tools")).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  // graphs: duplicate, rename, then delete (which asks, and removes the file)
  await page.keyboard.press("Control+s");
  await page.getByRole("button", { name: "Duplicate agent" }).click();
  await page.getByLabel("Name of the copy").fill("agent-copy");
  await page.getByRole("button", { name: "Duplicate", exact: true }).click();
  await expect(page.getByRole("button", { name: "Open graph agent-copy" })).toBeVisible();
  await page.getByRole("button", { name: "Rename agent-copy" }).click();
  await page.getByLabel("New name").fill("triage");
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(page.getByRole("button", { name: "Open graph triage" })).toBeVisible();
  await page.getByRole("button", { name: "Delete triage" }).click();
  const confirm = page.getByRole("alertdialog", { name: /Delete "triage"/ });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Delete graph" }).click();
  await expect(page.getByRole("button", { name: "Open graph triage" })).toHaveCount(0);
  expect(existsSync(workspace.file("triage"))).toBe(false);
  expect(existsSync(workspace.file("agent"))).toBe(true);
  // the deleted graph was open: the editor moves on to the remaining one
  await expect(node(page, "agent_2")).toBeVisible();
});
