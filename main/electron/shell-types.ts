import type { MenuItemConstructorOptions } from "electron";
import type { PreventableEvent, SessionLike, ShellLike, IpcMainLike, WebContentsLike } from "./electron-types";
import type { Rectangle, TrackedWindow } from "./window-state";

/**
 * The parts of the `electron` module the shell uses. main.ts passes the real module; the
 * start-up test passes fakes (test/main/electron/fake-electron.ts).
 */
export interface ShellElectron {
  app: AppLike;
  BrowserWindow: new (options: any) => WindowLike;
  session: { fromPartition(partition: string): SessionLike };
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): any; setApplicationMenu(menu: any): void };
  dialog: DialogLike;
  shell: ShellLike;
  ipcMain: IpcMainLike;
  screen: { getAllDisplays(): { workArea: Rectangle }[] };
}

export interface AppLike {
  readonly isPackaged: boolean;
  whenReady(): Promise<unknown>;
  getVersion(): string;
  getPath(name: "userData"): string;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  quit(): void;
  exit(code?: number): void;
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

export interface WindowLike extends TrackedWindow {
  readonly webContents: WebContentsLike & {
    send(channel: string, ...args: unknown[]): void;
    toggleDevTools(): void;
  };
  loadURL(url: string): Promise<void>;
  once(event: "ready-to-show", listener: () => void): unknown;
  on(event: "resize" | "move" | "close" | "closed", listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isDestroyed(): boolean;
  setTitle(title: string): void;
}

export interface DialogLike {
  showOpenDialog(window: any, options: any): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: any, options: any): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(window: any, options: any): Promise<unknown>;
  showErrorBox(title: string, content: string): void;
}

export type { PreventableEvent };
