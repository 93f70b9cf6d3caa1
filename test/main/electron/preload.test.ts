// Checklist 19 and STYLE.md: the preload is a narrow, typed door. It exposes named functions
// only, never ipcRenderer, and never hands the page an IPC event.
import { DESKTOP_BRIDGE_GLOBAL, DESKTOP_CHANNELS, type DesktopBridge } from "../../../shared/desktop-bridge";

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const listeners = new Map<string, ((...args: unknown[]) => void)[]>();

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return "result";
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.set(channel, (listeners.get(channel) ?? []).filter((entry) => entry !== listener)),
  },
}));

await import("../../../main/electron/preload");
const bridge = exposed.get(DESKTOP_BRIDGE_GLOBAL) as DesktopBridge;

describe("preload bridge", () => {
  it("exposes one global with the bridge's named functions and nothing else", () => {
    expect([...exposed.keys()]).toEqual([DESKTOP_BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(
      ["allowDeploymentOrigin", "appInfo", "onMenuCommand", "openGraphFile", "openLangGraphProject", "openRecentWorkspace", "openWorkspaceFolder", "recentWorkspaces", "saveGraphFileAs", "setMenuState"].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe("function");
  });

  it("maps each function to its own channel and passes only plain values", async () => {
    invoked.length = 0;
    await bridge.openWorkspaceFolder();
    await bridge.openRecentWorkspace("/ws");
    await bridge.saveGraphFileAs({ suggestedName: "a.graph.json", text: "{}", extra: "dropped" } as never);
    await bridge.allowDeploymentOrigin("https://agents.example.com");
    await bridge.setMenuState({ "file.save": false });
    expect(invoked).toEqual([
      [DESKTOP_CHANNELS.openWorkspaceFolder],
      [DESKTOP_CHANNELS.openRecentWorkspace, "/ws"],
      [DESKTOP_CHANNELS.saveGraphFileAs, { suggestedName: "a.graph.json", text: "{}" }],
      [DESKTOP_CHANNELS.allowDeploymentOrigin, "https://agents.example.com"],
      [DESKTOP_CHANNELS.setMenuState, { "file.save": false }],
    ]);
  });

  it("forwards known menu commands without the IPC event, and unsubscribes", () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args) => received.push(args));
    const emit = (command: unknown) => listeners.get(DESKTOP_CHANNELS.menuCommand)!.forEach((listener) => listener({ sender: "ipcRenderer!" }, command));
    emit("run.continue");
    emit("not-a-command");
    expect(received).toEqual([["run.continue"]]);
    unsubscribe();
    expect(listeners.get(DESKTOP_CHANNELS.menuCommand)).toEqual([]);
  });
});
