import { messagesFieldOf } from "../../shared/graph-doc";
import { langgraphClient, streamNewRun } from "../client/langgraph";
import { useGraphStore } from "../stores/graph-store";
import { problemsOf } from "../stores/problems";
import { pushRunEvent, useRunStore } from "../stores/run-store";
import { showToast, useUiStore } from "../stores/ui-store";
import { saveGraph } from "./save-graph";

export class GraphNotRunnableError extends Error {
  override name = "GraphNotRunnableError";
  constructor(readonly graphName: string, readonly problemCount: number) {
    super(`"${graphName}" has ${problemCount} problem${problemCount === 1 ? "" : "s"}; fix ${problemCount === 1 ? "it" : "them"} (see Problems) before running.`);
  }
}

let controller: AbortController | null = null;

/**
 * Runs the open graph on a new thread through the LangGraph API (POST /threads, then
 * /threads/{id}/runs/stream), after saving it. An invalid graph is refused with a message.
 */
export async function runGraph(inputText: string): Promise<void> {
  const { graphName, doc } = useGraphStore.getState();
  if (!graphName || !doc) return;
  const problems = problemsOf(doc).all;
  if (problems.length > 0) {
    const error = new GraphNotRunnableError(graphName, problems.length);
    useRunStore.setState({ status: "idle" });
    pushRunEvent({ kind: "refused", text: error.message });
    useUiStore.setState({ bottomOpen: true, bottomTab: "problems" });
    showToast(`Run refused: ${error.message}`, "error", 6000);
    return;
  }
  await saveGraph();
  controller?.abort();
  controller = new AbortController();
  const messages = messagesFieldOf(doc) ?? "messages";
  const input = inputText.trim() ? { [messages]: [{ role: "user", content: inputText.trim() }] } : {};
  useRunStore.setState({ status: "running", graphName, threadId: null, visited: [], activeNode: null, events: [] });
  useUiStore.setState({ bottomOpen: true, bottomTab: "events" });
  pushRunEvent({ kind: "started", text: `Run of "${graphName}" started${inputText.trim() ? `: ${inputText.trim()}` : ""}` });
  try {
    let threadId = "";
    for await (const part of streamNewRun(graphName, input, controller.signal)) {
      threadId = part.threadId;
      if (useRunStore.getState().threadId !== threadId) useRunStore.setState({ threadId });
      if (part.event === "updates") recordUpdates(part.data);
      if (part.event === "error") throw new Error(errorText(part.data));
    }
    const state = await (await langgraphClient()).threads.getState(threadId);
    if (state.next.length > 0) {
      useRunStore.setState({ status: "paused", activeNode: state.next[0] });
      pushRunEvent({ kind: "paused", node: state.next[0], text: `Paused before ${state.next.join(", ")}` });
    } else {
      useRunStore.setState({ status: "done", activeNode: null });
      pushRunEvent({ kind: "done", text: "Run finished" });
    }
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    useRunStore.setState({ status: "error" });
    pushRunEvent({ kind: "error", text: `Run failed: ${(error as Error).message}` });
  }
}

export function cancelRun(): void {
  controller?.abort();
  controller = null;
  if (useRunStore.getState().status === "running") {
    useRunStore.setState({ status: "idle", activeNode: null });
    pushRunEvent({ kind: "error", text: "Run cancelled" });
  }
}

function recordUpdates(data: unknown): void {
  if (!data || typeof data !== "object") return;
  for (const [node, update] of Object.entries(data as Record<string, unknown>)) {
    if (node === "__interrupt__") continue;
    useRunStore.setState((state) => ({ visited: [...state.visited, node], activeNode: node }));
    pushRunEvent({ kind: "update", node, text: summarise(update) });
  }
}

function summarise(update: unknown): string {
  if (!update || typeof update !== "object") return JSON.stringify(update) ?? "";
  const parts: string[] = [];
  for (const [field, value] of Object.entries(update as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const last = value[value.length - 1] as { content?: unknown; tool_calls?: { name: string }[] } | undefined;
      const calls = last?.tool_calls?.length ? ` → calls ${last.tool_calls.map((call) => call.name).join(", ")}` : "";
      const content = typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
      parts.push(`${field}: ${content}${calls}`);
    } else {
      parts.push(`${field}: ${JSON.stringify(value)}`);
    }
  }
  return parts.join("; ") || "(no changes)";
}

function errorText(data: unknown): string {
  if (data && typeof data === "object" && "message" in data) return String((data as { message: unknown }).message);
  return JSON.stringify(data);
}
