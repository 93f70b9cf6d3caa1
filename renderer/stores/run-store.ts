import { create } from "zustand";
import type { ThreadState } from "@langchain/langgraph-sdk";
import { applyRunMark } from "./run-marks";

export type NodeRunStatus = "running" | "done" | "error" | "paused";
export type RunStatus = "idle" | "running" | "paused" | "done" | "error" | "cancelled";

export interface RunEvent {
  id: number;
  at: number;
  kind: "started" | "update" | "paused" | "done" | "error" | "refused" | "replayed" | "live" | "pinned";
  node?: string;
  text: string;
  /** The step this line belongs to (a node's task), for the before/after diff. */
  stepId?: string;
}

/** One node execution: the `tasks` stream's start frame and its result frame. */
export interface RunStep {
  id: string;
  node: string;
  startedAt: number;
  endedAt?: number;
  input?: unknown;
  output?: unknown;
  error?: string;
}

/** Why the run stopped: a static breakpoint before/after a node, or a node's interrupt(payload). */
export interface RunPause {
  kind: "before" | "after" | "interrupt";
  node: string;
  payload?: unknown;
}

/** The live run of the open graph, fed by one SSE subscription at a time. */
export interface RunState {
  status: RunStatus;
  threadId: string | null;
  graphName: string | null;
  runId: string | null;
  /** Node status by node id; a node component selects only its own entry. */
  nodeStatus: Record<string, NodeRunStatus>;
  nodeErrors: Record<string, string>;
  /** Edges taken in this run: "source>target" -> the order numbers it was taken at. */
  edgeOrder: Record<string, number[]>;
  edgeCount: number;
  /** The edge into the node the run paused before: already counted when that node then starts. */
  pausedEdge: string | null;
  lastNode: string | null;
  steps: RunStep[];
  events: RunEvent[];
  /** Tokens of the message being generated, as they stream. */
  streaming: { node: string; text: string } | null;
  pause: RunPause | null;
  /** The thread's state after the last stop (values, next, tasks, checkpoint). */
  threadState: ThreadState | null;
  error: string | null;
  /** Kept for the canvas's older selectors: nodes that ran, in order, and the node in focus. */
  visited: string[];
  activeNode: string | null;
  /** Nodes whose model calls this run were served from the recording (see run-marks.ts). */
  replayedNodes: Record<string, true>;
  /** Where a replaying run went live: the first node whose request differed from the recording. */
  liveNode: string | null;
  /** Pinned nodes that returned their pinned output in this run. */
  pinnedNodes: Record<string, true>;
}

export const emptyRun = (): Omit<RunState, "graphName" | "threadId"> => ({
  status: "idle",
  runId: null,
  nodeStatus: {},
  nodeErrors: {},
  edgeOrder: {},
  edgeCount: 0,
  pausedEdge: null,
  lastNode: null,
  steps: [],
  events: [],
  streaming: null,
  pause: null,
  threadState: null,
  error: null,
  visited: [],
  activeNode: null,
  replayedNodes: {},
  liveNode: null,
  pinnedNodes: {},
});

export const useRunStore = create<RunState>()(() => ({ ...emptyRun(), threadId: null, graphName: null }));

export const START_NODE = "__start__";
export const END_NODE = "__end__";
export const edgeKey = (source: string, target: string) => `${source}>${target}`;

let eventId = 0;
export function runEvent(event: Omit<RunEvent, "id" | "at">): RunEvent {
  return { ...event, id: ++eventId, at: Date.now() };
}

export function pushRunEvent(event: Omit<RunEvent, "id" | "at">): void {
  useRunStore.setState((state) => ({ events: [...state.events, runEvent(event)] }));
}

interface TaskFrame {
  id: string;
  name: string;
  input?: unknown;
  result?: unknown;
  error?: unknown;
  interrupts?: { value: unknown }[];
}

/**
 * Applies one SSE frame to the run: pure, so the store, its tests and the latency bench share it.
 * Returns only the fields that change (zustand merges them).
 */
export function applyFrame(state: RunState, event: string, data: unknown, now = Date.now()): Partial<RunState> {
  if (event === "metadata") return { runId: (data as { run_id?: string })?.run_id ?? state.runId };
  if (event === "tasks") return applyTask(state, data as TaskFrame, now);
  if (event === "updates") return applyUpdates(state, data as Record<string, unknown>);
  if (event === "messages") return applyToken(state, data);
  if (event === "custom") return applyRunMark(state, data);
  if (event === "error") {
    const message = errorText(data);
    const node = state.activeNode;
    // The node's task already reported this error: the log says it once.
    const known = node !== null && state.nodeErrors[node] === message;
    return {
      status: "error",
      error: message,
      ...(node ? { nodeStatus: { ...state.nodeStatus, [node]: "error" }, nodeErrors: { ...state.nodeErrors, [node]: message } } : {}),
      events: known ? state.events : [...state.events, runEvent({ kind: "error", node: node ?? undefined, text: `Run failed${node ? ` in ${node}` : ""}: ${message}` })],
    };
  }
  return {};
}

function applyTask(state: RunState, task: TaskFrame, now: number): Partial<RunState> {
  if (!task?.name || task.name.startsWith("__")) return {};
  const isResult = "result" in task || "error" in task;
  if (!isResult) {
    const source = state.lastNode ?? START_NODE;
    const key = edgeKey(source, task.name);
    const counted = state.pausedEdge === key;
    const order = counted ? state.edgeCount : state.edgeCount + 1;
    return {
      nodeStatus: { ...state.nodeStatus, [task.name]: "running" },
      edgeOrder: counted ? state.edgeOrder : { ...state.edgeOrder, [key]: [...(state.edgeOrder[key] ?? []), order] },
      edgeCount: order,
      pausedEdge: null,
      activeNode: task.name,
      steps: [...state.steps, { id: task.id, node: task.name, startedAt: now, input: task.input }],
      streaming: null,
    };
  }
  const error = task.error ? errorText(task.error) : undefined;
  const steps = state.steps.map((step) => (step.id === task.id ? { ...step, endedAt: now, output: task.result, error } : step));
  if (error) {
    return {
      steps,
      nodeStatus: { ...state.nodeStatus, [task.name]: "error" },
      nodeErrors: { ...state.nodeErrors, [task.name]: error },
      events: [...state.events, runEvent({ kind: "error", node: task.name, text: error, stepId: task.id })],
    };
  }
  if (task.interrupts?.length) {
    return { steps, nodeStatus: { ...state.nodeStatus, [task.name]: "paused" }, pause: { kind: "interrupt", node: task.name, payload: task.interrupts[0].value } };
  }
  const { [task.name]: _cleared, ...nodeErrors } = state.nodeErrors;
  void _cleared;
  return {
    steps,
    nodeStatus: { ...state.nodeStatus, [task.name]: "done" },
    nodeErrors,
    lastNode: task.name,
    visited: [...state.visited, task.name],
  };
}

function applyUpdates(state: RunState, update: Record<string, unknown>): Partial<RunState> {
  if (!update || typeof update !== "object") return {};
  const events = state.events.slice();
  for (const [node, value] of Object.entries(update)) {
    if (node === "__interrupt__") continue;
    const step = [...state.steps].reverse().find((candidate) => candidate.node === node);
    events.push(runEvent({ kind: "update", node, text: summariseUpdate(value), stepId: step?.id }));
  }
  return { events, streaming: null };
}

function applyToken(state: RunState, data: unknown): Partial<RunState> {
  if (!Array.isArray(data)) return {};
  const [chunk, metadata] = data as [{ content?: unknown; type?: string }, { langgraph_node?: string } | undefined];
  if (typeof chunk?.content !== "string" || !chunk.content || (chunk.type && !chunk.type.startsWith("AI") && !chunk.type.startsWith("ai"))) return {};
  const node = metadata?.langgraph_node ?? state.activeNode ?? "";
  const before = state.streaming?.node === node ? state.streaming.text : "";
  return { streaming: { node, text: before + chunk.content } };
}

/**
 * What the stream leaves unsaid: why the run stopped. The thread's state says what is next
 * (`next`) and whether a task waits on interrupt(); the graph's breakpoints say before or after.
 */
export function settleRun(state: RunState, threadState: ThreadState, interruptAfter: string[] | "*"): Partial<RunState> {
  const nodeStatus = { ...state.nodeStatus };
  for (const [node, status] of Object.entries(nodeStatus)) if (status === "running" || status === "paused") nodeStatus[node] = "done";
  const base = { threadState, streaming: null };
  if (state.status === "error" || threadState.tasks.some((task) => task.error)) {
    const failed = threadState.tasks.find((task) => task.error);
    if (failed) {
      nodeStatus[failed.name] = "error";
      const nodeErrors = { ...state.nodeErrors, [failed.name]: state.nodeErrors[failed.name] ?? errorText(failed.error) };
      return { ...base, status: "error", nodeStatus, nodeErrors, activeNode: failed.name, pause: null, error: state.error ?? errorText(failed.error) };
    }
    return { ...base, status: "error", nodeStatus };
  }
  const interrupted = threadState.tasks.find((task) => task.interrupts?.length);
  if (interrupted) {
    nodeStatus[interrupted.name] = "paused";
    const pause: RunPause = { kind: "interrupt", node: interrupted.name, payload: interrupted.interrupts[0].value };
    return { ...base, status: "paused", nodeStatus, pause, activeNode: interrupted.name, events: [...state.events, runEvent({ kind: "paused", node: interrupted.name, text: `Paused in ${interrupted.name}: interrupt(${short(pause.payload)})` })] };
  }
  if (threadState.next.length > 0) {
    const last = state.lastNode;
    const after = last && (interruptAfter === "*" || interruptAfter.includes(last)) && state.status !== "cancelled";
    const node = after ? last : threadState.next[0];
    const pause: RunPause = { kind: after ? "after" : "before", node };
    if (state.status === "cancelled") return { ...base, status: "cancelled", nodeStatus, pause, activeNode: null };
    nodeStatus[node] = "paused";
    const taken = pause.kind === "before" ? takeEdge(state, state.lastNode ?? START_NODE, node) : {};
    return { ...base, ...taken, status: "paused", nodeStatus, pause, activeNode: node, events: [...state.events, runEvent({ kind: "paused", node, text: `Paused ${pause.kind} ${node}` })] };
  }
  if (state.status === "cancelled") return { ...base, nodeStatus, pause: null };
  const edgeOrder = { ...state.edgeOrder };
  if (state.lastNode) {
    const key = edgeKey(state.lastNode, END_NODE);
    edgeOrder[key] = [...(edgeOrder[key] ?? []), state.edgeCount + 1];
  }
  return { ...base, status: "done", nodeStatus, pause: null, activeNode: null, edgeOrder, edgeCount: state.edgeCount + 1, events: [...state.events, runEvent({ kind: "done", text: "Run finished" })] };
}

/** Counts the edge into a node the run paused before (once, even if the run pauses there again). */
function takeEdge(state: RunState, source: string, target: string): Partial<RunState> {
  const key = edgeKey(source, target);
  if (state.pausedEdge === key) return {};
  return { edgeOrder: { ...state.edgeOrder, [key]: [...(state.edgeOrder[key] ?? []), state.edgeCount + 1] }, edgeCount: state.edgeCount + 1, pausedEdge: key };
}

export function summariseUpdate(update: unknown): string {
  if (!update || typeof update !== "object") return JSON.stringify(update) ?? "(no changes)";
  const parts: string[] = [];
  for (const [field, value] of Object.entries(update as Record<string, unknown>)) {
    if (Array.isArray(value) && value.length && typeof value[value.length - 1] === "object") {
      const last = value[value.length - 1] as { content?: unknown; tool_calls?: { name: string }[] };
      const calls = last?.tool_calls?.length ? ` → calls ${last.tool_calls.map((call) => call.name).join(", ")}` : "";
      const content = typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
      parts.push(`${field}: ${content}${calls}`);
    } else {
      parts.push(`${field}: ${short(value)}`);
    }
  }
  return parts.join("; ") || "(no changes)";
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export function errorText(data: unknown): string {
  if (data && typeof data === "object" && "message" in data) return String((data as { message: unknown }).message);
  return typeof data === "string" ? data : JSON.stringify(data);
}
