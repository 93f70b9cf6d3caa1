import type { StateSnapshot } from "@langchain/langgraph";
import type { CheckpointRef, Interrupt, ThreadState, ThreadStatus, ThreadTask } from "../../shared/api";
import { toWireJson } from "./serialize";

type RunnableConfigLike = { configurable?: Record<string, unknown> } | undefined;

export function checkpointRefOf(config: RunnableConfigLike, threadId: string): CheckpointRef {
  const configurable = config?.configurable ?? {};
  return {
    thread_id: threadId,
    checkpoint_id: String(configurable.checkpoint_id ?? ""),
    checkpoint_ns: String(configurable.checkpoint_ns ?? ""),
    checkpoint_map: (configurable.checkpoint_map as Record<string, unknown> | undefined) ?? null,
  };
}

/**
 * A LangGraph state snapshot in the Platform API's ThreadState shape. A subgraph's state inside a
 * task (`subgraphs=true`) leaves out the top-level `interrupts` list, as the LangGraph.js server does.
 */
export function threadStateOf(snapshot: StateSnapshot, threadId: string, nested = false): ThreadState {
  const tasks: ThreadTask[] = snapshot.tasks.map((task) => ({
    id: task.id,
    name: task.name,
    error: task.error ? errorText(task.error) : null,
    interrupts: (toWireJson(task.interrupts ?? []) as Interrupt[]) ?? [],
    path: task.path as unknown[] | undefined,
    checkpoint: subgraphCheckpointOf(task.state, threadId),
    state: isSnapshot(task.state) ? threadStateOf(task.state, threadId, true) : null,
    result: toWireJson(task.result ?? null),
  }));
  return {
    values: (toWireJson(snapshot.values ?? {}) as Record<string, unknown>) ?? {},
    next: [...snapshot.next],
    tasks,
    metadata: (snapshot.metadata as Record<string, unknown> | undefined) ?? {},
    created_at: snapshot.createdAt ?? null,
    checkpoint: checkpointRefOf(snapshot.config, threadId),
    parent_checkpoint: snapshot.parentConfig ? checkpointRefOf(snapshot.parentConfig, threadId) : null,
    ...(nested ? {} : { interrupts: tasks.flatMap((task) => task.interrupts) }),
  };
}

/** Pending interrupts by task id, as GET /threads/{id} shows them (a static breakpoint is an empty list). */
export function interruptsOf(state: ThreadState): Record<string, Interrupt[]> {
  return Object.fromEntries(state.tasks.filter((task) => task.interrupts.length > 0 || state.next.includes(task.name)).map((task) => [task.id, task.interrupts]));
}

export function idleStatusOf(state: ThreadState): ThreadStatus {
  return state.next.length > 0 ? "interrupted" : "idle";
}

/**
 * A subgraph task's `state` (when read without `subgraphs`) is the config of the subgraph's
 * checkpoint: the Platform API shows it as `{thread_id, checkpoint_ns}`, which a client passes
 * back to read or update the subgraph's state.
 */
function subgraphCheckpointOf(state: unknown, threadId: string): ThreadTask["checkpoint"] {
  const configurable = (state as RunnableConfigLike)?.configurable;
  if (!configurable || typeof configurable.checkpoint_ns !== "string") return null;
  return { thread_id: String(configurable.thread_id ?? threadId), checkpoint_ns: configurable.checkpoint_ns };
}

function isSnapshot(state: unknown): state is StateSnapshot {
  return typeof state === "object" && state !== null && "values" in state && "next" in state && "tasks" in state;
}

/**
 * A task's error as "Name: message". Read back from a checkpoint it is no longer an Error but the
 * plain `{name, message}` (or the Platform's `{error, message}`) the saver stored.
 */
function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object") {
    const { name, error: kind, message } = error as { name?: unknown; error?: unknown; message?: unknown };
    const label = typeof name === "string" ? name : typeof kind === "string" ? kind : "Error";
    if (typeof message === "string") return message ? `${label}: ${message}` : label;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error) ?? String(error);
}
