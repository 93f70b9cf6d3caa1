/**
 * Small fakes of the Electron objects the shell touches: enough behaviour to drive the security
 * handlers and the start-up code in-process, without the Electron binary.
 */
import type { MenuItemConstructorOptions } from "electron";
import type { ShellElectron } from "../../../main/electron/shell-types";

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event whose preventDefault() we can observe. */
export function fakeEvent() {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly sent: unknown[][] = [];
  devToolsToggled = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  toggleDevTools(): void {
    this.devToolsToggled++;
  }
  /** Simulates a navigation attempt; returns whether the shell let it happen. */
  navigate(url: string, event: "will-navigate" | "will-redirect" = "will-navigate"): boolean {
    // As Electron 45 emits it, less the deprecated positional url: code still reading that fails here.
    const navigation = Object.assign(fakeEvent(), { url });
    this.emit(event, navigation);
    return !navigation.defaultPrevented;
  }
}

type HeaderListener = ((details: any, callback: (response: any) => void) => void) | null;

export class FakeSession {
  permissionRequestHandler?: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  permissionCheckHandler?: (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;
  beforeSendHeaders?: { filter: { urls: string[] }; listener: HeaderListener };
  headersReceived?: { filter: { urls: string[] }; listener: HeaderListener };
  webRequest = {
    onBeforeSendHeaders: (filter: { urls: string[] }, listener: HeaderListener) => {
      this.beforeSendHeaders = { filter, listener };
    },
    onHeadersReceived: (filter: { urls: string[] }, listener: HeaderListener) => {
      this.headersReceived = { filter, listener };
    },
  };
  setPermissionRequestHandler(handler: FakeSession["permissionRequestHandler"] | null): void {
    this.permissionRequestHandler = handler ?? undefined;
  }
  setPermissionCheckHandler(handler: FakeSession["permissionCheckHandler"] | null): void {
    this.permissionCheckHandler = handler ?? undefined;
  }
  setDevicePermissionHandler(handler: FakeSession["devicePermissionHandler"] | null): void {
    this.devicePermissionHandler = handler ?? undefined;
  }

  /** The headers a request from the window would carry after the shell's listener ran. */
  requestHeaders(url: string, requestHeaders: Record<string, string> = {}): Record<string, string> | undefined {
    if (!this.beforeSendHeaders || !matchesFilter(url, this.beforeSendHeaders.filter)) return requestHeaders;
    let result: Record<string, string> | undefined;
    this.beforeSendHeaders.listener!({ url, requestHeaders }, (response) => (result = response.requestHeaders ?? requestHeaders));
    return result;
  }

  /** The response headers the window would see after the shell's listener ran. */
  responseHeaders(url: string, responseHeaders: Record<string, string[]> = {}, resourceType = "xhr"): Record<string, string | string[]> | undefined {
    if (!this.headersReceived || !matchesFilter(url, this.headersReceived.filter)) return responseHeaders;
    let result: Record<string, string | string[]> | undefined;
    this.headersReceived.listener!({ url, resourceType, responseHeaders }, (response) => (result = response.responseHeaders ?? responseHeaders));
    return result;
  }
}

/** Electron's URL filter patterns as the shell uses them: `<origin>/*`. */
function matchesFilter(url: string, filter: { urls: string[] }): boolean {
  return filter.urls.some((pattern) => pattern.endsWith("/*") && url.startsWith(pattern.slice(0, -1)));
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  title = "";
  shown = false;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;
  constructor(readonly options: any) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  maximize(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  isMaximized(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFullScreen(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way ipcRenderer.invoke would reach it. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

/** An IPC event as Electron builds it for a message from `contents`' frame at `url`. */
export function ipcEventFrom(contents: { id: number }, url: string, options: { subFrame?: boolean; detached?: boolean } = {}) {
  const top = { url, parent: null };
  const frame = options.detached ? null : options.subFrame ? { url, parent: top } : top;
  return { sender: contents, senderFrame: frame };
}

export class FakeApp extends FakeEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  singleInstanceLock = true;
  quitCalls = 0;
  exitCode: number | undefined;
  readonly recentDocuments: string[] = [];
  constructor(readonly userData: string) {
    super();
  }
  async whenReady(): Promise<void> {}
  getVersion(): string {
    return "0.1.0";
  }
  getPath(_name: "userData"): string {
    return this.userData;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  quit(): void {
    this.quitCalls++;
    // Like Electron: a quit first asks `before-quit` listeners, which may hold it.
    this.emit("before-quit", fakeEvent());
  }
  exit(code?: number): void {
    this.exitCode = code;
  }
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0;
  }
}

export interface FakeElectron extends ShellElectron {
  app: FakeApp;
  sessions: Map<string, FakeSession>;
  ipc: FakeIpcMain;
  menus: MenuItemConstructorOptions[][];
  opened: string[];
  dialogs: { openPaths: string[][]; savePath?: string; errors: string[]; openOptions: unknown[] };
}

export function fakeElectron(userData: string): FakeElectron {
  FakeBrowserWindow.instances = [];
  const sessions = new Map<string, FakeSession>();
  const ipc = new FakeIpcMain();
  const menus: MenuItemConstructorOptions[][] = [];
  const opened: string[] = [];
  const dialogs: FakeElectron["dialogs"] = { openPaths: [], errors: [], openOptions: [] };
  return {
    app: new FakeApp(userData),
    BrowserWindow: FakeBrowserWindow,
    session: {
      fromPartition(partition: string) {
        if (!sessions.has(partition)) sessions.set(partition, new FakeSession());
        return sessions.get(partition)!;
      },
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemConstructorOptions[] }) => void menus.push(menu.template),
    },
    dialog: {
      showOpenDialog: async (_window: unknown, options: unknown) => {
        dialogs.openOptions.push(options);
        const filePaths = dialogs.openPaths.shift() ?? [];
        return { canceled: filePaths.length === 0, filePaths };
      },
      showSaveDialog: async () => ({ canceled: !dialogs.savePath, filePath: dialogs.savePath }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: (title: string, content: string) => void dialogs.errors.push(`${title}: ${content}`),
    },
    shell: {
      openExternal: async (url: string) => void opened.push(url),
    },
    ipcMain: ipc,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    sessions,
    ipc,
    menus,
    opened,
    dialogs,
  };
}
