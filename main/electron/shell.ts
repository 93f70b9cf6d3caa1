import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { LangGraphConfigError, readProjectConfig } from "../project/langgraph-config";
import { DESKTOP_CHANNELS, type MenuCommand, type MenuEnabledState } from "../../shared/desktop-bridge";
import type { RunningApiServer, StartApiServer } from "./api-server";
import { assertWorkspaceFolder, ensureExampleWorkspace } from "./example-workspace";
import { chooseProjectConfig, chooseWorkspaceFolder, openGraphFileDialog, saveGraphFileDialog } from "./graph-file-dialogs";
import { registerDesktopIpc, type DesktopActions } from "./ipc";
import { buildMenuTemplate, type MenuActions } from "./menu";
import { isProjectConfig, RecentWorkspaces } from "./recent-workspaces";
import { APP_HOST, APP_PARTITION, MAX_DEPLOYMENT_ORIGINS, appOriginOf, hardenSession, hardenWebContents, isSafeExternalUrl, type NavigationPolicy } from "./security";
import { parseLaunchArgs, type LaunchRequest } from "./shell-args";
import type { ShellElectron, WindowLike } from "./shell-types";
import { mainWindowOptions } from "./window";
import { fitToDisplays, loadWindowState, saveWindowState, trackWindowState } from "./window-state";

export interface ShellOptions {
  electron: ShellElectron;
  startApiServer: StartApiServer;
  paths: {
    /** out/electron/preload.cjs */
    preload: string;
    /** out/renderer */
    rendererDir: string;
    /** The bundled example workspace (copied to the user's data folder on first use). */
    bundledExample: string;
    icon?: string;
    /** Where the example workspace is copied; `switchyard serve` uses the same folder. */
    dataDir: string;
  };
  argv: readonly string[];
  /** process.defaultApp: started as `electron .` (argv[1] is the app folder). */
  defaultApp: boolean;
  cwd: string;
  platform: NodeJS.Platform;
  isDevelopment: boolean;
  /** How long a quit waits for the server to finish running checkpoint writes. */
  shutdownTimeoutMs?: number;
  newToken?: () => string;
  log?: (message: string) => void;
}

/** A bearer token nobody can guess: 256 random bits. */
export const newServerToken = (): string => randomBytes(32).toString("base64url");

interface Serving {
  server: RunningApiServer;
  origin: string;
  token: string;
  workspace: string;
  graph?: string;
  /** The langgraph.json served, when a LangGraph project is open instead of a workspace. */
  projectConfig?: string;
}

const TYPESCRIPT_MODULE = /\.(ts|mts|cts|tsx)$/i;

/** The running desktop shell: one window on one server; opening a workspace swaps the server. */
export class DesktopShell {
  window: WindowLike | undefined;
  serving: Serving | undefined;
  private readonly recents: RecentWorkspaces;
  private readonly navigation: NavigationPolicy;
  private quitState: "running" | "closing" | "closed" = "running";
  /** Deployment origins the window may fetch from ("Connect to deployment"), oldest first. */
  readonly deploymentOrigins = new Set<string>();
  /** The extra connect-src origins the page on screen was loaded with. */
  private documentOrigins: ReadonlySet<string> = new Set();
  /** Which menu commands the renderer says can run now (the menu greys out the others). */
  private menuEnabled: MenuEnabledState = {};

  constructor(readonly options: ShellOptions) {
    this.recents = new RecentWorkspaces(join(options.electron.app.getPath("userData"), "recent-workspaces.json"));
    this.navigation = {
      origin: () => this.serving?.origin,
      shell: options.electron.shell,
      onBlocked: (what, url) => this.log(`blocked ${what}${url ? `: ${url}` : ""}`),
    };
  }

  /**
   * Before `ready`: sandbox every renderer, hold the single-instance lock, and harden every
   * webContents ever created. Returns false when another instance owns the lock (it has been
   * told about our argv and will focus itself); this one then quits.
   */
  prepare(): boolean {
    const { app } = this.options.electron;
    app.enableSandbox();
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return false;
    }
    app.on("web-contents-created", (_event: unknown, contents: Parameters<typeof hardenWebContents>[0]) => hardenWebContents(contents, this.navigation));
    app.on("second-instance", (_event: unknown, argv: string[], workingDirectory: string) => void this.onSecondInstance(argv, workingDirectory));
    app.on("before-quit", (event: { preventDefault(): void }) => this.onBeforeQuit(event));
    app.on("window-all-closed", () => {
      if (this.options.platform !== "darwin") app.quit();
    });
    app.on("activate", () => {
      if (!this.window && this.serving) void this.openWindow();
    });
    return true;
  }

  /** After `ready`: start the server, open the window on it, install IPC and the menu. */
  async start(): Promise<void> {
    const { electron } = this.options;
    await electron.app.whenReady();
    const launch = parseLaunchArgs(this.options.argv, { defaultApp: this.options.defaultApp, cwd: this.options.cwd });
    this.serving = await this.startServing(await this.initialWorkspace(launch), launch.graph);
    await this.recents.add(this.serving.workspace);
    registerDesktopIpc(electron.ipcMain, this.desktopActions(), {
      origin: () => this.serving?.origin,
      webContentsId: () => this.window?.webContents.id,
    }, (error) => this.log(error.message));
    await this.refreshMenu();
    await this.openWindow();
  }

  private async initialWorkspace(launch: LaunchRequest): Promise<string> {
    if (launch.workspace) return assertWorkspaceFolder(launch.workspace);
    // Projects are reopened from the menu; start-up takes the most recent workspace folder.
    const latest = (await this.recents.list()).find((path) => !isProjectConfig(path));
    if (latest) return latest;
    return ensureExampleWorkspace(this.options.paths.bundledExample, this.options.paths.dataDir);
  }

  private async startServing(workspace: string, graph?: string, projectConfig?: string): Promise<Serving> {
    const token = (this.options.newToken ?? newServerToken)();
    const server = await this.options.startApiServer({
      workspace,
      host: APP_HOST,
      port: 0,
      token,
      rendererDir: this.options.paths.rendererDir,
      ...(projectConfig ? { projectConfig } : {}),
    });
    let origin: string;
    try {
      origin = appOriginOf(server.url);
    } catch (error) {
      await server.close();
      throw error;
    }
    hardenSession(this.options.electron.session.fromPartition(APP_PARTITION), {
      origin,
      token,
      connectOrigins: () => [...this.deploymentOrigins],
      onDocumentPolicy: (origins) => (this.documentOrigins = new Set(origins)),
    });
    this.log(`serving ${workspace} at ${origin}`);
    return { server, origin, token, workspace, graph, ...(projectConfig ? { projectConfig } : {}) };
  }

  private async openWindow(): Promise<void> {
    const { electron, paths, isDevelopment } = this.options;
    const stateFile = join(electron.app.getPath("userData"), "window-state.json");
    const workAreas = electron.screen.getAllDisplays().map((display) => display.workArea);
    const state = fitToDisplays(await loadWindowState(stateFile), workAreas);
    const window = new electron.BrowserWindow(mainWindowOptions({ preload: paths.preload, isDevelopment, state, icon: paths.icon }));
    this.window = window;
    hardenWebContents(window.webContents, this.navigation);
    trackWindowState(window, (next) => void saveWindowState(stateFile, next).catch((error) => this.log(`window state not saved: ${error}`)));
    window.once("ready-to-show", () => {
      if (state.maximized) window.maximize();
      window.show();
    });
    window.on("closed", () => {
      if (this.window === window) this.window = undefined;
    });
    await this.loadApp();
  }

  private async loadApp(): Promise<void> {
    if (!this.window || !this.serving) return;
    this.window.setTitle(`Switchyard - ${this.serving.projectConfig ?? this.serving.workspace}`);
    await this.window.loadURL(`${this.serving.origin}/`);
  }

  /** Starts a server on the new workspace first, so a failure leaves the current one running. */
  async openWorkspace(path: string): Promise<boolean> {
    if (isProjectConfig(path)) return this.openProject(path);
    // The server already holds this workspace's lock; a second one would be refused.
    if (resolve(path) === this.serving?.workspace && !this.serving.projectConfig) return true;
    let next: Serving;
    try {
      const folder = await assertWorkspaceFolder(path);
      next = await this.startServingOn(folder, () => this.startServing(folder));
    } catch (error) {
      this.options.electron.dialog.showErrorBox("Cannot open workspace", error instanceof Error ? error.message : String(error));
      return false;
    }
    await this.switchTo(next, next.workspace);
    return true;
  }

  /**
   * "Open LangGraph Project...": serves a LangGraph.js project's langgraph.json, as
   * `switchyard serve --config` does (its folder is the workspace). The file is read first, so a
   * broken one is an error dialog and the current workspace stays.
   */
  async openProject(configPath: string): Promise<boolean> {
    const { app, dialog } = this.options.electron;
    let next: Serving;
    try {
      const config = readProjectConfig(resolve(configPath));
      if (config.configFile === this.serving?.projectConfig) return true;
      const typeScript = config.graphs.find((graph) => TYPESCRIPT_MODULE.test(graph.file));
      if (app.isPackaged && typeScript) {
        throw new Error(
          `${typeScript.spec} is TypeScript. This build can open JavaScript projects; for TypeScript run \`npx switchyard serve --config ${config.configFile}\` and open the URL it prints.`,
        );
      }
      next = await this.startServingOn(config.dir, () => this.startServing(config.dir, undefined, config.configFile));
    } catch (error) {
      const message = error instanceof LangGraphConfigError || error instanceof Error ? error.message : String(error);
      dialog.showErrorBox("Cannot open LangGraph project", message);
      return false;
    }
    await this.switchTo(next, next.projectConfig!);
    return true;
  }

  /**
   * A server holds its folder's lock, so switching between a folder and the project in it closes
   * the current server first; if the new one then fails, the current one is started again.
   */
  private async startServingOn(folder: string, start: () => Promise<Serving>): Promise<Serving> {
    const current = this.serving;
    if (!current || resolve(current.workspace) !== resolve(folder)) return start();
    await current.server.close();
    try {
      return await start();
    } catch (error) {
      this.serving = await this.startServing(current.workspace, current.graph, current.projectConfig);
      await this.loadApp();
      throw error;
    }
  }

  private async switchTo(next: Serving, recent: string): Promise<void> {
    const previous = this.serving;
    this.serving = next;
    await this.recents.add(recent);
    this.options.electron.app.addRecentDocument(recent);
    await this.refreshMenu();
    await this.loadApp();
    // Already closed when the new server took over the same folder (startServingOn).
    if (previous && resolve(previous.workspace) !== resolve(next.workspace)) await previous.server.close();
  }

  private async onSecondInstance(argv: string[], workingDirectory: string): Promise<void> {
    const window = this.window;
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    const launch = parseLaunchArgs(argv, { defaultApp: this.options.defaultApp, cwd: workingDirectory });
    if (launch.workspace && launch.workspace !== this.serving?.workspace) await this.openWorkspace(launch.workspace);
  }

  /**
   * A clean shutdown: the first quit is held until the server has stopped, which lets running
   * runs reach their next checkpoint and pending checkpoint writes reach the disk; a server that
   * hangs is given `shutdownTimeoutMs`, then the app quits anyway.
   */
  private onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.quitState === "closed" || !this.serving) return;
    event.preventDefault();
    if (this.quitState === "closing") return;
    this.quitState = "closing";
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.options.shutdownTimeoutMs ?? 10_000).unref?.());
    void Promise.race([this.serving.server.close(), timeout])
      .catch((error: unknown) => this.log(`server did not close cleanly: ${String(error)}`))
      .finally(() => {
        this.quitState = "closed";
        this.options.electron.app.quit();
      });
  }

  private sendMenuCommand(command: MenuCommand): void {
    this.window?.webContents.send(DESKTOP_CHANNELS.menuCommand, command);
  }

  private async refreshMenu(): Promise<void> {
    const { Menu } = this.options.electron;
    const template = buildMenuTemplate(
      { platform: this.options.platform, isDevelopment: this.options.isDevelopment, recentWorkspaces: await this.recents.list(), appName: "Switchyard", enabled: this.menuEnabled },
      this.menuActions(),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private menuActions(): MenuActions {
    const { app, shell } = this.options.electron;
    return {
      send: (command) => this.sendMenuCommand(command),
      openWorkspaceFolder: () => void this.desktopActions().openWorkspaceFolder(),
      openLangGraphProject: () => void this.desktopActions().openLangGraphProject(),
      openRecentWorkspace: (path) => void this.openWorkspace(path),
      clearRecentWorkspaces: () => void this.recents.clear().then(() => app.clearRecentDocuments()).then(() => this.refreshMenu()),
      toggleDevTools: () => {
        if (this.options.isDevelopment) this.window?.webContents.toggleDevTools();
      },
      openExternal: (url) => {
        if (isSafeExternalUrl(url)) void shell.openExternal(url);
      },
    };
  }

  private desktopActions(): DesktopActions {
    const { dialog } = this.options.electron;
    const workspace = () => this.serving?.workspace ?? this.options.cwd;
    return {
      openWorkspaceFolder: async () => {
        const path = await chooseWorkspaceFolder(dialog, this.window, workspace());
        return path && (await this.openWorkspace(path)) ? path : null;
      },
      openLangGraphProject: async () => {
        const path = await chooseProjectConfig(dialog, this.window, workspace());
        return path && (await this.openProject(path)) ? path : null;
      },
      openRecentWorkspace: async (path) => (await this.recents.includes(path)) && this.openWorkspace(path),
      recentWorkspaces: () => this.recents.list(),
      openGraphFile: () => openGraphFileDialog(dialog, this.window, workspace()),
      saveGraphFileAs: (request) => saveGraphFileDialog(dialog, this.window, workspace(), request),
      allowDeploymentOrigin: async (origin) => {
        if (!this.deploymentOrigins.has(origin)) {
          if (this.deploymentOrigins.size >= MAX_DEPLOYMENT_ORIGINS) this.deploymentOrigins.delete(this.deploymentOrigins.values().next().value!);
          this.deploymentOrigins.add(origin);
          this.log(`window may now connect to ${origin}`);
        }
        return { origin, reloadRequired: !this.documentOrigins.has(origin) };
      },
      setMenuState: async (enabled) => {
        this.menuEnabled = enabled;
        await this.refreshMenu();
      },
      appInfo: async () => ({
        version: this.options.electron.app.getVersion(),
        platform: this.options.platform,
        workspace: workspace(),
        ...(this.serving?.graph ? { graph: this.serving.graph } : {}),
      }),
    };
  }

  private log(message: string): void {
    (this.options.log ?? ((line: string) => console.log(`[switchyard] ${line}`)))(message);
  }
}
