import { writeFileSync } from "node:fs";
import { canvas, expect, node, screenshot, test } from "./fixtures";

/** A graph of `count` nodes on a wide grid, chained, with a conditional branch every 10 nodes and one node nothing reaches. */
function bigGraph(count: number) {
  const columns = Math.ceil(Math.sqrt(count * 2));
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `step${i}`, kind: "set", position: { x: (i % columns) * 280, y: Math.floor(i / columns) * 140 }, config: { values: {} } }));
  nodes.push({ id: "stray", kind: "set", position: { x: 0, y: Math.ceil(count / columns) * 140 }, config: { values: {} } });
  const edges: object[] = [];
  for (let i = 0; i < count - 1; i++) {
    if (i % 10 === 0 && i + 2 < count) {
      edges.push({ id: `e${i}-a`, source: `step${i}`, target: `step${i + 2}`, when: { type: "field-equals", field: "route", value: "skip" }, order: 0 });
      edges.push({ id: `e${i}-b`, source: `step${i}`, target: `step${i + 1}`, when: { type: "otherwise" }, order: 1 });
    } else edges.push({ id: `e${i}`, source: `step${i}`, target: `step${i + 1}` });
  }
  edges.push({ id: "e-end", source: `step${count - 1}`, target: "__end__" });
  return { version: 1, name: "big", entry: "step0", state: { fields: { route: { type: "string", reducer: "replace" } } }, nodes, edges };
}

test("a big graph opens fitted and zoomed out as boxes (problems still shown); zooming in brings back names and rules", async ({ page, workspace }) => {
  writeFileSync(workspace.file("big"), JSON.stringify(bigGraph(200), null, 2));
  await page.goto(`${workspace.url}/#/graph/big`);
  await page.reload(); // a new start on the graph's URL, as after a restart
  await expect(page.locator(".react-flow__node")).toHaveCount(203);
  await expect(canvas(page)).toHaveAttribute("data-far", "true");

  // Fitted from the first frame: the graph's corners are inside the canvas.
  const frame = (await canvas(page).boundingBox())!;
  for (const id of ["step0", "stray", "__end__"]) {
    const box = (await node(page, id).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.y).toBeGreaterThanOrEqual(frame.y);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
  }

  // Far out: boxes without text, no rule labels; a node says who it is on hover, and its problem badge stays.
  await expect(page.locator(".sy-node-name")).toHaveCount(0);
  await expect(page.locator(".sy-edge-label")).toHaveCount(0);
  await expect(node(page, "step7").locator(".sy-node")).toHaveAttribute("title", "step7 (Set fields)");
  await expect(node(page, "stray").getByRole("img", { name: /cannot be reached from START/ })).toBeVisible();
  await screenshot(page, "lod-1-far");

  // Simplify when zoomed out off (Shift+D, canvas.simplify-far): the same far zoom at full detail; on again: boxes.
  await page.keyboard.press("Shift+D");
  await expect(canvas(page)).not.toHaveAttribute("data-far", "true");
  await expect(page.locator(".sy-node-name")).toHaveCount(201);
  await expect(page.locator(".sy-edge-label", { hasText: "otherwise" }).first()).toBeAttached();
  await expect(node(page, "stray").getByRole("img", { name: /cannot be reached from START/ })).toBeVisible();
  await screenshot(page, "lod-1-far-full-detail");
  await page.keyboard.press("Shift+D");
  await expect(canvas(page)).toHaveAttribute("data-far", "true");
  await expect(page.locator(".sy-node-name")).toHaveCount(0);

  // Zoomed in: the nodes in view draw their names and the rules their labels again.
  const zoomIn = page.getByRole("button", { name: "Zoom In" });
  while ((await canvas(page).getAttribute("data-far")) !== null) await zoomIn.click();
  await expect(page.locator(".sy-node-name").first()).toBeVisible();
  await expect(page.locator(".sy-edge-label", { hasText: "otherwise" }).first()).toBeAttached();
  await screenshot(page, "lod-2-near");
});
