import { create } from "zustand";
import type { ThreadState } from "@langchain/langgraph-sdk";
import { applyRunMark } from "./run-marks";
import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";
import { applyInsideTask, frameNamespace, namespacePath, settleInside, type InsideRun } from "./run-inside";
import { innerPausesOf, isInterrupted, pausedAt, pauseOfThread, pendingInterruptsOf, type InnerPause, type PendingInterrupt } from "./run-pause";

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
  /** When the run paused inside the subgraph node `node`: where, in the subgraph's own terms. */
  inner?: InnerPause;
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
  /** Edges taken in this run: "source>target" -> the supersteps it was taken at (parallel branches share one). */
  edgeOrder: Record<string, number[]>;
  /** The superstep count so far. */
  edgeCount: number;
  /** The nodes that finished in the previous superstep (the sources of the edges into this one's nodes), and in this one. */
  stepSources: string[];
  stepRan: string[];
  /** Task starts of the current superstep are arriving (a result frame ends them). */
  stepOpen: boolean;
  /** Nodes whose tasks paused mid-superstep (in interrupt(), or inside a subgraph): they start again in that superstep. */
  resuming: string[];
  /** The run goes on inside a superstep it paused in: until a result arrives, LangGraph announces that superstep's tasks again (those that finished too). */
  midStep: boolean;
  /** For-each fan-outs: "source>target" -> each task's status by task id, for the superstep last taken. */
  fanOut: Record<string, Record<string, NodeRunStatus>>;
  /** What ran inside subgraph nodes, by path (`research`, `research > inner`). */
  inside: Record<string, InsideRun>;
  /** Every interrupt() waiting at once (parallel branches): each is answered by its id. */
  interrupts: PendingInterrupt[];
  /** Every subgraph task paused inside at once (a for-each over a subgraph, parallel subgraphs): each answered in its own namespace. */
  innerPauses: InnerPause[];
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
  stepSources: [],
  stepRan: [],
  stepOpen: false,
  resuming: [],
  midStep: false,
  fanOut: {},
  inside: {},
  interrupts: [],
  innerPauses: [],
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
export function applyFrame(state: RunState, frameEvent: string, data: unknown, now = Date.now()): Partial<RunState> {
  const { mode, namespace } = frameNamespace(frameEvent);
  if (namespace) return applyInsideFrame(state, mode, namespace, data, now);
  const event = mode;
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
  if (!isResult) return applyTaskStart(state, task, now);
  const error = task.error ? errorText(task.error) : undefined;
  const steps = state.steps.map((step) => (step.id === task.id ? { ...step, endedAt: now, output: task.result, error } : step));
  const taskStatus: NodeRunStatus = error ? "error" : task.interrupts?.length ? "paused" : "done";
  const ended = { stepOpen: false, midStep: false, fanOut: fanOutWith(state.fanOut, task.id, taskStatus) };
  if (error) {
    return {
      ...ended,
      steps,
      nodeStatus: { ...state.nodeStatus, [task.name]: "error" },
      nodeErrors: { ...state.nodeErrors, [task.name]: error },
      events: [...state.events, runEvent({ kind: "error", node: task.name, text: error, stepId: task.id })],
    };
  }
  if (task.interrupts?.length) {
    return { ...ended, steps, nodeStatus: { ...state.nodeStatus, [task.name]: "paused" }, pause: { kind: "interrupt", node: task.name, payload: task.interrupts[0].value } };
  }
  const { [task.name]: _cleared, ...nodeErrors } = state.nodeErrors;
  void _cleared;
  return {
    ...ended,
    stepRan: [...state.stepRan, task.name],
    steps,
    nodeStatus: { ...state.nodeStatus, [task.name]: "done" },
    nodeErrors,
    lastNode: task.name,
    visited: [...state.visited, task.name],
  };
}

/**
 * A task starts. LangGraph announces every task of a superstep before running any, so a start
 * after a result begins the next superstep: its edges come from the nodes that finished in the
 * previous one and all carry the superstep's number (parallel branches share it, a join's
 * incoming edges too). A node resumed where it paused (before it, or in its interrupt()) keeps
 * the number it was given. Several tasks of one node in one superstep are a for-each fan-out.
 */
function applyTaskStart(state: RunState, task: TaskFrame, now: number): Partial<RunState> {
  // A task resumed mid-superstep goes on in that superstep: same sources, same number, and the branches that finished in it still count.
  const resumed = state.resuming.includes(task.name);
  // A task of the paused superstep that had finished is announced again but does not run again (its writes are saved).
  if (state.midStep && !resumed && state.stepRan.includes(task.name)) return {};
  const newStep = !state.stepOpen && !resumed && !state.midStep;
  const sources = newStep ? (state.stepRan.length ? state.stepRan : [state.lastNode ?? START_NODE]) : state.stepSources;
  const keys = sources.map((source) => edgeKey(source, task.name));
  const counted = resumed || (state.pausedEdge !== null && keys.includes(state.pausedEdge)) || state.nodeStatus[task.name] === "paused";
  const superstep = newStep && !counted ? state.edgeCount + 1 : state.edgeCount;
  const edgeOrder = { ...state.edgeOrder };
  if (!counted) for (const key of keys) if (edgeOrder[key]?.at(-1) !== superstep) edgeOrder[key] = [...(edgeOrder[key] ?? []), superstep];
  const fanOut = { ...state.fanOut };
  for (const key of keys) fanOut[key] = { ...(newStep ? {} : fanOut[key]), [task.id]: "running" };
  return {
    nodeStatus: { ...state.nodeStatus, [task.name]: "running" },
    edgeOrder,
    edgeCount: superstep,
    stepSources: sources,
    stepRan: newStep ? [] : state.stepRan,
    stepOpen: true,
    resuming: resumed ? state.resuming.filter((name) => name !== task.name) : state.resuming,
    fanOut: resumed ? fanOutWith(state.fanOut, task.id, "running") : fanOut,
    pausedEdge: null,
    activeNode: task.name,
    steps: [...state.steps, { id: task.id, node: task.name, startedAt: now, input: task.input }],
    streaming: null,
  };
}

function fanOutWith(fanOut: RunState["fanOut"], taskId: string, status: NodeRunStatus): RunState["fanOut"] {
  let changed = false;
  const next: RunState["fanOut"] = {};
  for (const [key, tasks] of Object.entries(fanOut)) {
    if (taskId in tasks) {
      changed = true;
      next[key] = { ...tasks, [taskId]: status };
    } else next[key] = tasks;
  }
  return changed ? next : fanOut;
}

/**
 * A frame from inside a subgraph (`tasks|research:<id>`, with streamSubgraphs): the inner node's
 * status at its path, its step and its update in the log named by path (`research > search`).
 */
function applyInsideFrame(state: RunState, mode: string, namespace: string, data: unknown, now: number): Partial<RunState> {
  const prefix = namespacePath(namespace).join(NODE_PATH_SEPARATOR) + NODE_PATH_SEPARATOR;
  if (mode === "tasks") {
    const task = data as TaskFrame;
    if (!task?.name || task.name.startsWith("__")) return {};
    const inside = applyInsideTask(state.inside, namespace, task);
    const node = prefix + task.name;
    if (!("result" in task || "error" in task)) return { inside, steps: [...state.steps, { id: task.id, node, startedAt: now, input: task.input }] };
    const error = task.error ? errorText(task.error) : undefined;
    const steps = state.steps.map((step) => (step.id === task.id ? { ...step, endedAt: now, output: task.result, error } : step));
    return { inside, steps, ...(error ? { events: [...state.events, runEvent({ kind: "error", node, text: error, stepId: task.id })] } : {}) };
  }
  if (mode === "updates" && data && typeof data === "object") {
    const events = state.events.slice();
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      if (name === "__interrupt__") continue;
      const node = prefix + name;
      const step = [...state.steps].reverse().find((candidate) => candidate.node === node);
      events.push(runEvent({ kind: "update", node, text: summariseUpdate(value), stepId: step?.id }));
    }
    return { events };
  }
  // Tokens of a model inside a subgraph stream like the parent's (its messages reach the parent's conversation when it ends).
  if (mode === "messages") return applyToken(state, data);
  return {};
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
  return { fanOut: settledFanOut(state.fanOut, threadState), ...settleStatus(state, threadState, interruptAfter) };
}

/** A for-each task still running when the run stopped waits (its node is next: paused inside or in interrupt()) or finished. */
function settledFanOut(fanOut: RunState["fanOut"], threadState: ThreadState): RunState["fanOut"] {
  const waiting = new Set(threadState.tasks.filter((task) => threadState.next.includes(task.name)).map((task) => task.id));
  return Object.fromEntries(Object.entries(fanOut).map(([key, tasks]) => [key, Object.fromEntries(Object.entries(tasks).map(([id, status]) => [id, status === "running" ? (waiting.has(id) ? "paused" : "done") : status]))]));
}

function settleStatus(state: RunState, threadState: ThreadState, interruptAfter: string[] | "*"): Partial<RunState> {
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
  const interrupts = pendingInterruptsOf(threadState);
  const interrupted = threadState.tasks.find((task) => isInterrupted(threadState, task));
  if (interrupted) {
    const pause = pauseOfThread(threadState)!;
    for (const pending of interrupts) nodeStatus[pending.path[0]] = "paused";
    const inside = pausedInside(state.inside, pause);
    const also = interrupts.length > 1 ? ` (and ${interrupts.length - 1} more: ${interrupts.slice(1).map((pending) => pending.path.join(NODE_PATH_SEPARATOR)).join(", ")})` : "";
    const text = `Paused in ${pausedAt(pause)}: interrupt(${short(pause.inner?.payload ?? pause.payload)})${also}`;
    const resuming = [...new Set(interrupts.map((pending) => pending.path[0]))];
    return { ...base, status: "paused", nodeStatus, inside, pause, interrupts, resuming, midStep: true, activeNode: interrupted.name, events: [...state.events, runEvent({ kind: "paused", node: interrupted.name, text })] };
  }
  if (threadState.next.length > 0) {
    const last = state.lastNode;
    const after = last && (interruptAfter === "*" || interruptAfter.includes(last)) && state.status !== "cancelled";
    const pause: RunPause = after ? { kind: "after", node: last } : pauseOfThread(threadState)!;
    const node = pause.node;
    if (state.status === "cancelled") return { ...base, status: "cancelled", nodeStatus, inside: settleInside(state.inside), interrupts: [], pause, activeNode: null };
    nodeStatus[node] = "paused";
    // A subgraph paused inside has started: the edge into it was counted when it did.
    const taken = pause.kind === "before" && !pause.inner ? takeEdge(state, state.lastNode ?? START_NODE, node) : {};
    return { ...base, ...taken, status: "paused", nodeStatus, inside: pausedInside(state.inside, pause), interrupts: [], innerPauses: after ? [] : innerPausesOf(threadState), resuming: pause.inner ? [pause.node] : [], midStep: !!pause.inner, pause, activeNode: node, events: [...state.events, runEvent({ kind: "paused", node, text: `Paused ${pause.kind} ${pausedAt(pause)}` })] };
  }
  if (state.status === "cancelled") return { ...base, nodeStatus, inside: settleInside(state.inside), interrupts: [], pause: null };
  const edgeOrder = { ...state.edgeOrder };
  if (state.lastNode) {
    const key = edgeKey(state.lastNode, END_NODE);
    edgeOrder[key] = [...(edgeOrder[key] ?? []), state.edgeCount + 1];
  }
  const sources = state.stepRan.length ? state.stepRan : state.lastNode ? [state.lastNode] : [];
  for (const source of sources) if (source !== state.lastNode) edgeOrder[edgeKey(source, END_NODE)] = [...(edgeOrder[edgeKey(source, END_NODE)] ?? []), state.edgeCount + 1];
  return { ...base, status: "done", nodeStatus, inside: settleInside(state.inside), interrupts: [], pause: null, activeNode: null, edgeOrder, edgeCount: state.edgeCount + 1, events: [...state.events, runEvent({ kind: "done", text: "Run finished" })] };
}

/** Inner nodes stop running; the node a subgraph paused at is marked paused at its path. */
function pausedInside(inside: RunState["inside"], pause: RunPause): RunState["inside"] {
  const settled = settleInside(inside);
  if (!pause.inner) return settled;
  const key = pause.inner.path.slice(0, -1).join(NODE_PATH_SEPARATOR);
  const entry = settled[key] ?? { nodeStatus: {}, visited: [], running: {} };
  return { ...settled, [key]: { ...entry, nodeStatus: { ...entry.nodeStatus, [pause.inner.path.at(-1)!]: "paused" } } };
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
