// The desktop smoke test: the real Electron app (built out/electron + out/renderer) on a copy of the
// seed workspace, driven by Playwright's `_electron`. Run it with `npm run test:desktop`, which builds
// what is stale and gives it a display (Xvfb). Without an Electron binary, or without a display, it
// skips and says why; the rest of the shell is covered against fakes (test/main/electron/).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { MenuItemConstructorOptions } from "electron";
import { _electron, expect, test, type ElectronApplication, type Page } from "@playwright/test";
import { CONTENT_SECURITY_POLICY } from "../../main/electron/csp";
import { buildMenuTemplate, type MenuActions } from "../../main/electron/menu";
import { findElectronBinary } from "../../scripts/electron-binary.js";

const ROOT = resolve(import.meta.dirname, "../..");
const electronBinary = findElectronBinary();
const hasDisplay = process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

// Only through test:desktop, which builds out/electron first (the web-mode setup builds the renderer only).
test.skip(process.env.SWITCHYARD_DESKTOP_TEST !== "1", "the desktop smoke test runs with `npm run test:desktop`");
test.skip(!electronBinary.path, `no Electron binary: ${electronBinary.reason}`);
test.skip(!hasDisplay, "no display: run it with `npm run test:desktop` (starts Xvfb)");

/** One menu item as far as a template says it: what the native menu built from it must show. */
interface MenuShape {
  label?: string;
  role?: string;
  accelerator?: string;
  separator?: true;
  submenu?: MenuShape[];
}

function templateShape(items: MenuItemConstructorOptions[]): MenuShape[] {
  return items.map((item) => {
    if (item.type === "separator") return { separator: true };
    const shape: MenuShape = {};
    if (item.label !== undefined) shape.label = item.label;
    if (item.role !== undefined) shape.role = item.role.toLowerCase();
    if (item.accelerator !== undefined) shape.accelerator = String(item.accelerator);
    if (Array.isArray(item.submenu)) shape.submenu = templateShape(item.submenu);
    return shape;
  });
}

/** The native menu reduced to the fields the template set (Electron fills in labels for roles). */
function projectOnto(native: MenuShape[], template: MenuShape[]): MenuShape[] {
  return native.map((item, index) => {
    const wanted = template[index] ?? {};
    const shape: MenuShape = {};
    for (const key of Object.keys(wanted) as (keyof MenuShape)[]) {
      if (key === "submenu") shape.submenu = projectOnto(item.submenu ?? [], wanted.submenu ?? []);
      else (shape as Record<string, unknown>)[key] = item[key];
    }
    return shape;
  });
}

/** The path (indexes) of the first template item whose click sends a view.* command, and that command. */
function harmlessMenuCommand(): { path: number[]; command: string } {
  const sent: string[] = [];
  const actions = new Proxy({} as MenuActions, { get: (_target, name) => (name === "send" ? (command: string) => sent.push(command) : () => {}) });
  const template = buildMenuTemplate(menuOptions, actions);
  const search = (list: MenuItemConstructorOptions[], path: number[]): { path: number[]; command: string } | undefined => {
    for (const [index, item] of list.entries()) {
      if (Array.isArray(item.submenu)) {
        const found = search(item.submenu, [...path, index]);
        if (found) return found;
        continue;
      }
      sent.length = 0;
      (item.click as (() => void) | undefined)?.();
      if (sent.length === 1 && sent[0].startsWith("view.")) return { path: [...path, index], command: sent[0] };
    }
    return undefined;
  };
  const found = search(template, []);
  if (!found) throw new Error("the menu template has no item that sends a view.* command to the window");
  return found;
}

let dir: string;
let workspace: string;
let app: ElectronApplication;
let page: Page;
/** Every Authorization header the window's requests carried on the wire (seen through CDP, outside the page). */
const authorizationHeaders = new Set<string>();
let menuOptions: Parameters<typeof buildMenuTemplate>[0];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "switchyard-desktop-"));
  workspace = join(dir, "weather-agent");
  cpSync(join(ROOT, "examples/weather-agent"), workspace, { recursive: true, filter: (path) => !path.includes(".switchyard") });
  // ELECTRON_RUN_AS_NODE inherited from a parent tool would make Electron a plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...electronEnv } = process.env;
  menuOptions = { platform: process.platform, isDevelopment: true, recentWorkspaces: [workspace], appName: "Switchyard" };
  app = await _electron.launch({
    executablePath: electronBinary.path!,
    args: [ROOT, "--workspace", workspace],
    cwd: ROOT,
    // Its own user data (recent workspaces, window state) and example folder, never the developer's.
    env: { ...electronEnv, XDG_CONFIG_HOME: join(dir, "config"), SWITCHYARD_HOME: join(dir, "home") },
  });
  page = await app.firstWindow();
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Network.requestWillBeSentExtraInfo", (event: { headers: Record<string, string> }) => {
    for (const [name, value] of Object.entries(event.headers)) if (name.toLowerCase() === "authorization") authorizationHeaders.add(value);
  });
  await cdp.send("Network.enable");
});

test.afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the window opens on the app the shell's server serves", async () => {
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator('.react-flow__node[data-id="agent"]')).toBeVisible();
  // One window, and it is the page Playwright drives (the page's <title> may replace the shell's).
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.webContents.getURL()));
  expect(windows).toEqual([page.url()]);
});

test("the page has the bridge and nothing of Node or Electron", async () => {
  const globals = await page.evaluate(() => {
    const bridge = (window as unknown as Record<string, Record<string, unknown> | undefined>).switchyardDesktop;
    return {
      bridge: bridge ? Object.keys(bridge).sort() : null,
      allFunctions: bridge ? Object.values(bridge).every((value) => typeof value === "function") : false,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    };
  });
  expect(globals).toEqual({
    bridge: ["allowDeploymentOrigin", "appInfo", "onMenuCommand", "openGraphFile", "openLangGraphProject", "openRecentWorkspace", "openWorkspaceFolder", "recentWorkspaces", "saveGraphFileAs"],
    allFunctions: true,
    require: "undefined",
    process: "undefined",
    ipcRenderer: "undefined",
  });
  const info = await page.evaluate(() => (window as unknown as { switchyardDesktop: { appInfo(): Promise<{ workspace: string }> } }).switchyardDesktop.appInfo());
  expect(info.workspace).toBe(workspace);
});

test("the native menu is the one built from the menu table, and its items reach the window", async () => {
  const noActions = new Proxy({} as MenuActions, { get: () => () => {} });
  const template = buildMenuTemplate(menuOptions, noActions);
  const expected = templateShape(template);
  const native = await app.evaluate(({ Menu }) => {
    type Shape = { label?: string; role?: string; accelerator?: string; separator?: true; submenu?: Shape[] };
    const shape = (menu: Electron.Menu): Shape[] =>
      menu.items.map((item) =>
        item.type === "separator"
          ? { separator: true as const }
          : { label: item.label, role: item.role?.toLowerCase(), accelerator: item.accelerator ?? undefined, submenu: item.submenu ? shape(item.submenu) : undefined },
      );
    const menu = Menu.getApplicationMenu();
    return menu ? shape(menu) : [];
  });
  expect(projectOnto(native, expected)).toEqual(expected);

  const { path, command } = harmlessMenuCommand();
  await page.evaluate(() => {
    const received: string[] = [];
    (window as unknown as { menuCommandsSeen: string[] }).menuCommandsSeen = received;
    (window as unknown as { switchyardDesktop: { onMenuCommand(listener: (command: string) => void): void } }).switchyardDesktop.onMenuCommand((name) => received.push(name));
  });
  await app.evaluate(({ Menu, BrowserWindow }, indexes) => {
    let items = Menu.getApplicationMenu()!.items;
    let item = items[indexes[0]];
    for (const index of indexes.slice(1)) {
      items = item.submenu!.items;
      item = items[index];
    }
    const window = BrowserWindow.getAllWindows()[0];
    item.click(undefined, window, window.webContents);
  }, path);
  await expect.poll(() => page.evaluate(() => (window as unknown as { menuCommandsSeen: string[] }).menuCommandsSeen)).toEqual([command]);
});

test("the page gets the app's Content-Security-Policy header, and the browser enforces it", async () => {
  const header = await page.evaluate(async () => (await fetch("/")).headers.get("content-security-policy"));
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const violation = await page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean }>((done) => {
        document.addEventListener("securitypolicyviolation", (event) => done({ directive: event.effectiveDirective, ran: "inlineRan" in window }), { once: true });
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true";
        document.head.append(script);
      }),
  );
  expect(violation).toEqual({ directive: "script-src-elem", ran: false });
});

test("the server's token is added by the main process and never reaches page scripts", async () => {
  // The page's own requests are authorised without the page ever setting a header...
  const status = await page.evaluate(async () => (await fetch("/assistants/search", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status);
  expect(status).toBe(200);
  // ...a header the page forges is replaced, not forwarded...
  const forged = await page.evaluate(async () => (await fetch("/assistants/search", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer forged" }, body: "{}" })).status);
  expect(forged).toBe(200);
  // ...and the same request from outside the window, without the token, is refused.
  const origin = new URL(page.url()).origin;
  expect((await fetch(`${origin}/assistants/search`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);

  await expect.poll(() => [...authorizationHeaders].filter((value) => /^Bearer [\w-]{43}$/.test(value)).length).toBe(1);
  const [bearer] = [...authorizationHeaders].filter((value) => /^Bearer [\w-]{43}$/.test(value));
  const token = bearer.slice("Bearer ".length);
  expect(authorizationHeaders.has("Bearer forged")).toBe(false);

  const visibleToScripts = await page.evaluate(() => {
    const strings: string[] = [document.documentElement.outerHTML, document.cookie, location.href, window.name, JSON.stringify(performance.getEntries())];
    for (const storage of [localStorage, sessionStorage]) for (let index = 0; index < storage.length; index++) strings.push(storage.key(index)!, storage.getItem(storage.key(index)!) ?? "");
    for (const name of Object.getOwnPropertyNames(window)) {
      try {
        const value = (window as unknown as Record<string, unknown>)[name];
        if (typeof value === "string") strings.push(value);
        else if (value && typeof value === "object" && name !== "window" && name !== "self" && name !== "top" && name !== "parent" && name !== "frames" && name !== "globalThis") strings.push(JSON.stringify(value) ?? "");
      } catch {
        // Not serialisable (DOM objects, cycles): holds no token the page could have been given.
      }
    }
    return strings.join("\n");
  });
  expect(visibleToScripts).not.toContain(token);
});
