import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../../shared/desktop-bridge";

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
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** DevTools and reload appear only in development. */
  isDevelopment: boolean;
  recentWorkspaces: string[];
  appName: string;
}

export const HELP_URL = "https://github.com/langchain-ai/langgraphjs";

/**
 * The native menu. App commands (undo, run, breakpoints...) go to the renderer as menu
 * commands, so the menu, the shortcut and the command palette run the same code; Cut, Copy and
 * Paste use the native roles, which raise the DOM clipboard events web mode relies on too.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === "darwin";
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(name),
  });

  const recent: MenuItemConstructorOptions[] = options.recentWorkspaces.length
    ? [
        ...options.recentWorkspaces.map((path) => ({ label: path, click: () => actions.openRecentWorkspace(path) })),
        { type: "separator" },
        { label: "Clear Recent", click: () => actions.clearRecentWorkspaces() },
      ]
    : [{ label: "No Recent Workspaces", enabled: false }];

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { label: `About ${options.appName}`, click: () => actions.showAbout() },
            { type: "separator" },
            { role: "services" },
            { type: "separator" },
            { role: "hide" },
            { role: "hideOthers" },
            { role: "unhide" },
            { type: "separator" },
            { role: "quit" },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: "&File",
    submenu: [
      command("New Graph", "file.new-graph", "CmdOrCtrl+N"),
      { label: "Open Workspace...", accelerator: "CmdOrCtrl+O", click: () => actions.openWorkspaceFolder() },
      { label: "Open LangGraph Project...", accelerator: "CmdOrCtrl+Shift+O", click: () => actions.openLangGraphProject() },
      { label: "Open Recent", submenu: recent },
      { type: "separator" },
      command("Save", "file.save", "CmdOrCtrl+S"),
      { type: "separator" },
      command("Close Graph", "file.close-graph", "CmdOrCtrl+W"),
      ...(isMac ? [] : [{ type: "separator" } as const, { role: "quit", accelerator: "Ctrl+Q" } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: "&Edit",
    submenu: [
      command("Undo", "edit.undo", "CmdOrCtrl+Z"),
      command("Redo", "edit.redo", isMac ? "Shift+Cmd+Z" : "Ctrl+Y"),
      { type: "separator" },
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      command("Select All", "edit.select-all", "CmdOrCtrl+A"),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: "&View",
    submenu: [
      command("Zoom In", "view.zoom-in", "CmdOrCtrl+="),
      command("Zoom Out", "view.zoom-out", "CmdOrCtrl+-"),
      command("Fit View", "view.fit", "Shift+1"),
      { type: "separator" },
      command("Toggle Theme", "view.toggle-theme", "CmdOrCtrl+Shift+T"),
      { type: "separator" },
      { role: "togglefullscreen" },
      ...(options.isDevelopment
        ? [
            { type: "separator" } as const,
            { role: "reload" } as const,
            { label: "Toggle Developer Tools", accelerator: isMac ? "Alt+Cmd+I" : "Ctrl+Shift+I", click: () => actions.toggleDevTools() },
          ]
        : []),
    ],
  };

  const run: MenuItemConstructorOptions = {
    label: "&Run",
    submenu: [
      command("Run", "run.run", "F5"),
      command("Continue", "run.continue", "F8"),
      command("Step", "run.step", "F10"),
      command("Cancel Run", "run.cancel", "Shift+F5"),
      { type: "separator" },
      command("Toggle Breakpoint", "run.toggle-breakpoint", "F9"),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: "help",
    submenu: [
      command("Keyboard Shortcuts", "help.shortcuts", "CmdOrCtrl+/"),
      { label: "LangGraph Documentation", click: () => actions.openExternal(HELP_URL) },
      ...(isMac ? [] : [{ type: "separator" } as const, { label: `About ${options.appName}`, click: () => actions.showAbout() }]),
    ],
  };

  return [...appMenu, file, edit, view, run, ...(isMac ? [{ role: "windowMenu" } as const] : []), help];
}
