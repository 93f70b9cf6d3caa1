// Checklist 16: every IPC message's sender is validated before the handler acts.
import { DESKTOP_CHANNELS, MAX_GRAPH_FILE_BYTES } from "../../../shared/desktop-bridge";
import { InvalidIpcArgumentError, isTrustedSender, registerDesktopIpc, UntrustedIpcSenderError, type DesktopActions } from "../../../main/electron/ipc";
import { FakeIpcMain, FakeWebContents, ipcEventFrom } from "./fake-electron";

const origin = "http://127.0.0.1:53124";
const window = new FakeWebContents();
const trusted = { origin: () => origin, webContentsId: () => window.id };

describe("isTrustedSender", () => {
  it("accepts the main frame of our window on the app's origin", () => {
    expect(isTrustedSender(ipcEventFrom(window, `${origin}/#/graph/agent`), trusted)).toBe(true);
  });

  it.each([
    ["another origin (after a navigation)", ipcEventFrom(window, "https://evil.example/")],
    ["another port on 127.0.0.1", ipcEventFrom(window, "http://127.0.0.1:9999/")],
    ["a sub-frame, even of our origin", ipcEventFrom(window, `${origin}/`, { subFrame: true })],
    ["a frame that is gone (senderFrame null)", ipcEventFrom(window, `${origin}/`, { detached: true })],
    ["another webContents on our origin", ipcEventFrom(new FakeWebContents(), `${origin}/`)],
    ["a file:// page", ipcEventFrom(window, "file:///tmp/x.html")],
  ])("refuses %s", (_name, event) => {
    expect(isTrustedSender(event, trusted)).toBe(false);
  });

  it("refuses everything before the server has an origin", () => {
    expect(isTrustedSender(ipcEventFrom(window, `${origin}/`), { origin: () => undefined, webContentsId: () => window.id })).toBe(false);
  });
});

function setUp() {
  const ipcMain = new FakeIpcMain();
  const calls: unknown[][] = [];
  const record = (name: string, result: unknown) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    return result;
  };
  const actions: DesktopActions = {
    openWorkspaceFolder: record("openWorkspaceFolder", "/ws") as DesktopActions["openWorkspaceFolder"],
    openLangGraphProject: record("openLangGraphProject", "/p/langgraph.json") as DesktopActions["openLangGraphProject"],
    openRecentWorkspace: record("openRecentWorkspace", true) as DesktopActions["openRecentWorkspace"],
    recentWorkspaces: record("recentWorkspaces", ["/ws"]) as DesktopActions["recentWorkspaces"],
    openGraphFile: record("openGraphFile", null) as DesktopActions["openGraphFile"],
    saveGraphFileAs: record("saveGraphFileAs", "/ws/a.graph.json") as DesktopActions["saveGraphFileAs"],
    appInfo: record("appInfo", { version: "0.1.0", platform: "linux", workspace: "/ws" }) as DesktopActions["appInfo"],
    allowDeploymentOrigin: (async (origin: string) => {
      calls.push(["allowDeploymentOrigin", origin]);
      return { origin, reloadRequired: true };
    }) as DesktopActions["allowDeploymentOrigin"],
    setMenuState: record("setMenuState", undefined) as DesktopActions["setMenuState"],
  };
  const refused: Error[] = [];
  const unregister = registerDesktopIpc(ipcMain, actions, trusted, (error) => refused.push(error));
  return { ipcMain, calls, refused, unregister };
}

describe("registerDesktopIpc", () => {
  it("registers exactly one handler per bridge function, no generic channel", () => {
    const { ipcMain } = setUp();
    const invokeChannels = Object.entries(DESKTOP_CHANNELS).filter(([name]) => name !== "menuCommand").map(([, channel]) => channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(invokeChannels.sort());
  });

  it("runs the action for a trusted sender", async () => {
    const { ipcMain, calls } = setUp();
    const good = ipcEventFrom(window, `${origin}/`);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.recentWorkspaces, good)).resolves.toEqual(["/ws"]);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.openRecentWorkspace, good, "/ws")).resolves.toBe(true);
    expect(calls).toEqual([["recentWorkspaces"], ["openRecentWorkspace", "/ws"]]);
  });

  it.each(Object.values(DESKTOP_CHANNELS).filter((channel) => channel !== DESKTOP_CHANNELS.menuCommand))(
    "%s: an untrusted sender is refused before the action runs",
    async (channel) => {
      const { ipcMain, calls, refused } = setUp();
      const bad = ipcEventFrom(window, "https://evil.example/");
      await expect(ipcMain.invoke(channel, bad, "/ws")).rejects.toThrow(UntrustedIpcSenderError);
      expect(calls).toEqual([]);
      expect(refused).toHaveLength(1);
    },
  );

  it("validates arguments: paths, file names, sizes", async () => {
    const { ipcMain, calls } = setUp();
    const good = ipcEventFrom(window, `${origin}/`);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.openRecentWorkspace, good, 42)).rejects.toThrow(InvalidIpcArgumentError);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.saveGraphFileAs, good, { suggestedName: "../../.bashrc", text: "x" })).rejects.toThrow(/plain file name/);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.saveGraphFileAs, good, { suggestedName: "a.graph.json", text: 7 })).rejects.toThrow(/text must be a string/);
    const huge = "x".repeat(MAX_GRAPH_FILE_BYTES + 1);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.saveGraphFileAs, good, { suggestedName: "a.graph.json", text: huge })).rejects.toThrow(/larger than/);
    await expect(ipcMain.invoke(DESKTOP_CHANNELS.saveGraphFileAs, good, { suggestedName: "a.graph.json", text: "{}" })).resolves.toBe("/ws/a.graph.json");
    expect(calls).toEqual([["saveGraphFileAs", { suggestedName: "a.graph.json", text: "{}" }]]);
  });

  it("setMenuState passes on known menu commands with boolean values only", async () => {
    const { ipcMain, calls } = setUp();
    const good = ipcEventFrom(window, `${origin}/`);
    const send = (value: unknown) => ipcMain.invoke(DESKTOP_CHANNELS.setMenuState, good, value);
    await expect(send({ "file.save": false, "run.run": true })).resolves.toBeUndefined();
    await expect(send({ "file.delete-everything": true })).rejects.toThrow(/not a menu command/);
    await expect(send({ "file.save": "yes" })).rejects.toThrow(/not a menu command with a boolean/);
    await expect(send(["file.save"])).rejects.toThrow(InvalidIpcArgumentError);
    await expect(send(null)).rejects.toThrow(InvalidIpcArgumentError);
    expect(calls).toEqual([["setMenuState", { "file.save": false, "run.run": true }]]);
  });

  it("allowDeploymentOrigin passes on an exact http(s) origin only", async () => {
    const { ipcMain, calls, refused } = setUp();
    const good = ipcEventFrom(window, `${origin}/`);
    const allow = (value: unknown) => ipcMain.invoke(DESKTOP_CHANNELS.allowDeploymentOrigin, good, value);
    await expect(allow("https://agents.example.com")).resolves.toEqual({ origin: "https://agents.example.com", reloadRequired: true });
    await expect(allow("http://127.0.0.1:2024/")).resolves.toEqual({ origin: "http://127.0.0.1:2024", reloadRequired: true });
    for (const bad of [
      "file:///etc/passwd",
      "ws://agents.example.com",
      "javascript:alert(1)",
      "data:text/plain,x",
      "https://user:pass@agents.example.com",
      "https://token@agents.example.com",
      "https://agents.example.com/api",
      "https://agents.example.com/?x=1",
      "https://agents.example.com/#x",
      "https://*.example.com",
      "https://a.example.com https://b.example.com",
      "'self'",
      "",
      42,
      undefined,
    ]) {
      await expect(allow(bad), String(bad)).rejects.toThrow(InvalidIpcArgumentError);
    }
    expect(calls).toEqual([
      ["allowDeploymentOrigin", "https://agents.example.com"],
      ["allowDeploymentOrigin", "http://127.0.0.1:2024"],
    ]);
    expect(refused.length).toBe(15);
  });

  it("drops arguments the function does not take", async () => {
    const { ipcMain, calls } = setUp();
    await ipcMain.invoke(DESKTOP_CHANNELS.openWorkspaceFolder, ipcEventFrom(window, `${origin}/`), "/etc", { evil: true });
    expect(calls).toEqual([["openWorkspaceFolder"]]);
  });

  it("unregisters every handler", () => {
    const { ipcMain, unregister } = setUp();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
