/**
 * The contract between the desktop shell's preload (main/electron/preload.ts) and the renderer.
 *
 * In the desktop app the preload puts one object of this type on `window.switchyardDesktop`;
 * in web mode it is absent and the renderer falls back to server routes or browser equivalents.
 * The bridge is a handful of named functions, never a generic `invoke(channel, ...)`: every
 * function maps to one IPC channel whose handler in the main process checks who is calling.
 */

/** The name of the global the preload defines (`window.switchyardDesktop`). */
import { MENU_COMMAND_IDS, type MenuCommandId } from "./command-table";

export const DESKTOP_BRIDGE_GLOBAL = "switchyardDesktop";

/**
 * Commands the native menu sends to the window: the entries of the shared command table that
 * have a menu placement (the renderer's registry runs them, as it does for keys and the palette).
 */
export const MENU_COMMANDS: readonly MenuCommandId[] = MENU_COMMAND_IDS;

export type MenuCommand = MenuCommandId;

/** Which menu commands can run now (the renderer's `canRun`); the shell greys out the others. */
export type MenuEnabledState = Partial<Record<MenuCommand, boolean>>;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === "string" && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** A graph file the user picked in the native "Open graph file" dialog. */
export interface OpenedGraphFile {
  /** The file name without folders, e.g. `triage.graph.json`. */
  fileName: string;
  /** The file's text; the renderer validates it with the shared graph-doc schema. */
  text: string;
}

export interface SaveGraphFileRequest {
  /** Suggested file name, e.g. `agent.graph.json`. */
  suggestedName: string;
  /** The serialised document (stable, git-friendly text). */
  text: string;
}

/** Where the shell stands: what the renderer may show in a title bar or an about box. */
export interface DesktopAppInfo {
  version: string;
  platform: string;
  /** The workspace folder the server in this window serves. */
  workspace: string;
  /** The graph named at launch (`switchyard-desktop path/to/NAME.graph.json`), to show first. */
  graph?: string;
}

/** The answer to allowDeploymentOrigin. */
export interface AllowedDeploymentOrigin {
  /** The origin now in the window's connect-src, e.g. `https://my-agent.example.com`. */
  origin: string;
  /**
   * True when the page on screen was loaded before the origin was allowed: a page keeps the
   * Content-Security-Policy it was loaded with, so it must reload before it can reach the origin.
   */
  reloadRequired: boolean;
}

export interface DesktopBridge {
  /** Shows the native folder dialog; the window reloads on the chosen workspace. `null` when cancelled. */
  openWorkspaceFolder(): Promise<string | null>;
  /**
   * Shows the native open dialog for a LangGraph.js project's `langgraph.json`; the window reloads
   * on the project served like `switchyard serve --config`. `null` when cancelled or refused.
   */
  openLangGraphProject(): Promise<string | null>;
  /** Re-opens a workspace from the recent list (paths not on the list are refused). */
  openRecentWorkspace(path: string): Promise<boolean>;
  /** Most recent first. */
  recentWorkspaces(): Promise<string[]>;
  /** Shows the native open dialog for a `*.graph.json` file elsewhere on disk (to import it). */
  openGraphFile(): Promise<OpenedGraphFile | null>;
  /** Shows the native save dialog and writes the text there ("Export as..."); returns the path or `null`. */
  saveGraphFileAs(request: SaveGraphFileRequest): Promise<string | null>;
  appInfo(): Promise<DesktopAppInfo>;
  /**
   * Lets the window fetch from one LangGraph deployment ("Connect to deployment"): adds that
   * exact http(s) origin (no path, no credentials) to the window's CSP connect-src.
   */
  allowDeploymentOrigin(origin: string): Promise<AllowedDeploymentOrigin>;
  /** Tells the shell which menu commands can run now; it greys out the others. */
  setMenuState(enabled: MenuEnabledState): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The bridge in the desktop app, `undefined` in web mode (then use server routes or browser equivalents). */
export function desktopBridge(): DesktopBridge | undefined {
  return (globalThis as Record<string, unknown>)[DESKTOP_BRIDGE_GLOBAL] as DesktopBridge | undefined;
}

/** IPC channel names, one per bridge function (the main side registers exactly these). */
export const DESKTOP_CHANNELS = {
  openWorkspaceFolder: "switchyard:open-workspace-folder",
  openLangGraphProject: "switchyard:open-langgraph-project",
  openRecentWorkspace: "switchyard:open-recent-workspace",
  recentWorkspaces: "switchyard:recent-workspaces",
  openGraphFile: "switchyard:open-graph-file",
  saveGraphFileAs: "switchyard:save-graph-file-as",
  appInfo: "switchyard:app-info",
  allowDeploymentOrigin: "switchyard:allow-deployment-origin",
  setMenuState: "switchyard:set-menu-state",
  menuCommand: "switchyard:menu-command",
} as const;

/** The largest graph file the bridge reads or writes (a graph file is text written for humans). */
export const MAX_GRAPH_FILE_BYTES = 5 * 1024 * 1024;
