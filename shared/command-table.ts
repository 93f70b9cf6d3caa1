/**
 * Every command of the app, as data: its id, title, keys and where the native menu shows it.
 *
 * The renderer's command registry gives each entry its `canRun` and `run`; the desktop shell
 * builds its menu from this table (main/electron/menu.ts), so a menu label or accelerator can
 * never disagree with the app's shortcut. Keys are written as Electron accelerators
 * ("CmdOrCtrl+S", "Shift+F5", "F"); the renderer matches key events and formats labels from them.
 */

export type CommandGroup = "File" | "Edit" | "Canvas" | "View" | "Run" | "Help";

/** The native menus a command can appear in ("app" is macOS's application menu). */
export type MenuName = "app" | "file" | "edit" | "view" | "run" | "help";

export interface MenuPlacement {
  menu: MenuName;
  /** Items of one menu are grouped by section, with a separator between sections. */
  section: number;
  /** The menu's own label when it differs from the title ("Import Graph File..."). */
  label?: string;
  /**
   * macOS only: the accelerator is registered with the menu (not left to the page), so the
   * native text-editing key equivalents keep working in text inputs; the renderer's command then
   * delegates to the focused text field. Elsewhere the page's key handler runs every shortcut.
   */
  macNativeKey?: boolean;
  /** Shown only on macOS, or only elsewhere (About lives in the app menu on macOS). */
  platform?: "mac" | "other";
}

export interface CommandInfo {
  id: string;
  title: string;
  group: CommandGroup;
  /** Electron accelerators; the first is the one menus and tooltips show. */
  keys: readonly string[];
  /** The shortcut works while typing in a text field too. */
  inInputs?: boolean;
  /** Placements in the native menu (About appears twice: macOS's app menu, Help elsewhere). */
  menu?: readonly MenuPlacement[];
}

export const COMMAND_TABLE = [
  { id: "file.new-graph", title: "New graph", group: "File", keys: ["CmdOrCtrl+N"], menu: [{ menu: "file", section: 0, label: "New Graph" }] },
  { id: "file.import-graph", title: "Import graph file...", group: "File", keys: [], menu: [{ menu: "file", section: 2, label: "Import Graph File..." }] },
  { id: "file.export-graph", title: "Export graph file as...", group: "File", keys: [], menu: [{ menu: "file", section: 2, label: "Export Graph File As..." }] },
  { id: "file.save", title: "Save", group: "File", keys: ["CmdOrCtrl+S"], inInputs: true, menu: [{ menu: "file", section: 3, label: "Save" }] },
  { id: "file.close-graph", title: "Close graph", group: "File", keys: ["CmdOrCtrl+W"], menu: [{ menu: "file", section: 4, label: "Close Graph" }] },

  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["CmdOrCtrl+Z"], menu: [{ menu: "edit", section: 0, label: "Undo", macNativeKey: true }] },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["CmdOrCtrl+Shift+Z", "CmdOrCtrl+Y"], menu: [{ menu: "edit", section: 0, label: "Redo", macNativeKey: true }] },
  { id: "edit.copy", title: "Copy nodes", group: "Edit", keys: ["CmdOrCtrl+C"] },
  { id: "edit.paste", title: "Paste nodes", group: "Edit", keys: ["CmdOrCtrl+V"] },
  { id: "edit.duplicate", title: "Duplicate nodes", group: "Edit", keys: ["CmdOrCtrl+D"], menu: [{ menu: "edit", section: 2, label: "Duplicate Nodes" }] },
  { id: "edit.select-all", title: "Select all", group: "Edit", keys: ["CmdOrCtrl+A"], menu: [{ menu: "edit", section: 2, label: "Select All", macNativeKey: true }] },
  { id: "edit.delete", title: "Delete selection", group: "Edit", keys: ["Delete", "Backspace"] },
  { id: "edit.deselect", title: "Close popup / clear selection / back to the parent graph", group: "Edit", keys: ["Esc"] },

  { id: "canvas.quick-add", title: "Quick add node", group: "Canvas", keys: ["A", "CmdOrCtrl+K"] },
  { id: "canvas.layout", title: "Auto-layout", group: "Canvas", keys: ["Shift+L"], menu: [{ menu: "view", section: 1, label: "Auto-Layout" }] },
  { id: "view.fit", title: "Fit view", group: "Canvas", keys: ["F"], menu: [{ menu: "view", section: 1, label: "Fit View" }] },
  { id: "view.zoom-in", title: "Zoom in", group: "Canvas", keys: ["CmdOrCtrl+="], menu: [{ menu: "view", section: 1, label: "Zoom In" }] },
  { id: "view.zoom-out", title: "Zoom out", group: "Canvas", keys: ["CmdOrCtrl+-"], menu: [{ menu: "view", section: 1, label: "Zoom Out" }] },
  { id: "canvas.snap", title: "Snap to grid on/off", group: "Canvas", keys: ["G"] },
  { id: "canvas.minimap", title: "Minimap on/off", group: "Canvas", keys: ["M"] },
  { id: "canvas.add-router", title: "Add router (a model picks a route: one edge per value)", group: "Canvas", keys: [] },
  { id: "edit.add-mcp-tools", title: "Add tools from MCP server... (selected tools node)", group: "Edit", keys: [] },
  { id: "canvas.add-subgraph", title: "Add subgraph node (a graph of the workspace)...", group: "Canvas", keys: [] },
  { id: "canvas.subgraph-from-selection", title: "New subgraph from selection...", group: "Canvas", keys: [] },
  { id: "canvas.open-subgraph", title: "Open subgraph (selected node)", group: "Canvas", keys: ["Enter"] },
  { id: "canvas.leave-subgraph", title: "Back to the parent graph", group: "Canvas", keys: ["Alt+Left"] },
  { id: "canvas.expand-subgraph", title: "Expand/collapse subgraph in place (selected node)", group: "Canvas", keys: ["Shift+E"] },
  { id: "canvas.toggle-join", title: "Wait for all incoming branches (join) on/off (selected node)", group: "Canvas", keys: [] },
  { id: "canvas.for-each", title: "For each item of a list on/off (selected edge)", group: "Canvas", keys: [] },
  { id: "canvas.simplify-far", title: "Simplify when zoomed out on/off (boxes without text)", group: "Canvas", keys: ["Shift+D"] },

  { id: "view.command-palette", title: "Command palette", group: "View", keys: ["CmdOrCtrl+Shift+P"], inInputs: true, menu: [{ menu: "view", section: 0, label: "Command Palette..." }] },
  { id: "view.toggle-sidebar", title: "Show/hide sidebar", group: "View", keys: ["CmdOrCtrl+B"], inInputs: true, menu: [{ menu: "view", section: 2, label: "Toggle Sidebar" }] },
  { id: "view.toggle-bottom", title: "Show/hide bottom panel", group: "View", keys: ["CmdOrCtrl+J"], inInputs: true, menu: [{ menu: "view", section: 2, label: "Toggle Bottom Panel" }] },
  { id: "view.toggle-inspector", title: "Show/hide inspector", group: "View", keys: ["CmdOrCtrl+I"], inInputs: true, menu: [{ menu: "view", section: 2, label: "Toggle Inspector" }] },
  { id: "view.toggle-theme", title: "Dark/light theme", group: "View", keys: ["Shift+T"], menu: [{ menu: "view", section: 3, label: "Toggle Theme" }] },
  { id: "view.settings", title: "Settings (model providers, keys)", group: "View", keys: ["CmdOrCtrl+,"], inInputs: true, menu: [{ menu: "file", section: 5, label: "Settings..." }] },

  { id: "run.run", title: "Run graph", group: "Run", keys: ["CmdOrCtrl+Enter"], inInputs: true, menu: [{ menu: "run", section: 0, label: "Run" }] },
  { id: "run.continue", title: "Continue", group: "Run", keys: ["F8", "F5"], inInputs: true, menu: [{ menu: "run", section: 0, label: "Continue" }] },
  { id: "run.step", title: "Step to the next node", group: "Run", keys: ["F10"], inInputs: true, menu: [{ menu: "run", section: 0, label: "Step" }] },
  { id: "run.cancel", title: "Cancel run", group: "Run", keys: ["Shift+F5"], inInputs: true, menu: [{ menu: "run", section: 0, label: "Cancel Run" }] },
  { id: "run.toggle-breakpoint", title: "Toggle pause before (selected node)", group: "Run", keys: ["F9"], menu: [{ menu: "run", section: 1, label: "Toggle Pause Before" }] },
  { id: "run.toggle-breakpoint-after", title: "Toggle pause after (selected node)", group: "Run", keys: ["Shift+F9"], menu: [{ menu: "run", section: 1, label: "Toggle Pause After" }] },
  { id: "run.edit-breakpoint", title: "Edit breakpoint (selected node)...", group: "Run", keys: [] },
  { id: "run.compare-checkpoints", title: "Compare checkpoints...", group: "Run", keys: [] },
  { id: "tests.record", title: "Record test cassettes (real-provider tests)", group: "Run", keys: [] },
  { id: "tests.record-missing", title: "Re-record missing cassette calls", group: "Run", keys: [] },
  { id: "run.rerun-replay", title: "Re-run from the selected checkpoint, replaying recorded calls", group: "Run", keys: [] },
  { id: "run.rerun-live", title: "Re-run from the selected checkpoint, live", group: "Run", keys: [] },
  { id: "run.pin-output", title: "Pin output of the selected node...", group: "Run", keys: [] },
  { id: "run.unpin", title: "Unpin the selected node", group: "Run", keys: [] },
  { id: "run.run-node", title: "Run the selected node alone...", group: "Run", keys: [] },
  { id: "view.pins", title: "Show pinned nodes (Pins panel)", group: "View", keys: [] },

  { id: "help.shortcuts", title: "Keyboard shortcuts", group: "Help", keys: ["F1", "?"], menu: [{ menu: "help", section: 0, label: "Keyboard Shortcuts" }] },
  {
    id: "help.about",
    title: "About Switchyard",
    group: "Help",
    keys: [],
    menu: [
      { menu: "app", section: 0, label: "About Switchyard", platform: "mac" },
      { menu: "help", section: 2, label: "About Switchyard", platform: "other" },
    ],
  },
] as const satisfies readonly CommandInfo[];

export type CommandId = (typeof COMMAND_TABLE)[number]["id"];

/** The commands the native menu sends to the window. */
export type MenuCommandId = Extract<(typeof COMMAND_TABLE)[number], { menu: readonly MenuPlacement[] }>["id"];

const byId = new Map<string, CommandInfo>(COMMAND_TABLE.map((command) => [command.id, command]));

export function commandInfo(id: CommandId): CommandInfo {
  return byId.get(id)!;
}

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === "string" && byId.has(value);
}

/** The ids of commands placed in the native menu, in table order. */
export const MENU_COMMAND_IDS = COMMAND_TABLE.filter((command) => "menu" in command).map((command) => command.id) as MenuCommandId[];
