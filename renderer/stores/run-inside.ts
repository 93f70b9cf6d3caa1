import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";

/** Mirrors run-store's node status (kept here so this module stays free of the store). */
export type InsideStatus = "running" | "done" | "error" | "paused";

/**
 * What ran inside one subgraph node during the run, keyed by its path from the open graph
 * (`research`, `research > inner`): plain data, so anything drawing a subgraph's own nodes (an
 * expanded frame, an opened subgraph) reads the same thing the parent canvas's badge reads.
 * The tasks of a for-each over a subgraph node share one entry: a node is running while it runs
 * in any of them.
 */
export interface InsideRun {
  nodeStatus: Record<string, InsideStatus>;
  /** Nodes that finished, in order (every task of the path). */
  visited: string[];
  /** Inner nodes running now, by the task (checkpoint namespace) they run in. */
  running: Record<string, string[]>;
}

/** A frame's event name split into its stream mode and the subgraph namespace it came from (`tasks|research:<id>`). */
export function frameNamespace(event: string): { mode: string; namespace: string } {
  const bar = event.indexOf("|");
  return bar < 0 ? { mode: event, namespace: "" } : { mode: event.slice(0, bar), namespace: event.slice(bar + 1) };
}

/** The node ids a checkpoint namespace runs through: `research:<id>|inner:<id>` -> [research, inner]. */
export function namespacePath(namespace: string): string[] {
  return namespace
    .split("|")
    .filter(Boolean)
    .map((part) => part.split(":")[0]);
}

export const pathKey = (path: string[]) => path.join(NODE_PATH_SEPARATOR);

/** The task id of the parent graph's task a namespace's innermost level runs in (`research:<id>` -> id). */
export function namespaceTaskId(namespace: string): string {
  const last = namespace.split("|").filter(Boolean).at(-1) ?? "";
  return last.slice(last.indexOf(":") + 1);
}

const emptyInside = (): InsideRun => ({ nodeStatus: {}, visited: [], running: {} });

interface InnerTask {
  name: string;
  result?: unknown;
  error?: unknown;
  interrupts?: unknown[];
}

/** One `tasks` frame from inside a subgraph: the inner node's status at its path. */
export function applyInsideTask(inside: Record<string, InsideRun>, namespace: string, task: InnerTask): Record<string, InsideRun> {
  if (!task?.name || task.name.startsWith("__")) return inside;
  const key = pathKey(namespacePath(namespace));
  const current = inside[key] ?? emptyInside();
  const others = (current.running[namespace] ?? []).filter((name) => name !== task.name);
  const isResult = "result" in task || "error" in task;
  if (!isResult) {
    return { ...inside, [key]: { ...current, nodeStatus: { ...current.nodeStatus, [task.name]: "running" }, running: { ...current.running, [namespace]: [...others, task.name] } } };
  }
  const status: InsideStatus = task.error ? "error" : task.interrupts?.length ? "paused" : "done";
  const running = { ...current.running, [namespace]: others };
  if (others.length === 0) delete running[namespace];
  return {
    ...inside,
    [key]: { nodeStatus: { ...current.nodeStatus, [task.name]: status }, visited: status === "done" ? [...current.visited, task.name] : current.visited, running },
  };
}

/**
 * The inner path a subgraph node shows while it runs (`research > search`), following the running
 * node down into nested subgraphs; null when nothing runs inside it.
 */
export function runningPathOf(inside: Record<string, InsideRun>, nodeId: string): string | null {
  let key = nodeId;
  let label: string | null = null;
  for (let depth = 0; depth < 16; depth++) {
    const entry = inside[key];
    const running = entry ? [...new Set(Object.values(entry.running).flat())] : [];
    if (running.length === 0) return label;
    label = `${key}${NODE_PATH_SEPARATOR}${running.join(", ")}`;
    if (running.length > 1) return label;
    key = `${key}${NODE_PATH_SEPARATOR}${running[0]}`;
  }
  return label;
}

/** Inner nodes that are no longer running once the run stopped (cancelled, paused, finished). */
export function settleInside(inside: Record<string, InsideRun>): Record<string, InsideRun> {
  return Object.fromEntries(
    Object.entries(inside).map(([key, entry]) => [key, { ...entry, running: {}, nodeStatus: Object.fromEntries(Object.entries(entry.nodeStatus).map(([node, status]) => [node, status === "running" ? "done" : status])) }]),
  );
}
