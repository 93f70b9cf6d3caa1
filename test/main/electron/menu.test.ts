import type { MenuItemConstructorOptions } from "electron";
import { isMenuCommand } from "../../../shared/desktop-bridge";
import { buildMenuTemplate, type MenuActions } from "../../../main/electron/menu";

function build(options: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const sent: string[] = [];
  const calls: string[] = [];
  const actions: MenuActions = {
    send: (command) => sent.push(command),
    openWorkspaceFolder: () => calls.push("openWorkspaceFolder"),
    openLangGraphProject: () => calls.push("openLangGraphProject"),
    openRecentWorkspace: (path) => calls.push(`openRecent ${path}`),
    clearRecentWorkspaces: () => calls.push("clearRecent"),
    toggleDevTools: () => calls.push("toggleDevTools"),
    openExternal: (url) => calls.push(`open ${url}`),
    showAbout: () => calls.push("about"),
  };
  const template = buildMenuTemplate({ platform: "linux", isDevelopment: false, recentWorkspaces: [], appName: "Switchyard", ...options }, actions);
  return { template, sent, calls };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const find = (template: MenuItemConstructorOptions[], label: string) => items(template).find((item) => item.label === label);

describe("native menu", () => {
  it("File > Open LangGraph Project... asks the shell to open a project", () => {
    const { template, calls } = build();
    const item = find(template, "Open LangGraph Project...")!;
    (item.click as () => void)();
    expect(calls).toEqual(["openLangGraphProject"]);
  });

  it("has File, Edit, View, Run and Help", () => {
    expect(build().template.map((menu) => menu.label ?? menu.role)).toEqual(["&File", "&Edit", "&View", "&Run", "help"]);
  });

  it.each([
    ["New Graph", "CmdOrCtrl+N"],
    ["Open Workspace...", "CmdOrCtrl+O"],
    ["Open LangGraph Project...", "CmdOrCtrl+Shift+O"],
    ["Save", "CmdOrCtrl+S"],
    ["Close Graph", "CmdOrCtrl+W"],
    ["Undo", "CmdOrCtrl+Z"],
    ["Redo", "Ctrl+Y"],
    ["Select All", "CmdOrCtrl+A"],
    ["Zoom In", "CmdOrCtrl+="],
    ["Zoom Out", "CmdOrCtrl+-"],
    ["Fit View", "Shift+1"],
    ["Toggle Theme", "CmdOrCtrl+Shift+T"],
    ["Run", "F5"],
    ["Continue", "F8"],
    ["Step", "F10"],
    ["Cancel Run", "Shift+F5"],
    ["Toggle Breakpoint", "F9"],
  ])("%s has accelerator %s", (label, accelerator) => {
    expect(find(build().template, label)?.accelerator).toBe(accelerator);
  });

  it("uses the native clipboard roles (the DOM clipboard events of web mode)", () => {
    const roles = items(build().template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(["cut", "copy", "paste", "quit"]));
  });

  it("sends app commands to the window by name, all of them known to the bridge", () => {
    const { template, sent } = build();
    for (const item of items(template)) if (item.click && !item.submenu) (item.click as () => void)();
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every(isMenuCommand)).toBe(true);
  });

  it("shows DevTools only in development", () => {
    expect(find(build().template, "Toggle Developer Tools")).toBeUndefined();
    expect(items(build().template).some((item) => item.role === "reload")).toBe(false);
    const development = build({ isDevelopment: true });
    (find(development.template, "Toggle Developer Tools")!.click as () => void)();
    expect(development.calls).toEqual(["toggleDevTools"]);
  });

  it("lists recent workspaces and opens them", () => {
    const { template, calls } = build({ recentWorkspaces: ["/home/me/agents", "/tmp/other"] });
    (find(template, "/home/me/agents")!.click as () => void)();
    (find(template, "Clear Recent")!.click as () => void)();
    expect(calls).toEqual(["openRecent /home/me/agents", "clearRecent"]);
    expect(find(build().template, "No Recent Workspaces")?.enabled).toBe(false);
  });

  it("on macOS has the app menu, Cmd redo and a Window menu", () => {
    const { template } = build({ platform: "darwin" });
    expect(template[0].label).toBe("Switchyard");
    expect(find(template, "Redo")?.accelerator).toBe("Shift+Cmd+Z");
    expect(template.some((menu) => menu.role === "windowMenu")).toBe(true);
  });
});
