// The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, against fakes of the Electron objects.
import { readFileSync } from "node:fs";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, parseCsp } from "../../../main/electron/csp";
import {
  APP_PARTITION,
  appOriginOf,
  deploymentOriginOf,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  secureWebPreferences,
  UnsafeDeploymentOriginError,
  UnsafeServerUrlError,
} from "../../../main/electron/security";
import { mainWindowOptions } from "../../../main/electron/window";
import { DEFAULT_WINDOW_STATE } from "../../../main/electron/window-state";
import { fakeEvent, FakeSession, FakeWebContents } from "./fake-electron";

const origin = "http://127.0.0.1:53124";
const token = "s3cret-token";

describe("checklist 2-4, 6, 8-11: the window's webPreferences", () => {
  const production = mainWindowOptions({ preload: "/app/out/electron/preload.cjs", isDevelopment: false, state: DEFAULT_WINDOW_STATE });
  const preferences = production.webPreferences!;

  it.each([
    ["contextIsolation", true],
    ["sandbox", true],
    ["nodeIntegration", false],
    ["nodeIntegrationInWorker", false],
    ["nodeIntegrationInSubFrames", false],
    ["webSecurity", true],
    ["allowRunningInsecureContent", false],
    ["experimentalFeatures", false],
    ["webviewTag", false],
    ["navigateOnDragDrop", false],
  ] as const)("%s is %s", (name, value) => {
    expect(preferences[name]).toBe(value);
  });

  it("enables no Blink features", () => {
    expect(preferences.enableBlinkFeatures).toBeUndefined();
  });

  it("uses the app's own partition and the built preload", () => {
    expect(preferences.partition).toBe(APP_PARTITION);
    expect(preferences.preload).toBe("/app/out/electron/preload.cjs");
  });

  it("has DevTools only in development", () => {
    expect(preferences.devTools).toBe(false);
    const development = mainWindowOptions({ preload: "/p.cjs", isDevelopment: true, state: DEFAULT_WINDOW_STATE });
    expect(development.webPreferences!.devTools).toBe(true);
  });

  it("stays hidden until painted", () => {
    expect(production.show).toBe(false);
  });

  it("secureWebPreferences is what the window uses", () => {
    expect(preferences).toEqual(secureWebPreferences({ preload: "/app/out/electron/preload.cjs", devTools: false }));
  });
});

describe("checklist 7: the Content-Security-Policy", () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it("denies by default", () => {
    expect(csp.get("default-src")).toEqual(["'none'"]);
  });

  it("runs scripts only from the app's origin: no inline scripts, no eval", () => {
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
  });

  it("talks only to the server that served the page", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it.each(["object-src", "frame-src", "frame-ancestors", "form-action", "base-uri"])("%s is 'none'", (directive) => {
    expect(csp.get(directive)).toEqual(["'none'"]);
  });

  it("is set on every response from the app's origin, replacing the server's", () => {
    const session = new FakeSession();
    hardenSession(session, { origin, token });
    const headers = session.responseHeaders(`${origin}/assets/index.js`, { "content-security-policy": ["default-src *"], "content-type": ["text/javascript"] });
    expect(headers).toEqual({ "content-type": ["text/javascript"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
  });
});

describe("connect-src for LangGraph deployments the user connected to", () => {
  it("adds exactly the allowed origins to connect-src and changes nothing else", () => {
    const extended = parseCsp(contentSecurityPolicy(["https://agents.example.com", "http://127.0.0.1:2024"]));
    expect(extended.get("connect-src")).toEqual(["'self'", "https://agents.example.com", "http://127.0.0.1:2024"]);
    const base = parseCsp(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of base) if (name !== "connect-src") expect(extended.get(name)).toEqual(sources);
  });

  it("the header reads the window's allowlist on every response: before and after allowing", () => {
    const session = new FakeSession();
    const allowed: string[] = [];
    const documents: (readonly string[])[] = [];
    hardenSession(session, { origin, token, connectOrigins: () => allowed, onDocumentPolicy: (origins) => documents.push(origins) });
    const connectSrc = () => parseCsp(String((session.responseHeaders(`${origin}/`, {}, "mainFrame") as Record<string, string[]>)["Content-Security-Policy"][0])).get("connect-src");
    expect(connectSrc()).toEqual(["'self'"]);
    allowed.push("https://agents.example.com");
    expect(connectSrc()).toEqual(["'self'", "https://agents.example.com"]);
    expect(documents).toEqual([[], ["https://agents.example.com"]]);
    session.responseHeaders(`${origin}/api/x`, {}, "xhr");
    expect(documents).toHaveLength(2);
  });

  it("the deployment's own responses are left alone, and never get the token", () => {
    const session = new FakeSession();
    hardenSession(session, { origin, token, connectOrigins: () => ["https://agents.example.com"] });
    expect(session.responseHeaders("https://agents.example.com/assistants/search", { "x-a": ["1"] })).toEqual({ "x-a": ["1"] });
    expect(session.requestHeaders("https://agents.example.com/assistants/search", {})).toEqual({});
  });

  it.each([
    ["https://agents.example.com", "https://agents.example.com"],
    ["https://agents.example.com/", "https://agents.example.com"],
    ["HTTP://Agents.Example.com:2024", "http://agents.example.com:2024"],
    ["https://agents.example.com:443", "https://agents.example.com"],
  ])("deploymentOriginOf(%s) = %s", (input, expected) => {
    expect(deploymentOriginOf(input)).toBe(expected);
  });

  it.each([
    "file:///home/me/.ssh/id_rsa",
    "ftp://agents.example.com",
    "wss://agents.example.com",
    "chrome-extension://abc",
    "https://me:secret@agents.example.com",
    "https://agents.example.com/deployments/1",
    "https://agents.example.com?x",
    "https://*.example.com",
    "not a url",
  ])("deploymentOriginOf refuses %s", (input) => {
    expect(() => deploymentOriginOf(input)).toThrow(UnsafeDeploymentOriginError);
  });
});

describe("checklist 5: permission requests", () => {
  const session = new FakeSession();
  hardenSession(session, { origin, token });

  it.each(["media", "geolocation", "notifications", "clipboard-read", "clipboard-sanitized-write", "openExternal", "fullscreen", "unknown"])(
    "denies a request for %s, even from the app's origin",
    (permission) => {
      const granted: boolean[] = [];
      session.permissionRequestHandler!({}, permission, (answer) => granted.push(answer), { requestingUrl: `${origin}/` });
      expect(granted).toEqual([false]);
      expect(session.permissionCheckHandler!({}, permission, origin, {})).toBe(false);
    },
  );

  it("denies device access (HID, serial, USB)", () => {
    expect(session.devicePermissionHandler!({ deviceType: "usb", origin })).toBe(false);
  });
});

describe("the server token reaches only the app's origin, from the main process", () => {
  const session = new FakeSession();
  hardenSession(session, { origin, token });

  it("is added to requests to the app's origin (page, fetch, SSE)", () => {
    for (const path of ["/", "/threads/search", "/threads/1/runs/stream"]) {
      expect(session.requestHeaders(`${origin}${path}`)).toMatchObject({ Authorization: `Bearer ${token}` });
    }
  });

  it("replaces an Authorization header the page tried to set", () => {
    const headers = session.requestHeaders(`${origin}/ok`, { authorization: "Bearer forged", Accept: "application/json" });
    expect(headers).toEqual({ Accept: "application/json", Authorization: `Bearer ${token}` });
  });

  it("is never sent to another origin, not even another port on 127.0.0.1", () => {
    expect(session.beforeSendHeaders!.filter.urls).toEqual([`${origin}/*`]);
    for (const url of ["http://127.0.0.1:9999/", "https://example.com/", "http://localhost:53124/"]) {
      let sent: Record<string, string> | undefined;
      session.beforeSendHeaders!.listener!({ url, requestHeaders: {} }, (response) => (sent = response.requestHeaders));
      expect(sent).not.toHaveProperty("Authorization");
    }
  });

  it("re-hardening for a new server moves the token to the new origin", () => {
    const next = new FakeSession();
    hardenSession(next, { origin, token });
    hardenSession(next, { origin: "http://127.0.0.1:60001", token: "new" });
    expect(next.requestHeaders("http://127.0.0.1:60001/ok")).toMatchObject({ Authorization: "Bearer new" });
    expect(next.requestHeaders(`${origin}/ok`)).not.toHaveProperty("Authorization");
  });
});

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const blocked: string[] = [];
  hardenWebContents(contents, {
    origin: () => origin,
    shell: { openExternal: async (url) => void opened.push(url) },
    onBlocked: (what, url) => blocked.push(`${what} ${url}`),
  });
  return { contents, opened, blocked };
}

describe("checklist 12: navigation stays on the app's origin", () => {
  it("allows the app's own pages", () => {
    const { contents } = hardened();
    expect(contents.navigate(`${origin}/`)).toBe(true);
    expect(contents.navigate(`${origin}/#/graph/agent`)).toBe(true);
  });

  it.each([
    "https://example.com/",
    "http://127.0.0.1:9999/",
    "http://localhost:53124/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    `http://user:pass@127.0.0.1:53124/`,
  ])("blocks %s", (url) => {
    const { contents, blocked } = hardened();
    expect(contents.navigate(url)).toBe(false);
    expect(contents.navigate(url, "will-redirect")).toBe(false);
    expect(blocked.length).toBeGreaterThan(0);
  });

  it("sends a blocked web link to the system browser, and nothing else", () => {
    const { contents, opened } = hardened();
    contents.navigate("https://langchain-ai.github.io/langgraphjs/");
    contents.navigate("file:///etc/passwd");
    contents.navigate("ms-settings:privacy");
    contents.navigate("http://localhost:8080/admin");
    expect(opened).toEqual(["https://langchain-ai.github.io/langgraphjs/"]);
  });
});

describe("checklist 13: no new windows", () => {
  it("denies every window.open / target=_blank, opening safe web links in the system browser", () => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler!({ url: "https://github.com/langchain-ai/langgraphjs" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler!({ url: `${origin}/other` })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler!({ url: "file:///home" })).toEqual({ action: "deny" });
    expect(opened).toEqual(["https://github.com/langchain-ai/langgraphjs"]);
  });

  it("refuses to attach a <webview>", () => {
    const { contents } = hardened();
    const event = fakeEvent();
    contents.emit("will-attach-webview", event, {}, { src: "https://example.com" });
    expect(event.defaultPrevented).toBe(true);
  });

  it("hardening twice does not double the handlers", () => {
    const { contents } = hardened();
    hardenWebContents(contents, { origin: () => origin, shell: { openExternal: async () => {} } });
    expect(contents.count("will-navigate")).toBe(1);
  });
});

describe("checklist 14: shell.openExternal only with checked URLs", () => {
  it.each([
    ["https://example.com/docs", true],
    ["http://example.com/", true],
    ["file:///etc/passwd", false],
    ["javascript:alert(1)", false],
    ["smb://attacker/share", false],
    ["ms-msdt:/id", false],
    ["https://user:pw@example.com/", false],
    ["http://127.0.0.1:2024/", false],
    ["http://localhost/", false],
    ["http://[::1]:80/", false],
    ["not a url", false],
  ])("%s -> %s", (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe("checklist 1, 17: the window loads only the loopback server, never file://", () => {
  it("accepts the server's http://127.0.0.1:<port> origin", () => {
    expect(appOriginOf("http://127.0.0.1:53124")).toBe(origin);
    expect(appOriginOf("http://127.0.0.1:53124/")).toBe(origin);
  });

  it.each(["http://0.0.0.0:2024", "http://192.168.1.2:2024", "https://example.com", "file:///app/index.html", "http://localhost:2024", "http://127.0.0.1"])(
    "refuses %s",
    (url) => {
      expect(() => appOriginOf(url)).toThrow(UnsafeServerUrlError);
    },
  );

  it("isAppUrl compares scheme, host and port exactly", () => {
    expect(isAppUrl(`${origin}/x`, origin)).toBe(true);
    expect(isAppUrl("https://127.0.0.1:53124/x", origin)).toBe(false);
    expect(isAppUrl(`${origin}/x`, undefined)).toBe(false);
  });
});

describe("checklist 15, 19: current Electron, no remote module, no generic bridge", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));

  it("uses a supported Electron major (45, or 44 when 45 cannot be used; issue 17)", () => {
    expect(Number(String(pkg.devDependencies.electron).split(".")[0])).toBeGreaterThanOrEqual(44);
  });

  it("does not depend on @electron/remote", () => {
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty("@electron/remote");
  });
});
