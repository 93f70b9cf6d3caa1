// The shell's start-up, in-process with Electron faked: the server it starts (workspace, host,
// port, token), the window it opens on that server, and what happens on quit and relaunch.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DESKTOP_CHANNELS } from "../../../shared/desktop-bridge";
import type { ApiServerOptions } from "../../../main/electron/api-server";
import { APP_PARTITION } from "../../../main/electron/security";
import { DesktopShell, newServerToken } from "../../../main/electron/shell";
import { fakeElectron, FakeBrowserWindow, fakeEvent, ipcEventFrom } from "./fake-electron";

const root = new URL("../../../", import.meta.url).pathname;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-shell-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function workspace(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "agent.graph.json"), "{}\n");
  return path;
}

function setUp(argv: string[] = ["/opt/Switchyard/switchyard-desktop"], options: { failOn?: string; failOnProject?: boolean } = {}) {
  const electron = fakeElectron(join(dir, "userData"));
  mkdirSync(join(dir, "userData"), { recursive: true });
  const started: (ApiServerOptions & { closed: boolean })[] = [];
  let nextPort = 50000;
  const shell = new DesktopShell({
    electron,
    startApiServer: async (serverOptions) => {
      if (options.failOn && serverOptions.workspace.endsWith(options.failOn)) throw new Error("the workspace is locked by another process");
      if (options.failOnProject && serverOptions.projectConfig) throw new Error("the project's env file cannot be read");
      const record = { ...serverOptions, closed: false };
      started.push(record);
      return {
        url: `http://127.0.0.1:${nextPort++}`,
        close: async () => {
          record.closed = true;
        },
      };
    },
    paths: {
      preload: "/app/out/electron/preload.cjs",
      rendererDir: "/app/out/renderer",
      bundledExample: join(root, "examples/weather-agent"),
      dataDir: join(dir, "data"),
    },
    argv,
    defaultApp: false,
    cwd: dir,
    platform: "linux",
    isDevelopment: false,
    log: () => {},
  });
  return { electron, shell, started };
}

describe("desktop shell start-up", () => {
  it("starts the server on 127.0.0.1, port 0, a fresh random token and the workspace from argv", async () => {
    const ws = workspace("mine");
    const { shell, started } = setUp(["/opt/Switchyard/switchyard-desktop", "--workspace", ws]);
    expect(shell.prepare()).toBe(true);
    await shell.start();
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ workspace: ws, host: "127.0.0.1", port: 0, rendererDir: "/app/out/renderer" });
    expect(started[0].token).toMatch(/^[\w-]{43}$/);
    expect(newServerToken()).not.toBe(newServerToken());
  });

  it("opens one secure window on the server's origin, with the token only in the main process", async () => {
    const { electron, shell, started } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    const [window] = FakeBrowserWindow.instances;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.loadedUrls).toEqual(["http://127.0.0.1:50000/"]);
    expect(window.loadedUrls[0]).not.toContain(started[0].token);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: APP_PARTITION });
    expect(window.options.webPreferences.preload).toBe("/app/out/electron/preload.cjs");
    const session = electron.sessions.get(APP_PARTITION)!;
    expect(session.requestHeaders("http://127.0.0.1:50000/threads")).toMatchObject({ Authorization: `Bearer ${started[0].token}` });
    expect(session.requestHeaders("http://127.0.0.1:50001/threads")).not.toHaveProperty("Authorization");
    expect(window.webContents.count("will-navigate")).toBe(1);
    expect(window.webContents.windowOpenHandler).toBeDefined();
  });

  it("sandboxes every renderer and holds the single-instance lock before ready", () => {
    const { electron, shell } = setUp();
    shell.prepare();
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.app.count("second-instance")).toBe(1);
    expect(electron.app.count("web-contents-created")).toBe(1);
  });

  it("quits at once when another instance holds the lock", () => {
    const { electron, shell } = setUp();
    electron.app.singleInstanceLock = false;
    expect(shell.prepare()).toBe(false);
    expect(electron.app.quitCalls).toBe(1);
  });

  it("without a workspace, serves a copy of the bundled example in the data folder", async () => {
    const { shell, started } = setUp();
    shell.prepare();
    await shell.start();
    const example = join(dir, "data/examples/weather-agent");
    expect(started[0].workspace).toBe(example);
    expect(existsSync(join(example, "agent.graph.json"))).toBe(true);
  });

  it("reopens the most recent workspace next time", async () => {
    const ws = workspace("recent");
    const first = setUp(["/x", ws]);
    first.shell.prepare();
    await first.shell.start();
    const second = setUp();
    second.shell.prepare();
    await second.shell.start();
    expect(second.started[0].workspace).toBe(ws);
    expect(JSON.parse(readFileSync(join(dir, "userData/recent-workspaces.json"), "utf8"))).toEqual([ws]);
  });

  it("fails clearly on a workspace that is not a folder", async () => {
    const { shell } = setUp(["/x", "--workspace", join(dir, "missing")]);
    shell.prepare();
    await expect(shell.start()).rejects.toThrow(/is not a folder/);
  });

  it("installs the menu and the IPC handlers, trusting only its own window", async () => {
    const { electron, shell } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    expect(electron.menus).toHaveLength(1);
    const [window] = FakeBrowserWindow.instances;
    const info = await electron.ipc.invoke(DESKTOP_CHANNELS.appInfo, ipcEventFrom(window.webContents, "http://127.0.0.1:50000/"));
    expect(info).toMatchObject({ version: "0.1.0", workspace: join(dir, "a") });
    await expect(electron.ipc.invoke(DESKTOP_CHANNELS.appInfo, ipcEventFrom(window.webContents, "http://127.0.0.1:50001/"))).rejects.toThrow(/refused/);
  });

  it("allowDeploymentOrigin widens the window's connect-src to that origin, and says when the page must reload", async () => {
    const { electron, shell } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    const [window] = FakeBrowserWindow.instances;
    const session = electron.sessions.get(APP_PARTITION)!;
    const page = () => String((session.responseHeaders("http://127.0.0.1:50000/", {}, "mainFrame") as Record<string, string[]>)["Content-Security-Policy"][0]);
    const connectSrc = (policy: string) => policy.split("; ").find((part) => part.startsWith("connect-src "));
    expect(connectSrc(page())).toBe("connect-src 'self'");

    const own = ipcEventFrom(window.webContents, "http://127.0.0.1:50000/");
    const allow = (origin: string, event = own) => electron.ipc.invoke(DESKTOP_CHANNELS.allowDeploymentOrigin, event, origin);
    await expect(allow("https://agents.example.com")).resolves.toEqual({ origin: "https://agents.example.com", reloadRequired: true });
    // The page on screen keeps its policy; the reloaded page gets the origin.
    expect(connectSrc(page())).toBe("connect-src 'self' https://agents.example.com");
    await expect(allow("https://agents.example.com/")).resolves.toEqual({ origin: "https://agents.example.com", reloadRequired: false });

    await expect(allow("file:///etc/passwd")).rejects.toThrow(/only http: and https:/);
    await expect(allow("https://u:p@evil.example")).rejects.toThrow(/user name or password/);
    await expect(allow("https://evil.example", ipcEventFrom(window.webContents, "https://evil.example/"))).rejects.toThrow(/refused/);
    await expect(allow("https://evil.example", ipcEventFrom(window.webContents, "http://127.0.0.1:50000/", { subFrame: true }))).rejects.toThrow(/refused/);
    expect(connectSrc(page())).toBe("connect-src 'self' https://agents.example.com");
  });

  describe("Open LangGraph Project...", () => {
    function project(name: string, graphs: Record<string, string>): string {
      const folder = workspace(name);
      writeFileSync(join(folder, "langgraph.json"), JSON.stringify({ graphs }));
      return join(folder, "langgraph.json");
    }

    it("asks for a langgraph.json, then serves it like `serve --config` and remembers it", async () => {
      const a = workspace("a");
      const config = project("proj", { agent: "./agent.js:graph" });
      const { electron, shell, started } = setUp(["/x", a]);
      shell.prepare();
      await shell.start();
      const [window] = FakeBrowserWindow.instances;
      electron.dialogs.openPaths.push([config]);
      const own = ipcEventFrom(window.webContents, "http://127.0.0.1:50000/");
      await expect(electron.ipc.invoke(DESKTOP_CHANNELS.openLangGraphProject, own)).resolves.toBe(config);
      expect(electron.dialogs.openOptions.at(-1)).toMatchObject({ properties: ["openFile"], filters: [{ extensions: ["json"] }, { extensions: ["*"] }] });
      expect(started[1]).toMatchObject({ workspace: join(dir, "proj"), projectConfig: config, host: "127.0.0.1", port: 0 });
      expect(started[0].closed).toBe(true);
      expect(window.loadedUrls.at(-1)).toBe("http://127.0.0.1:50001/");
      expect(window.title).toBe(`Switchyard - ${config}`);
      expect(electron.dialogs.errors).toEqual([]);
      await expect(electron.ipc.invoke(DESKTOP_CHANNELS.recentWorkspaces, ipcEventFrom(window.webContents, "http://127.0.0.1:50001/"))).resolves.toEqual([config, a]);
      const recentItems = JSON.stringify(electron.menus.at(-1));
      expect(recentItems).toContain(config);
      // Re-opening it from the recent list is a no-op while it is open; the folder reopens as a workspace.
      await expect(shell.openWorkspace(config)).resolves.toBe(true);
      expect(started).toHaveLength(2);
    });

    it("cancelling the dialog changes nothing", async () => {
      const { electron, shell, started } = setUp(["/x", workspace("a")]);
      shell.prepare();
      await shell.start();
      const [window] = FakeBrowserWindow.instances;
      await expect(electron.ipc.invoke(DESKTOP_CHANNELS.openLangGraphProject, ipcEventFrom(window.webContents, "http://127.0.0.1:50000/"))).resolves.toBeNull();
      expect(started).toHaveLength(1);
    });

    it.each([
      ["not JSON", "{ nope"],
      ["no graphs", JSON.stringify({ dependencies: ["."] })],
    ])("a bad file (%s) is an error dialog and the current workspace stays", async (_name, text) => {
      const a = workspace("a");
      const bad = join(workspace("bad"), "langgraph.json");
      writeFileSync(bad, text);
      const { electron, shell, started } = setUp(["/x", a]);
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(bad)).resolves.toBe(false);
      expect(electron.dialogs.errors).toHaveLength(1);
      expect(electron.dialogs.errors[0]).toMatch(/^Cannot open LangGraph project: .*langgraph\.json/);
      expect(started).toHaveLength(1);
      expect(started[0].closed).toBe(false);
      expect(shell.serving?.workspace).toBe(a);
    });

    it("a missing file is an error dialog too", async () => {
      const { electron, shell, started } = setUp(["/x", workspace("a")]);
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(join(dir, "nowhere", "langgraph.json"))).resolves.toBe(false);
      expect(electron.dialogs.errors[0]).toMatch(/^Cannot open LangGraph project/);
      expect(started).toHaveLength(1);
    });

    it("a server that cannot start the project keeps the current workspace", async () => {
      const a = workspace("a");
      const config = project("proj-locked", { agent: "./agent.js:graph" });
      const { electron, shell, started } = setUp(["/x", a], { failOn: "proj-locked" });
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(config)).resolves.toBe(false);
      expect(electron.dialogs.errors[0]).toMatch(/locked by another process/);
      expect(started[0].closed).toBe(false);
      expect(shell.serving?.workspace).toBe(a);
    });

    it("the packaged app refuses TypeScript projects with what to run instead", async () => {
      const a = workspace("a");
      const config = project("ts", { agent: "./src/agent.ts:graph" });
      const { electron, shell, started } = setUp(["/x", a]);
      electron.app.isPackaged = true;
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(config)).resolves.toBe(false);
      expect(electron.dialogs.errors[0]).toContain("This build can open JavaScript projects; for TypeScript run `npx switchyard serve --config");
      expect(started).toHaveLength(1);
    });

    it("when the project in the folder already served fails to start, that folder is served again", async () => {
      const config = project("same2", { agent: "./agent.js:graph" });
      const folder = join(dir, "same2");
      const { electron, shell, started } = setUp(["/x", folder], { failOnProject: true });
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(config)).resolves.toBe(false);
      expect(electron.dialogs.errors[0]).toMatch(/env file cannot be read/);
      expect(started.map((server) => [server.workspace, server.projectConfig, server.closed])).toEqual([
        [folder, undefined, true],
        [folder, undefined, false],
      ]);
      expect(shell.serving?.workspace).toBe(folder);
      expect(FakeBrowserWindow.instances[0].loadedUrls.at(-1)).toBe("http://127.0.0.1:50001/");
    });

    it("the project in the folder already served replaces that server (one lock per folder)", async () => {
      const config = project("same", { agent: "./agent.js:graph" });
      const folder = join(dir, "same");
      const { shell, started } = setUp(["/x", folder]);
      shell.prepare();
      await shell.start();
      await expect(shell.openProject(config)).resolves.toBe(true);
      expect(started.map((server) => [server.workspace, server.projectConfig])).toEqual([[folder, undefined], [folder, config]]);
      expect(started[0].closed).toBe(true);
      expect(started[1].closed).toBe(false);
      await expect(shell.openWorkspace(folder)).resolves.toBe(true);
      expect(started).toHaveLength(3);
      expect(started[1].closed).toBe(true);
      expect(shell.serving?.projectConfig).toBeUndefined();
    });
  });

  it("a second launch focuses the window and opens its workspace on a new server", async () => {
    const a = workspace("a");
    const b = workspace("b");
    const { electron, shell, started } = setUp(["/x", a]);
    shell.prepare();
    await shell.start();
    const [window] = FakeBrowserWindow.instances;
    window.minimized = true;
    electron.app.emit("second-instance", fakeEvent(), ["/x", b], dir, {});
    await vi.waitFor(() => expect(started[0].closed).toBe(true));
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(started.map((server) => server.workspace)).toEqual([a, b]);
    expect(started[1].token).not.toBe(started[0].token);
    expect(window.loadedUrls).toEqual(["http://127.0.0.1:50000/", "http://127.0.0.1:50001/"]);
    const session = electron.sessions.get(APP_PARTITION)!;
    expect(session.requestHeaders("http://127.0.0.1:50001/ok")).toMatchObject({ Authorization: `Bearer ${started[1].token}` });
    expect(session.requestHeaders("http://127.0.0.1:50000/ok")).not.toHaveProperty("Authorization");
  });

  it("keeps the current workspace when the new one cannot be served", async () => {
    const { electron, shell, started } = setUp(["/x", workspace("a")], { failOn: "locked" });
    shell.prepare();
    await shell.start();
    expect(await shell.openWorkspace(workspace("locked"))).toBe(false);
    expect(electron.dialogs.errors).toEqual([expect.stringContaining("locked by another process")]);
    expect(started[0].closed).toBe(false);
    expect(shell.serving?.workspace).toBe(join(dir, "a"));
  });

  it("opening the workspace already open keeps its server", async () => {
    const a = workspace("a");
    const { shell, started } = setUp(["/x", a]);
    shell.prepare();
    await shell.start();
    expect(await shell.openWorkspace(a)).toBe(true);
    expect(started).toHaveLength(1);
  });

  it("on quit, waits for the server to close (checkpoint writes finish) before quitting", async () => {
    const { electron, shell, started } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    const quit = fakeEvent();
    electron.app.emit("before-quit", quit);
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(1));
    expect(started[0].closed).toBe(true);
    const again = fakeEvent();
    electron.app.emit("before-quit", again);
    expect(again.defaultPrevented).toBe(false);
  });

  it("menu commands reach the window as named commands", async () => {
    const { electron, shell } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    const run = electron.menus[0].find((menu) => menu.label === "&Run")!;
    const continueItem = (run.submenu as { label?: string; click?: () => void }[]).find((item) => item.label === "Continue")!;
    continueItem.click!();
    expect(FakeBrowserWindow.instances[0].webContents.sent).toEqual([[DESKTOP_CHANNELS.menuCommand, "run.continue"]]);
  });

  it("rebuilds the menu with the enabled state the window sends", async () => {
    const { electron, shell } = setUp(["/x", workspace("a")]);
    shell.prepare();
    await shell.start();
    const own = ipcEventFrom(FakeBrowserWindow.instances[0].webContents, "http://127.0.0.1:50000/");
    await electron.ipc.invoke(DESKTOP_CHANNELS.setMenuState, own, { "run.continue": false });
    const run = electron.menus.at(-1)!.find((menu) => menu.label === "&Run")!;
    const item = (label: string) => (run.submenu as { label?: string; enabled?: boolean }[]).find((candidate) => candidate.label === label)!;
    expect(item("Continue").enabled).toBe(false);
    expect(item("Step").enabled).toBe(true);
  });
});
