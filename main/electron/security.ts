import { contentSecurityPolicy } from "./csp";
import type { WebPreferences } from "electron";
import type { Headers, NavigationEvent, SessionLike, ShellLike, WebContentsLike, WindowOpenResponse } from "./electron-types";

/**
 * The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * applied to the one window of the app. Each function takes the Electron objects as parameters
 * so test/main/electron/security.test.ts can check every item against fakes.
 */

/** The partition of the app's window: its own persistent session, so our handlers touch nothing else. */
export const APP_PARTITION = "persist:switchyard";

/** The loopback host the shell's server binds; the window only ever loads this host. */
export const APP_HOST = "127.0.0.1";

export class UnsafeServerUrlError extends Error {
  override name = "UnsafeServerUrlError";
  constructor(readonly url: string) {
    super(`the desktop window only loads the server it started on http://${APP_HOST}:<port>, not ${url}`);
  }
}

/** The origin of the server the shell started; refuses anything but http on 127.0.0.1. */
export function appOriginOf(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new UnsafeServerUrlError(serverUrl);
  }
  if (url.protocol !== "http:" || url.hostname !== APP_HOST || !url.port || url.username || url.password) {
    throw new UnsafeServerUrlError(serverUrl);
  }
  return url.origin;
}

/** True when `url` is on exactly `origin` (scheme, host and port): the app's own pages and API. */
export function isAppUrl(url: string, origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

export class UnsafeDeploymentOriginError extends Error {
  override name = "UnsafeDeploymentOriginError";
  constructor(readonly url: string, reason: string) {
    super(`"${url}" cannot be allowed as a deployment origin: ${reason}`);
  }
}

/** The most deployment origins one window may allow (each one widens its connect-src). */
export const MAX_DEPLOYMENT_ORIGINS = 16;

/**
 * The exact origin of a LangGraph deployment the window may fetch from: `http(s)://host[:port]`
 * and nothing else. No other scheme (file:, data:, ws:, custom), no user name or password, no
 * path, query or fragment, no wildcards: CSP source expressions are built from the result.
 */
export function deploymentOriginOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UnsafeDeploymentOriginError(text, "not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UnsafeDeploymentOriginError(text, "only http: and https: origins are allowed");
  if (url.username || url.password) throw new UnsafeDeploymentOriginError(text, "it must not carry a user name or password");
  if (url.pathname !== "/" || url.search || url.hash || /[?#]/.test(text)) throw new UnsafeDeploymentOriginError(text, "give the origin only (scheme, host, port), without a path");
  if (!url.hostname || /[*\s;,']/.test(url.host)) throw new UnsafeDeploymentOriginError(text, "the host is not valid");
  return url.origin;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/**
 * Links a user may follow out of the app into the system browser: plain web pages only.
 * No file:, javascript:, custom schemes (which launch other apps), embedded credentials, or
 * loopback addresses (a graph file must not be able to aim the browser at local services).
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  if (parsed.username || parsed.password) return false;
  return !LOOPBACK_HOSTS.test(parsed.hostname);
}

/**
 * The window's webPreferences: every checklist switch set explicitly, none left to defaults.
 * `satisfies WebPreferences`: a switch a newer Electron renames or removes fails the typecheck.
 */
export function secureWebPreferences(options: { preload: string; devTools: boolean }) {
  return {
    preload: options.preload,
    partition: APP_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  } as const satisfies WebPreferences;
}

export interface SessionPolicy {
  /** The server's origin, e.g. http://127.0.0.1:53124. */
  origin: string;
  /** The server's bearer token; it never leaves the main process (see hardenSession). */
  token: string;
  /** Deployment origins the window may also fetch from (connect-src), read on every response. */
  connectOrigins?: () => readonly string[];
  /** Told which extra origins a newly loaded page (main-frame document) was given. */
  onDocumentPolicy?: (connectOrigins: readonly string[]) => void;
}

/**
 * Locks down the app's session:
 * - every permission request and check is denied (camera, notifications, geolocation, ...);
 * - requests to the app's own origin get `Authorization: Bearer <token>` added here, in the
 *   main process. The renderer never sees the token, so script running in the page (even an
 *   injected one) cannot read it or send it elsewhere, and requests to any other origin never
 *   carry it. The page load, fetches and SSE streams are all covered without renderer code;
 * - responses from the app's origin carry the strict CSP, whatever the server sent; its
 *   connect-src adds the window's allowed deployment origins (read per response, so a page
 *   loaded after allowDeploymentOrigin gets them; a page keeps the policy it was loaded with).
 * Calling it again (after switching workspace, new port) replaces the previous listeners.
 */
export function hardenSession(session: SessionLike, policy: SessionPolicy): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  const filter = { urls: [`${policy.origin}/*`] };
  session.webRequest.onBeforeSendHeaders(filter, (details, callback) => {
    const requestHeaders = withoutHeader(details.requestHeaders, "authorization");
    if (isAppUrl(details.url, policy.origin)) requestHeaders.Authorization = `Bearer ${policy.token}`;
    callback({ requestHeaders });
  });
  session.webRequest.onHeadersReceived(filter, (details, callback) => {
    if (!isAppUrl(details.url, policy.origin)) return callback({});
    const responseHeaders = withoutHeader(details.responseHeaders ?? {}, "content-security-policy") as Headers;
    const connectOrigins = [...(policy.connectOrigins?.() ?? [])];
    responseHeaders["Content-Security-Policy"] = [contentSecurityPolicy(connectOrigins)];
    if (details.resourceType === "mainFrame") policy.onDocumentPolicy?.(connectOrigins);
    callback({ responseHeaders });
  });
}

function withoutHeader<T extends Record<string, unknown>>(headers: T, name: string): Record<string, any> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}

export interface NavigationPolicy {
  /** The current app origin (it changes when the user opens another workspace). */
  origin: () => string | undefined;
  shell: ShellLike;
  /** Told about every blocked navigation or window (logged by the shell). */
  onBlocked?: (what: string, url: string) => void;
}

/** Opens a safe external link in the system browser; everything else is only reported. */
export function openExternally(url: string, policy: NavigationPolicy): void {
  if (!isSafeExternalUrl(url)) {
    policy.onBlocked?.("external link (unsafe scheme or host)", url);
    return;
  }
  policy.shell.openExternal(url).catch((error: unknown) => policy.onBlocked?.(`system browser failed: ${String(error)}`, url));
}

/** The navigation handler: stay on the app's origin; other web links go to the system browser. */
export function guardNavigation(policy: NavigationPolicy) {
  return (event: NavigationEvent): void => {
    const { url } = event;
    if (isAppUrl(url, policy.origin())) return;
    event.preventDefault();
    policy.onBlocked?.("navigation", url);
    openExternally(url, policy);
  };
}

/**
 * The window-open handler: the app is a single window, so no new Electron window is ever
 * created. Web links (target=_blank) open in the system browser after the safety check.
 */
export function windowOpenHandler(policy: NavigationPolicy) {
  return (details: { url: string }): WindowOpenResponse => {
    if (!isAppUrl(details.url, policy.origin())) openExternally(details.url, policy);
    else policy.onBlocked?.("new window on the app origin", details.url);
    return { action: "deny" };
  };
}

const hardened = new WeakSet<WebContentsLike>();

/**
 * Applies navigation, redirect, new-window and <webview> rules to one webContents. Idempotent:
 * the shell calls it for its window and, through `web-contents-created`, for every other one.
 */
export function hardenWebContents(contents: WebContentsLike, policy: NavigationPolicy): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const navigation = guardNavigation(policy);
  contents.on("will-navigate", navigation);
  contents.on("will-redirect", navigation);
  contents.setWindowOpenHandler(windowOpenHandler(policy));
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    policy.onBlocked?.("<webview>", "");
  });
}
