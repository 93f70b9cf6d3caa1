import type { GraphDoc } from "../../shared/graph-doc";
import { canvas, connect, expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

test("undo and redo restore the exact document across add, connect, move, edit and delete", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "agent")).toBeVisible();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  const docs: GraphDoc[] = [await openDoc(page)];
  const step = async () => docs.push(await openDoc(page));

  // add (quick add) and move it out of the way
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("Control+k");
  await page.getByLabel("Search node kinds").fill("set");
  await page.keyboard.press("Enter");
  await expect(node(page, "set_fields")).toBeVisible();
  await step();
  // move: one drag is one step
  const box = (await node(page, "set_fields").boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 60 + i * 25, box.y + 15 + i * 4);
  await page.mouse.up();
  await step();
  expect(docs[2].nodes.find((n) => n.id === "set_fields")!.position).not.toEqual(docs[1].nodes.find((n) => n.id === "set_fields")!.position);
  // connect
  await connect(page, "set_fields", "__end__");
  await step();
  expect(docs[3].edges.length).toBe(docs[2].edges.length + 1);
  // config edit (a typing burst is one step)
  await node(page, "agent").click();
  await inspector.getByLabel("System prompt").fill("You are a terse weather assistant.");
  await step();
  // delete a node with settings: asks first
  await node(page, "action").click();
  await canvas(page).press("Delete");
  await expect(page.getByRole("alertdialog", { name: /Delete "action"/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(node(page, "action")).toHaveCount(0);
  await step();
  await screenshot(page, "2-after-edits");

  const undoButton = page.getByRole("button", { name: "Undo", exact: true });
  const redoButton = page.getByRole("button", { name: "Redo", exact: true });
  for (let i = docs.length - 2; i >= 0; i--) {
    await undoButton.click();
    expect(await openDoc(page)).toEqual(docs[i]);
  }
  await expect(undoButton).toBeDisabled();
  for (let i = 1; i < docs.length; i++) {
    await redoButton.click();
    expect(await openDoc(page)).toEqual(docs[i]);
  }
  // and the keyboard does the same as the buttons
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("Control+z");
  expect(await openDoc(page)).toEqual(docs[docs.length - 2]);
  await page.keyboard.press("Control+Shift+z");
  expect(await openDoc(page)).toEqual(docs[docs.length - 1]);
});
