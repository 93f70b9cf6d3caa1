import { DESKTOP_BRIDGE_GLOBAL, DESKTOP_CHANNELS, desktopBridge, isMenuCommand, MENU_COMMANDS } from "../../shared/desktop-bridge";

describe("desktop bridge contract", () => {
  it("is absent in web mode and found on the global in the desktop app", () => {
    expect(desktopBridge()).toBeUndefined();
    const bridge = { appInfo: async () => ({ version: "1", platform: "linux", workspace: "/ws" }) };
    (globalThis as Record<string, unknown>)[DESKTOP_BRIDGE_GLOBAL] = bridge;
    try {
      expect(desktopBridge()).toBe(bridge);
    } finally {
      delete (globalThis as Record<string, unknown>)[DESKTOP_BRIDGE_GLOBAL];
    }
  });

  it("knows its menu commands and nothing else", () => {
    expect(MENU_COMMANDS.every(isMenuCommand)).toBe(true);
    expect(isMenuCommand("shell.exec")).toBe(false);
    expect(isMenuCommand(42)).toBe(false);
  });

  it("uses one distinct, namespaced channel per function", () => {
    const channels = Object.values(DESKTOP_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((channel) => channel.startsWith("switchyard:"))).toBe(true);
  });
});
