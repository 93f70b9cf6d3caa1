/**
 * The few parts of Electron's objects that the security-relevant code touches, as structural
 * types. The real `Session`, `WebContents`, `App`, ... satisfy them; the tests hand in small
 * fakes instead, so the security checklist runs without the Electron binary.
 */

export type Headers = Record<string, string | string[]>;

export interface WebRequestLike {
  onBeforeSendHeaders(
    filter: { urls: string[] },
    listener:
      | ((
          details: { url: string; requestHeaders: Record<string, string> },
          callback: (response: { cancel?: boolean; requestHeaders?: Record<string, string> }) => void,
        ) => void)
      | null,
  ): void;
  onHeadersReceived(
    filter: { urls: string[] },
    listener:
      | ((
          details: { url: string; resourceType?: string; responseHeaders?: Headers },
          callback: (response: { cancel?: boolean; responseHeaders?: Headers }) => void,
        ) => void)
      | null,
  ): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: any, permission: string, callback: (granted: boolean) => void, details: any) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: any, permission: string, requestingOrigin: string, details: any) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: any) => boolean) | null): void;
  webRequest: WebRequestLike;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  url: string;
}

export type WindowOpenResponse = { action: "deny" } | { action: "allow"; overrideBrowserWindowOptions?: unknown };

/**
 * `will-navigate` / `will-redirect`: the URL is read from the event (`details.url`); the positional
 * `url` argument after it is deprecated in Electron 45's typings.
 */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WebContentsLike {
  readonly id: number;
  on(event: "will-navigate" | "will-redirect", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent, webPreferences: any, params: any) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void;
}

/** What the window and its IPC checks need of a frame: where it is and whether it is the top. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: any, ...args: any[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * Compile-time proof that Electron's own objects still fit these shapes: after an Electron
 * upgrade that changes one of them, `npm run typecheck` fails here instead of the app at run time.
 */
type Fits<Real, Like> = Real extends Like ? true : false;
export const ELECTRON_OBJECTS_FIT = [
  true satisfies Fits<Electron.Session, SessionLike>,
  true satisfies Fits<Electron.WebContents, WebContentsLike>,
  true satisfies Fits<Electron.IpcMain, IpcMainLike>,
  true satisfies Fits<Electron.IpcMainInvokeEvent, IpcEventLike>,
  true satisfies Fits<Electron.Shell, ShellLike>,
] as const;
