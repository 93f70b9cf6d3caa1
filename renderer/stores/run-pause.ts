import type { ThreadState } from "@langchain/langgraph-sdk";
import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";
import type { RunPause } from "./run-store";

/** A subgraph's checkpoint: where a read or an update of a pause inside it goes (POST /threads/{id}/state `checkpoint`). */
export interface SubgraphCheckpoint {
  checkpoint_ns: string;
  checkpoint_id: string;
}

/** A pause inside a subgraph node, from the thread's state read with `subgraphs: true`. */
export interface InnerPause {
  /** Node ids from the open graph down to the paused node: [research, approve]. */
  path: string[];
  kind: "before" | "interrupt";
  /** The subgraph's checkpoint at the pause, with its namespace. */
  checkpoint: SubgraphCheckpoint;
  /** The subgraph's own state at the pause (its fields, not the parent's). */
  values: Record<string, unknown>;
  payload?: unknown;
}

/** One interrupt() waiting for its resume value; several wait at once when parallel branches ask. */
export interface PendingInterrupt {
  /** LangGraph's interrupt id: the key of this answer in a resume map. */
  id: string | null;
  /** Node ids from the open graph down to the asking node. */
  path: string[];
  value: unknown;
}

type Task = ThreadState["tasks"][number];
type NestedState = ThreadState & { checkpoint: { checkpoint_id: string; checkpoint_ns: string } };

export const pathLabel = (path: string[]) => path.join(NODE_PATH_SEPARATOR);

/**
 * A task waiting in interrupt(). LangGraph keeps a resumed task's interrupt in the snapshot once
 * it has finished (another branch still waiting): only a task of a node still `next` waits.
 */
export function isInterrupted(state: Pick<ThreadState, "next">, task: Task): boolean {
  return !!task.interrupts?.length && state.next.includes(task.name);
}

function nestedStateOf(task: Task): NestedState | null {
  const state = task.state as unknown;
  return state && typeof state === "object" && "values" in state && "next" in state && "checkpoint" in state ? (state as NestedState) : null;
}

/**
 * Where a paused subgraph task waits, looking down through nested subgraphs: before a node (its
 * `next`) or in a node's interrupt(). Undefined when the task is not a paused subgraph.
 */
export function innerPauseOf(task: Task, path: string[] = [task.name]): InnerPause | undefined {
  const state = nestedStateOf(task);
  if (!state) return undefined;
  const interrupted = state.tasks.find((candidate) => isInterrupted(state, candidate));
  const waiting = interrupted ?? state.tasks.find((candidate) => state.next.includes(candidate.name));
  if (!waiting) return undefined;
  const deeper = innerPauseOf(waiting, [...path, waiting.name]);
  if (deeper) return deeper;
  return {
    path: [...path, waiting.name],
    kind: interrupted ? "interrupt" : "before",
    checkpoint: { checkpoint_ns: state.checkpoint.checkpoint_ns, checkpoint_id: state.checkpoint.checkpoint_id },
    values: (state.values ?? {}) as Record<string, unknown>,
    ...(interrupted ? { payload: interrupted.interrupts[0]?.value } : {}),
  };
}

/** Every subgraph task paused inside (several when parallel branches or a for-each's tasks each paused), in task order. */
export function innerPausesOf(state: ThreadState): InnerPause[] {
  return state.tasks.filter((task) => state.next.includes(task.name)).flatMap((task) => innerPauseOf(task) ?? []);
}

/** Every interrupt() pending in the thread, each named by the path of the node that asks. */
export function pendingInterruptsOf(state: ThreadState): PendingInterrupt[] {
  const pending: PendingInterrupt[] = [];
  for (const task of state.tasks) {
    if (!isInterrupted(state, task)) continue;
    const inner = innerPauseOf(task);
    const path = inner?.kind === "interrupt" ? inner.path : [task.name];
    for (const interrupt of task.interrupts) pending.push({ id: (interrupt as { id?: string }).id ?? null, path, value: interrupt.value });
  }
  return pending;
}

/**
 * Why a thread stopped, when not after a breakpoint: in a node's interrupt() (the first of those
 * pending), else before its next node; inside a subgraph task, the pause names the inner node.
 */
export function pauseOfThread(state: ThreadState): RunPause | null {
  const interrupted = state.tasks.find((task) => isInterrupted(state, task));
  if (interrupted) {
    const inner = innerPauseOf(interrupted);
    return { kind: "interrupt", node: interrupted.name, payload: interrupted.interrupts[0].value, ...(inner ? { inner } : {}) };
  }
  if (state.next.length === 0) return null;
  const node = state.next[0];
  const task = state.tasks.find((candidate) => candidate.name === node);
  const inner = task ? innerPauseOf(task) : undefined;
  return { kind: "before", node, ...(inner ? { inner } : {}) };
}

/** The paused node as a person names it: `research > approve` inside a subgraph, else the node. */
export const pausedAt = (pause: RunPause) => (pause.inner ? pathLabel(pause.inner.path) : pause.node);
