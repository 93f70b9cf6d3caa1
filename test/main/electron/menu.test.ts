import type { MenuItemConstructorOptions } from "electron";
import { COMMAND_TABLE, type CommandInfo } from "../../../shared/command-table";
import { isMenuCommand, MENU_COMMANDS } from "../../../shared/desktop-bridge";
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
    ["Redo", "CmdOrCtrl+Shift+Z"],
    ["Select All", "CmdOrCtrl+A"],
    ["Zoom In", "CmdOrCtrl+="],
    ["Zoom Out", "CmdOrCtrl+-"],
    ["Fit View", "F"],
    ["Toggle Theme", "Shift+T"],
    ["Command Palette...", "CmdOrCtrl+Shift+P"],
    ["Run", "CmdOrCtrl+Enter"],
    ["Continue", "F8"],
    ["Step", "F10"],
    ["Cancel Run", "Shift+F5"],
    ["Toggle Pause Before", "F9"],
    ["Keyboard Shortcuts", "F1"],
  ])("%s has accelerator %s (the app's own shortcut)", (label, accelerator) => {
    expect(find(build().template, label)?.accelerator).toBe(accelerator);
  });

  it("shows every menu command of the shared table once, with the table's first key", () => {
    const template = build().template;
    const ids = items(template).map((item) => item.id).filter(Boolean);
    expect([...ids].sort()).toEqual([...MENU_COMMANDS].sort());
    for (const command of COMMAND_TABLE as readonly CommandInfo[]) {
      if (!command.menu) continue;
      const item = items(template).find((candidate) => candidate.id === command.id)!;
      expect(item.accelerator, command.id).toBe(command.keys[0]);
    }
  });

  it("leaves keys to the page (one press, one command), except macOS's text-editing key equivalents", () => {
    const linux = items(build().template).filter((item) => item.id && item.accelerator);
    expect(linux.every((item) => item.registerAccelerator === false)).toBe(true);
    const mac = items(build({ platform: "darwin" }).template).filter((item) => item.id && item.registerAccelerator !== false && item.accelerator);
    expect(mac.map((item) => item.id).sort()).toEqual(["edit.redo", "edit.select-all", "edit.undo"]);
  });

  it("greys out what the renderer says cannot run", () => {
    const template = build({ enabled: { "file.save": false, "run.continue": false, "run.run": true } }).template;
    expect(find(template, "Save")?.enabled).toBe(false);
    expect(find(template, "Continue")?.enabled).toBe(false);
    expect(find(template, "Run")?.enabled).toBe(true);
    expect(find(template, "Step")?.enabled).toBe(true);
  });

  it("About is in Help elsewhere and in the app menu on macOS, sent to the window", () => {
    const linux = build();
    (find(linux.template, "About Switchyard")!.click as () => void)();
    expect(linux.sent).toEqual(["help.about"]);
    const mac = build({ platform: "darwin" });
    const appMenu = mac.template[0].submenu as MenuItemConstructorOptions[];
    expect(appMenu[0]).toMatchObject({ id: "help.about", label: "About Switchyard" });
    expect(items(mac.template).filter((item) => item.id === "help.about")).toHaveLength(1);
  });

  it("uses the native clipboard roles (the DOM clipboard events of web mode)", () => {
    const roles = items(build().template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(["cut", "copy", "paste", "quit"]));
  });

  it("sends app commands to the window by name, all of them known to the bridge", () => {
    const { template, sent } = build();
    for (const item of items(template)) if (item.click && !item.submenu) (item.click as () => void)();
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
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
    expect(find(template, "Redo")?.accelerator).toBe("CmdOrCtrl+Shift+Z");
    expect(template.some((menu) => menu.role === "windowMenu")).toBe(true);
  });
});
