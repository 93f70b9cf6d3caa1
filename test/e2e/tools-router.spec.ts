import { expect, node, openDoc, screenshot, test } from "./fixtures";

test.use({ workspaceSource: "weather-agent" });

/** The router's routes as `target:value` (otherwise as `target:otherwise`), sorted. */
async function routes(page: Parameters<typeof openDoc>[0]): Promise<string[]> {
  const doc = await openDoc(page);
  return doc.edges
    .filter((edge) => edge.source === "router")
    .map((edge) => `${edge.target}:${edge.when?.type === "field-equals" ? String(edge.when.value) : edge.when?.type}`)
    .sort();
}

test("the Router preset from the palette, its Output fields editor, and edges that follow the enum when it is edited", async ({ page, workspace }) => {
  void workspace;
  await expect(node(page, "agent")).toBeVisible();
  await page.getByRole("button", { name: "Add Router preset" }).click();
  await expect(node(page, "router")).toBeVisible();
  await expect(node(page, "billing")).toBeVisible();
  await expect(node(page, "tech")).toBeVisible();
  expect(await routes(page)).toEqual(["__end__:otherwise", "billing:billing", "tech:tech"]);
  expect((await openDoc(page)).state.fields.route).toMatchObject({ type: "string", reducer: "replace" });

  // The router is selected: its output field, with the enum values, in the inspector.
  const inspector = page.getByLabel("Settings of router");
  const fields = inspector.getByRole("region", { name: "Output fields (structured output)" });
  const field = fields.getByRole("group", { name: "route" });
  await expect(field.getByLabel("State field")).toHaveValue("route");
  const values = field.getByRole("region", { name: "Allowed values" });
  await expect(values.getByRole("textbox")).toHaveCount(2);
  await screenshot(page, "tools-router-preset");

  // A new value: the inspector offers its edge; one click adds the edge and a node for it.
  await values.getByRole("button", { name: "+ Add value" }).click();
  await values.getByRole("textbox").nth(2).fill("sales");
  const offer = fields.getByRole("status");
  await expect(offer).toContainText('No edge routes on route = "sales"');
  await offer.getByRole("button", { name: "Add the edge" }).click();
  await expect(offer).toBeHidden();
  await expect(node(page, "sales")).toBeVisible();
  expect(await routes(page)).toEqual(["__end__:otherwise", "billing:billing", "sales:sales", "tech:tech"]);

  // A dropped value: the offer removes its edge (the node stays).
  await page.getByLabel("Settings of router").getByRole("region", { name: "Allowed values" }).getByRole("button", { name: "Remove tech" }).click();
  await expect(offer).toContainText("The edge to tech routes on a value route no longer has.");
  await screenshot(page, "tools-router-offer");
  await offer.getByRole("button", { name: "Remove the edge" }).click();
  await expect.poll(() => routes(page)).toEqual(["__end__:otherwise", "billing:billing", "sales:sales"]);

  // Each offer was one undo step.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect.poll(() => routes(page)).toEqual(["__end__:otherwise", "billing:billing", "sales:sales", "tech:tech"]);

  // The same preset is a command of the palette.
  await page.keyboard.press("Control+Shift+P");
  await page.getByRole("combobox", { name: "Search commands" }).fill("router");
  await page.keyboard.press("Enter");
  await expect(node(page, "router_2")).toBeVisible();
});
