import type { MenuItemConstructorOptions } from "electron";
import { COMMAND_TABLE, type CommandInfo, type MenuName, type MenuPlacement } from "../../shared/command-table";
import type { MenuCommand, MenuEnabledState } from "../../shared/desktop-bridge";

/** What the menu needs from the shell; each item calls one of these. */
export interface MenuActions {
  /** Forwards a command to the window (the renderer runs the same command as its shortcut). */
  send(command: MenuCommand): void;
  openWorkspaceFolder(): void;
  openLangGraphProject(): void;
  openRecentWorkspace(path: string): void;
  clearRecentWorkspaces(): void;
  toggleDevTools(): void;
  openExternal(url: string): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** DevTools and reload appear only in development. */
  isDevelopment: boolean;
  recentWorkspaces: string[];
  appName: string;
  /** What the renderer last said can run; commands it did not mention are enabled. */
  enabled?: MenuEnabledState;
}

export const HELP_URL = "https://github.com/langchain-ai/langgraphjs";

/**
 * The app commands of one native menu, from the shared command table: label, accelerator and
 * placement come from the table, enabled state from the renderer. Their accelerators are shown
 * but left to the page's key handler (`registerAccelerator: false`), which runs the same
 * command, so one key press never runs a command twice; on macOS undo, redo and select all keep
 * their key equivalents in the menu, so they also work inside text inputs.
 */
function commandItems(menu: MenuName, options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === "darwin";
  const placed: { command: CommandInfo; place: MenuPlacement }[] = [];
  for (const command of COMMAND_TABLE as readonly CommandInfo[]) {
    for (const place of command.menu ?? []) {
      if (place.menu !== menu) continue;
      if (place.platform === "mac" && !isMac) continue;
      if (place.platform === "other" && isMac) continue;
      placed.push({ command, place });
    }
  }
  const items: MenuItemConstructorOptions[] = [];
  let section: number | undefined;
  for (const { command, place } of [...placed].sort((a, b) => a.place.section - b.place.section)) {
    if (section !== undefined && place.section !== section) items.push({ type: "separator" });
    section = place.section;
    const id = command.id as MenuCommand;
    const accelerator = command.keys[0];
    items.push({
      id,
      label: place.label ?? command.title,
      ...(accelerator ? { accelerator, registerAccelerator: isMac && !!place.macNativeKey } : {}),
      enabled: options.enabled?.[id] ?? true,
      click: () => actions.send(id),
    });
  }
  return items;
}

const separator: MenuItemConstructorOptions = { type: "separator" };
const withSeparator = (items: MenuItemConstructorOptions[]) => (items.length ? [separator, ...items] : []);

/**
 * The native menu. App commands go to the renderer as menu commands, so the menu, the shortcut
 * and the command palette run the same code; Cut, Copy and Paste use the native roles, which
 * raise the DOM clipboard events web mode relies on too.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === "darwin";
  const commands = (menu: MenuName) => commandItems(menu, options, actions);
  const recent: MenuItemConstructorOptions[] = options.recentWorkspaces.length
    ? [
        ...options.recentWorkspaces.map((path) => ({ label: path, click: () => actions.openRecentWorkspace(path) })),
        separator,
        { label: "Clear Recent", click: () => actions.clearRecentWorkspaces() },
      ]
    : [{ label: "No Recent Workspaces", enabled: false }];

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: options.appName,
          submenu: [...commands("app"), separator, { role: "services" }, separator, { role: "hide" }, { role: "hideOthers" }, { role: "unhide" }, separator, { role: "quit" }],
        },
      ]
    : [];

  const [newGraph, ...fileRest] = commands("file");
  const file: MenuItemConstructorOptions = {
    label: "&File",
    submenu: [
      newGraph,
      { label: "Open Workspace...", accelerator: "CmdOrCtrl+O", click: () => actions.openWorkspaceFolder() },
      { label: "Open LangGraph Project...", accelerator: "CmdOrCtrl+Shift+O", click: () => actions.openLangGraphProject() },
      { label: "Open Recent", submenu: recent },
      ...withSeparator(fileRest),
      ...(isMac ? [] : [separator, { role: "quit", accelerator: "Ctrl+Q" } as const]),
    ],
  };

  const [history, ...editRest] = splitAtFirstSeparator(commands("edit"));
  const edit: MenuItemConstructorOptions = {
    label: "&Edit",
    submenu: [...history, separator, { role: "cut" }, { role: "copy" }, { role: "paste" }, ...withSeparator(editRest)],
  };

  const view: MenuItemConstructorOptions = {
    label: "&View",
    submenu: [
      ...commands("view"),
      separator,
      { role: "togglefullscreen" },
      ...(options.isDevelopment
        ? [separator, { role: "reload" } as const, { label: "Toggle Developer Tools", accelerator: isMac ? "Alt+Cmd+I" : "Ctrl+Shift+I", click: () => actions.toggleDevTools() }]
        : []),
    ],
  };

  const run: MenuItemConstructorOptions = { label: "&Run", submenu: commands("run") };

  const [shortcuts, ...helpRest] = commands("help");
  const help: MenuItemConstructorOptions = {
    role: "help",
    submenu: [shortcuts, { label: "LangGraph Documentation", click: () => actions.openExternal(HELP_URL) }, ...helpRest],
  };

  return [...appMenu, file, edit, view, run, ...(isMac ? [{ role: "windowMenu" } as const] : []), help];
}

/** The items before the first separator, and the rest without it. */
function splitAtFirstSeparator(items: MenuItemConstructorOptions[]): [MenuItemConstructorOptions[], ...MenuItemConstructorOptions[]] {
  const at = items.findIndex((item) => item.type === "separator");
  if (at < 0) return [items];
  return [items.slice(0, at), ...items.slice(at + 1)];
}
