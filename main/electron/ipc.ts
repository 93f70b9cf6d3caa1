import {
  DESKTOP_CHANNELS,
  type AllowedDeploymentOrigin,
  MAX_GRAPH_FILE_BYTES,
  isMenuCommand,
  type MenuEnabledState,
  type DesktopAppInfo,
  type OpenedGraphFile,
  type SaveGraphFileRequest,
} from "../../shared/desktop-bridge";
import type { IpcEventLike, IpcMainLike } from "./electron-types";
import { deploymentOriginOf, isAppUrl } from "./security";

export class UntrustedIpcSenderError extends Error {
  override name = "UntrustedIpcSenderError";
  constructor(readonly channel: string, readonly senderUrl: string) {
    super(`refused ${channel}: the sender (${senderUrl || "a detached frame"}) is not the Switchyard window's own page`);
  }
}

export class InvalidIpcArgumentError extends Error {
  override name = "InvalidIpcArgumentError";
  constructor(readonly channel: string, problem: string) {
    super(`refused ${channel}: ${problem}`);
  }
}

export interface TrustedSender {
  /** The app's current origin (the server the shell started). */
  origin: () => string | undefined;
  /** The id of the main window's webContents; messages from any other webContents are refused. */
  webContentsId: () => number | undefined;
}

/**
 * Every IPC message must come from the main frame of our window, showing a page of the app's
 * own origin. Sub-frames, other windows, other origins (after a navigation that slipped
 * through) and frames already gone (`senderFrame === null`) are refused.
 */
export function isTrustedSender(event: IpcEventLike, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.id !== trusted.webContentsId()) return false;
  return isAppUrl(frame.url, trusted.origin());
}

/** What the shell does for each bridge function; arguments arrive already validated. */
export interface DesktopActions {
  openWorkspaceFolder(): Promise<string | null>;
  openLangGraphProject(): Promise<string | null>;
  openRecentWorkspace(path: string): Promise<boolean>;
  recentWorkspaces(): Promise<string[]>;
  openGraphFile(): Promise<OpenedGraphFile | null>;
  saveGraphFileAs(request: SaveGraphFileRequest): Promise<string | null>;
  appInfo(): Promise<DesktopAppInfo>;
  /** Receives an origin already checked by deploymentOriginOf. */
  allowDeploymentOrigin(origin: string): Promise<AllowedDeploymentOrigin>;
  /** Receives only known menu commands with boolean values. */
  setMenuState(enabled: MenuEnabledState): Promise<void>;
}

type Validators = { [K in keyof DesktopActions]: (args: unknown[], channel: string) => Parameters<DesktopActions[K]> };

const noArguments = () => [] as [];

const validators: Validators = {
  openWorkspaceFolder: noArguments,
  openLangGraphProject: noArguments,
  recentWorkspaces: noArguments,
  openGraphFile: noArguments,
  appInfo: noArguments,
  openRecentWorkspace: ([path], channel) => {
    if (typeof path !== "string" || path.length === 0 || path.length > 4096) throw new InvalidIpcArgumentError(channel, "the path must be a non-empty string");
    return [path];
  },
  allowDeploymentOrigin: ([origin], channel) => {
    if (typeof origin !== "string" || origin.length === 0 || origin.length > 2048) throw new InvalidIpcArgumentError(channel, "the origin must be a non-empty string");
    try {
      return [deploymentOriginOf(origin)];
    } catch (error) {
      throw new InvalidIpcArgumentError(channel, (error as Error).message);
    }
  },
  setMenuState: ([enabled], channel) => {
    if (!enabled || typeof enabled !== "object" || Array.isArray(enabled)) throw new InvalidIpcArgumentError(channel, "the menu state must be an object of command ids to booleans");
    const entries = Object.entries(enabled);
    const unknown = entries.find(([command, on]) => !isMenuCommand(command) || typeof on !== "boolean");
    if (unknown) throw new InvalidIpcArgumentError(channel, `"${unknown[0].slice(0, 80)}" is not a menu command with a boolean value`);
    return [Object.fromEntries(entries) as MenuEnabledState];
  },
  saveGraphFileAs: ([request], channel) => {
    const { suggestedName, text } = (request ?? {}) as Partial<SaveGraphFileRequest>;
    if (typeof suggestedName !== "string" || !/^[\w.-]{1,200}$/.test(suggestedName)) {
      throw new InvalidIpcArgumentError(channel, "suggestedName must be a plain file name (letters, digits, '.', '_', '-')");
    }
    if (typeof text !== "string") throw new InvalidIpcArgumentError(channel, "text must be a string");
    if (Buffer.byteLength(text) > MAX_GRAPH_FILE_BYTES) throw new InvalidIpcArgumentError(channel, `text is larger than ${MAX_GRAPH_FILE_BYTES} bytes`);
    return [{ suggestedName, text }];
  },
};

/**
 * Registers one `ipcMain.handle` per bridge function. Each handler first checks the sender,
 * then validates the arguments, then acts; a refusal rejects the renderer's promise with the
 * error's message and is reported through `onRefused`.
 */
export function registerDesktopIpc(
  ipcMain: IpcMainLike,
  actions: DesktopActions,
  trusted: TrustedSender,
  onRefused: (error: Error) => void = () => {},
): () => void {
  const names = Object.keys(validators) as (keyof DesktopActions)[];
  for (const name of names) {
    const channel = DESKTOP_CHANNELS[name];
    ipcMain.handle(channel, async (event: IpcEventLike, ...args: unknown[]) => {
      try {
        if (!isTrustedSender(event, trusted)) throw new UntrustedIpcSenderError(channel, event.senderFrame?.url ?? "");
        const validated = validators[name](args, channel);
        return await (actions[name] as (...values: unknown[]) => Promise<unknown>)(...validated);
      } catch (error) {
        if (error instanceof UntrustedIpcSenderError || error instanceof InvalidIpcArgumentError) onRefused(error);
        throw error;
      }
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(DESKTOP_CHANNELS[name]));
}
