import { readFileSync, existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import { COMMAND_TABLE } from "../../shared/command-table";
import { MENU_COMMANDS, type MenuCommand } from "../../shared/desktop-bridge";
import { canvas, expect, node, openDoc, test } from "./fixtures";
import { controls, runPanel } from "./debugger-helpers";

test.use({ workspaceSource: "debug-chain" });

interface BridgeRecord {
  exported: { suggestedName: string; text: string }[];
  menuState: Record<string, boolean> | null;
}

/**
 * The desktop preload's bridge, as the shell would install it before the app's scripts run:
 * menu commands are sent through its onMenuCommand listener; dialogs answer as a person would.
 */
async function installBridge(page: Page, importText: string): Promise<void> {
  await page.addInitScript((text) => {
    const record = { exported: [] as unknown[], menuState: null as unknown, listener: null as null | ((command: string) => void) };
    (window as unknown as { bridgeRecord: unknown }).bridgeRecord = record;
    (window as unknown as { switchyardDesktop: unknown }).switchyardDesktop = {
      openWorkspaceFolder: async () => null,
      openLangGraphProject: async () => null,
      openRecentWorkspace: async () => false,
      recentWorkspaces: async () => [],
      openGraphFile: async () => ({ fileName: "imported-chain.graph.json", text }),
      saveGraphFileAs: async (request: unknown) => {
        record.exported.push(request);
        return "/home/me/exports/chain.graph.json";
      },
      appInfo: async () => ({ version: "9.9.9-test", platform: "linux", workspace: "/home/me/agents" }),
      allowDeploymentOrigin: async (origin: string) => ({ origin, reloadRequired: false }),
      setMenuState: async (state: unknown) => void (record.menuState = state),
      onMenuCommand: (listener: (command: string) => void) => {
        record.listener = listener;
        return () => void (record.listener = null);
      },
    };
  }, importText);
}

const record = (page: Page) => page.evaluate(() => (window as unknown as { bridgeRecord: BridgeRecord }).bridgeRecord);
const zoom = async (page: Page) => {
  const style = (await page.locator(".react-flow__viewport").getAttribute("style")) ?? "";
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? NaN);
};
const graphName = (page: Page) => page.evaluate(() => (window as unknown as { switchyard: { graphName(): string | null } }).switchyard.graphName());

test("every native menu command, sent through the bridge, has its visible effect", async ({ page, workspace }) => {
  const saved = readFileSync(workspace.file("chain"), "utf8");
  await installBridge(page, saved.replace('"name": "chain"', '"name": "imported-chain"'));
  await page.goto(workspace.url);
  await expect(node(page, "finish")).toBeVisible();
  const sent = new Set<MenuCommand>();
  const send = async (command: MenuCommand) => {
    sent.add(command);
    await page.waitForFunction(() => !!(window as unknown as { bridgeRecord: { listener: unknown } }).bridgeRecord.listener);
    await page.evaluate((id) => (window as unknown as { bridgeRecord: { listener: (command: string) => void } }).bridgeRecord.listener(id), command);
  };

  // The renderer told the shell what can run: nothing to continue yet, a graph to save.
  await expect.poll(async () => (await record(page)).menuState?.["run.continue"]).toBe(false);
  expect((await record(page)).menuState?.["file.save"]).toBe(true);

  // View
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await send("view.toggle-theme");
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(theme);
  const sidebar = page.getByRole("navigation", { name: "Workspace" });
  await send("view.toggle-sidebar");
  await expect(sidebar).toBeHidden();
  await send("view.toggle-sidebar");
  await expect(sidebar).toBeVisible();
  const bottomTabs = page.getByRole("tablist", { name: "Bottom panel tabs" });
  await send("view.toggle-bottom");
  await expect(bottomTabs).toBeHidden();
  await send("view.toggle-bottom");
  await expect(bottomTabs).toBeVisible();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await send("view.toggle-inspector");
  await expect(inspector).toBeHidden();
  await send("view.toggle-inspector");
  await expect(inspector).toBeVisible();

  const fitted = await zoom(page);
  await send("view.zoom-in");
  await expect.poll(() => zoom(page)).toBeGreaterThan(fitted);
  const zoomedIn = await zoom(page);
  await send("view.zoom-out");
  await expect.poll(() => zoom(page)).toBeLessThan(zoomedIn);
  await send("view.zoom-in");
  await send("view.zoom-in");
  await expect.poll(() => zoom(page)).toBeGreaterThan(zoomedIn);
  await send("view.fit");
  await expect.poll(() => zoom(page)).toBeLessThan(zoomedIn);

  await send("view.command-palette");
  await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Command palette" })).toBeHidden();
  await send("view.settings");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeHidden();

  // Help
  await send("help.shortcuts");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await send("help.about");
  const about = page.getByRole("dialog", { name: "About Switchyard" });
  await expect(about).toContainText("9.9.9-test");
  await expect(about).toContainText("/home/me/agents");
  await page.keyboard.press("Escape");
  await expect(about).toBeHidden();

  // Edit: select all, breakpoints on the selection, undo back to the saved file, redo
  await send("edit.select-all");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(5);
  await page.keyboard.press("Escape");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(0);
  await node(page, "check").click();
  await send("run.toggle-breakpoint");
  await expect(node(page, "check").locator(".sy-bp-before")).toBeVisible();
  await send("file.save");
  await expect.poll(() => JSON.parse(readFileSync(workspace.file("chain"), "utf8")).nodes.find((n: { id: string }) => n.id === "check").breakpoint).toEqual({ before: true });
  await send("edit.undo");
  await expect(node(page, "check").locator(".sy-bp-before")).toHaveCount(0);
  await send("file.save");
  // The same document as the file first held (the app writes ids sorted, keys in a stable order).
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const normal = (text: string) => {
    const doc = JSON.parse(text);
    return { ...doc, nodes: [...doc.nodes].sort(byId), edges: [...doc.edges].sort(byId) };
  };
  await expect.poll(() => normal(readFileSync(workspace.file("chain"), "utf8"))).toEqual(normal(saved));
  await send("edit.redo");
  await expect(node(page, "check").locator(".sy-bp-before")).toBeVisible();
  await send("run.toggle-breakpoint-after");
  await expect(node(page, "check").locator(".sy-bp-after")).toBeVisible();

  await send("edit.duplicate");
  await expect.poll(async () => (await openDoc(page)).nodes.length).toBe(6);
  const copy = (await openDoc(page)).nodes.at(-1)!;
  await send("canvas.layout");
  await expect.poll(async () => (await openDoc(page)).nodes.find((n) => n.id === copy.id)!.position).not.toEqual(copy.position);
  await send("edit.undo");
  await send("edit.undo");
  await expect.poll(async () => (await openDoc(page)).nodes.length).toBe(5);

  // Run: Run asks for input and starts; Step and Continue go on from the pause; Cancel stops a running run
  await canvas(page).click({ position: { x: 20, y: 20 } });
  await send("run.run");
  const runInput = page.getByRole("dialog", { name: "Run input" });
  await expect(runInput).toBeVisible();
  await runInput.getByLabel("First message").fill("");
  await runInput.getByRole("button", { name: "Start run" }).click();
  await expect(runPanel.runStatus(page)).toHaveText("Paused");
  await runPanel.tab(page, "Run").click();
  await expect(runPanel.banner(page)).toContainText("Paused before check");
  await send("run.step");
  await expect(runPanel.banner(page)).toContainText(/Paused (after check|before write_note)/);
  await send("run.continue");
  await expect(runPanel.runStatus(page)).toHaveText("Done");
  await page.getByRole("button", { name: "New thread" }).click();
  await page.getByLabel("Input slow").selectOption("true");
  await page.getByRole("button", { name: "Run with this input" }).click();
  await expect(controls.cancel(page)).toBeEnabled();
  await send("run.cancel");
  await expect(runPanel.runStatus(page)).toHaveText("Cancelled");

  // File: export, import, new, close
  await send("file.export-graph");
  await expect.poll(async () => (await record(page)).exported.length).toBe(1);
  expect((await record(page)).exported[0]).toEqual({ suggestedName: "chain.graph.json", text: readFileSync(workspace.file("chain"), "utf8") });
  await send("file.import-graph");
  await expect.poll(() => graphName(page)).toBe("imported-chain");
  expect(existsSync(workspace.file("imported-chain"))).toBe(true);
  await expect(page.getByRole("button", { name: "Open graph imported-chain" })).toBeVisible();
  await send("file.new-graph");
  const prompt = page.getByRole("dialog", { name: "New graph" });
  await expect(prompt).toBeVisible();
  await prompt.getByRole("button", { name: "Cancel" }).click();
  await send("file.close-graph");
  await expect(page.getByText("Open a graph from the sidebar")).toBeVisible();
  await expect(canvas(page)).toHaveCount(0);
  expect(await graphName(page)).toBeNull();
  await expect.poll(async () => (await record(page)).menuState?.["file.save"]).toBe(false);

  expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
});

test.describe("the command palette", () => {
  test.use({ workspaceSource: "weather-agent" });

  test("lists every command with its shortcut; typing 'fit' and Enter fits the view", async ({ page, workspace }) => {
    void workspace;
    await expect(node(page, "agent")).toBeVisible();
    await canvas(page).click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("Control+Shift+P");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    const options = palette.getByRole("option");
    await expect(options).toHaveCount(COMMAND_TABLE.length);
    for (const command of COMMAND_TABLE) {
      const option = palette.getByRole("option", { name: new RegExp(`^${`${command.group}: ${command.title}`.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`) });
      await expect(option, command.id).toHaveCount(1);
      const [key] = command.keys;
      if (key) await expect(option.locator("kbd").first()).toHaveText(key.replace("CmdOrCtrl", "Ctrl"));
    }
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();

    const fitted = await zoom(page);
    // One press at a time: a zoom pressed during the previous one's animation starts from mid-way.
    let zoomed = fitted;
    for (let i = 0; i < 2; i++) {
      const before = zoomed;
      await page.keyboard.press("Control+=");
      await expect.poll(() => zoom(page)).toBeGreaterThan(before);
      zoomed = await zoom(page);
    }
    await page.keyboard.press("Control+Shift+P");
    await page.getByRole("combobox", { name: "Search commands" }).fill("fit");
    await expect(options.first()).toHaveText(/Canvas: Fit view/);
    await page.keyboard.press("Enter");
    await expect(palette).toBeHidden();
    await expect.poll(() => zoom(page)).toBeLessThan(zoomed);
    await expect.poll(() => zoom(page)).toBeCloseTo(fitted, 1);
  });
});
