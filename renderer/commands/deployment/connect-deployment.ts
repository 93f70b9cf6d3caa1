import { hasUnsavedEdits } from "../../stores/unsaved-edits";
import type { Assistant, Thread } from "@langchain/langgraph-sdk";
import { desktopBridge } from "../../../shared/desktop-bridge";
import { deploymentApi } from "../../client/graph-view-api";
import type { ApiTarget } from "../../client/langgraph";
import { useDeploymentStore } from "../../stores/deployment-store";
import { useOpenGraph } from "../../stores/open-graph-store";
import { showToast } from "../../stores/ui-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { closeDrawnGraph, openRemoteGraph } from "../code-graph/open-drawn-graph";
import { openGraph } from "../open-graph";
import { openThread } from "../run/threads";

/** The URL is remembered per workspace (localStorage); the key never leaves this browser session. */
const urlKey = (workspacePath: string) => `switchyard.deployment.${workspacePath}`;
const apiKeyKey = (url: string) => `switchyard.deployment-key.${url}`;

export class DeploymentUrlError extends Error {
  override name = "DeploymentUrlError";
  constructor(readonly url: string) {
    super(`"${url}" is not a deployment URL: give its http:// or https:// address, e.g. http://127.0.0.1:2024`);
  }
}

/** "http://host:2024/" -> "http://host:2024"; anything that is not http(s) is refused. */
export function normaliseDeploymentUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new DeploymentUrlError(trimmed);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new DeploymentUrlError(trimmed);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Why the browser could not reach a deployment, in words that say what to do. */
export function unreachableMessage(url: string, error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (/failed to fetch|networkerror|load failed/i.test(message)) {
    return (
      `Could not reach ${url} from this page. The deployment must be running and must allow this page's origin (CORS): ` +
      `\`langgraph dev\` and LangGraph Platform do; another Switchyard needs \`switchyard serve --allow-origin ${window.location.origin}\`.`
    );
  }
  if (/401|403|unauthori[sz]ed|forbidden/i.test(message)) return `${url} refused the request (${message}): check the API key.`;
  return `${url}: ${message}`;
}

export function rememberedDeployment(): { url: string; apiKey: string } {
  const path = useWorkspaceStore.getState().path;
  const url = safe(() => localStorage.getItem(urlKey(path))) ?? "";
  return { url, apiKey: url ? (safe(() => sessionStorage.getItem(apiKeyKey(url))) ?? "") : "" };
}

export const openDeploymentDialog = () => useDeploymentStore.setState({ dialogOpen: true, error: null });
export const closeDeploymentDialog = () => useDeploymentStore.setState({ dialogOpen: false });

export function currentTarget(): ApiTarget | null {
  const { url, apiKey, status } = useDeploymentStore.getState();
  return url && status === "connected" ? { url, ...(apiKey ? { apiKey } : {}) } : null;
}

/** A connection waiting for the desktop window's reload (sessionStorage, this window only). */
const PENDING_KEY = "switchyard.deployment-pending";

/**
 * In the desktop app, asks the shell to add the deployment's origin to the window's CSP
 * connect-src. A page keeps the policy it was loaded with, so the first time the window reloads
 * once and the connection resumes afterwards (resumePendingConnection). Returns true when the
 * page can fetch from the deployment now (always in web mode).
 */
async function allowInDesktopWindow(url: string, apiKey: string, afterReload: boolean): Promise<boolean> {
  const bridge = desktopBridge();
  if (!bridge) return true;
  let reloadRequired: boolean;
  try {
    ({ reloadRequired } = await bridge.allowDeploymentOrigin(new URL(url).origin));
  } catch (error) {
    useDeploymentStore.setState({ status: "error", error: `The desktop app refused ${new URL(url).origin}: ${(error as Error).message}` });
    return false;
  }
  if (!reloadRequired) return true;
  if (afterReload) {
    useDeploymentStore.setState({ status: "error", error: `The desktop window could not allow ${new URL(url).origin}; try again, or attach from web mode (\`switchyard serve\`).` });
    return false;
  }
  if (hasUnsavedEdits()) {
    useDeploymentStore.setState({ status: "error", error: `The window reloads once to let it reach ${new URL(url).origin}: save the graph first, then connect again.` });
    return false;
  }
  useDeploymentStore.setState({ status: "connecting", error: null });
  safe(() => sessionStorage.setItem(PENDING_KEY, JSON.stringify({ url, apiKey })));
  window.location.reload();
  return false;
}

/** After the desktop window reloaded for a new deployment origin: reopens the dialog and connects. */
export async function resumePendingConnection(): Promise<boolean> {
  const pending = safe(() => sessionStorage.getItem(PENDING_KEY));
  if (!pending) return false;
  safe(() => sessionStorage.removeItem(PENDING_KEY));
  let url: unknown, apiKey: unknown;
  try {
    ({ url, apiKey } = JSON.parse(pending) as { url?: unknown; apiKey?: unknown });
  } catch {
    return false;
  }
  if (typeof url !== "string") return false;
  const key = typeof apiKey === "string" ? apiKey : "";
  // The URL is remembered under the workspace's path: wait until the workspace has loaded.
  if (!useWorkspaceStore.getState().path) {
    await new Promise<void>((resolve) => {
      const stop = useWorkspaceStore.subscribe((state) => {
        if (!state.path) return;
        stop();
        resolve();
      });
    });
  }
  useDeploymentStore.setState({ dialogOpen: true, url, apiKey: key || null });
  return connect(url, key, true);
}

/** Connects: lists the deployment's assistants and threads; remembers the URL for this workspace. */
export function connectDeployment(urlText: string, apiKeyText: string): Promise<boolean> {
  return connect(urlText, apiKeyText, false);
}

async function connect(urlText: string, apiKeyText: string, afterReload: boolean): Promise<boolean> {
  let url: string;
  try {
    url = normaliseDeploymentUrl(urlText);
  } catch (error) {
    useDeploymentStore.setState({ status: "error", error: (error as Error).message });
    return false;
  }
  const apiKey = apiKeyText.trim();
  if (!(await allowInDesktopWindow(url, apiKey, afterReload))) return false;
  const target: ApiTarget = { url, ...(apiKey ? { apiKey } : {}) };
  useDeploymentStore.setState({ status: "connecting", error: null });
  try {
    const [assistants, threads] = await Promise.all([deploymentApi.assistants(target), deploymentApi.threads(target).catch((): Thread[] => [])]);
    useDeploymentStore.setState({ status: "connected", url, apiKey: apiKey || null, assistants, threads, error: null });
    safe(() => localStorage.setItem(urlKey(useWorkspaceStore.getState().path), url));
    safe(() => (apiKey ? sessionStorage.setItem(apiKeyKey(url), apiKey) : sessionStorage.removeItem(apiKeyKey(url))));
    return true;
  } catch (error) {
    useDeploymentStore.setState({ status: "error", error: unreachableMessage(url, error) });
    return false;
  }
}

/** Re-reads the deployment's threads (after runs started here). */
export async function refreshDeploymentThreads(): Promise<void> {
  const target = currentTarget();
  if (!target) return;
  const threads = await deploymentApi.threads(target).catch(() => null);
  if (threads) useDeploymentStore.setState({ threads });
}

/** Opens one of the deployment's graphs read-only; the debugger then runs it on the deployment. */
export async function openDeploymentGraph(assistant: Assistant): Promise<void> {
  const target = currentTarget();
  if (!target) return;
  closeDeploymentDialog();
  await openRemoteGraph(assistant, target);
}

/** Opens a thread of the deployment: its graph first, then the thread in the debugger. */
export async function openDeploymentThread(thread: Thread): Promise<void> {
  const { assistants } = useDeploymentStore.getState();
  const graphId = (thread.metadata as Record<string, unknown> | null)?.graph_id;
  const assistantId = (thread.metadata as Record<string, unknown> | null)?.assistant_id;
  const assistant = assistants.find((candidate) => candidate.assistant_id === assistantId) ?? assistants.find((candidate) => candidate.graph_id === graphId);
  if (!assistant) {
    showToast(`Thread ${thread.thread_id.slice(0, 8)} names no graph of this deployment.`, "error");
    return;
  }
  await openDeploymentGraph(assistant);
  await openThread(thread.thread_id);
}

/** Detaches: back to the workspace's own server and its first graph. */
export async function disconnectDeployment(): Promise<void> {
  const wasRemote = useOpenGraph.getState().graph?.source.kind === "remote";
  useDeploymentStore.setState({ status: "idle", url: null, apiKey: null, assistants: [], threads: [], error: null });
  if (!wasRemote) return;
  closeDrawnGraph();
  const first = useWorkspaceStore.getState().graphs[0];
  if (first) await openGraph(first.name);
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
