import type { BaseCheckpointSaver, StateSnapshot } from "@langchain/langgraph";
import type { GraphDoc } from "../../shared/graph-doc";
import { toWire } from "../engine";
import { checkpointIdOf } from "./thread-trace";

/** A write the checkpoint log keeps beside a checkpoint: [task id, channel, value]. */
type PendingWrite = [string, string, unknown];

const BRANCH = "branch:to:";

export interface StateWrites {
  /** State fields written, as plain JSON (messages in the API's wire shape). */
  values: Record<string, unknown>;
  /** Nodes the writes route to (the `branch:to:<node>` channels the writing node's edges set). */
  routesTo: string[];
}

export async function pendingWritesOf(saver: BaseCheckpointSaver, threadId: string, snapshot: StateSnapshot): Promise<PendingWrite[]> {
  const tuple = await saver.getTuple({ configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: checkpointIdOf(snapshot) } });
  return (tuple?.pendingWrites ?? []) as PendingWrite[];
}

/** Groups writes into state values; reserved channels (`__resume__`, `__error__`, ...) are left out. */
export function stateWritesOf(writes: PendingWrite[]): StateWrites {
  const values: Record<string, unknown> = {};
  const routesTo: string[] = [];
  for (const [, channel, value] of writes) {
    if (channel.startsWith(BRANCH)) routesTo.push(channel.slice(BRANCH.length));
    else if (channel.startsWith("__")) continue;
    else if (Array.isArray(values[channel]) && Array.isArray(value)) values[channel] = [...(values[channel] as unknown[]), ...toWireArray(value)];
    else values[channel] = toWire(value);
  }
  return { values, routesTo };
}

function toWireArray(value: unknown[]): unknown[] {
  return toWire(value) as unknown[];
}

/** The input a run started with: what the `__start__` task of an "input" checkpoint wrote. */
export async function inputWritesOf(saver: BaseCheckpointSaver, threadId: string, inputCheckpoint: StateSnapshot): Promise<Record<string, unknown> | undefined> {
  const startTasks = new Set(inputCheckpoint.tasks.filter((task) => task.name === "__start__").map((task) => task.id));
  const writes = (await pendingWritesOf(saver, threadId, inputCheckpoint)).filter(([taskId]) => startTasks.has(taskId));
  return writes.length > 0 ? stateWritesOf(writes).values : undefined;
}

/**
 * The writes of a state edit applied at `parent`: LangGraph stores them beside the checkpoint the
 * edit was applied to, under a task id of their own (not one of the tasks that checkpoint planned).
 */
export async function editWritesOf(saver: BaseCheckpointSaver, threadId: string, parent: StateSnapshot): Promise<StateWrites | undefined> {
  const planned = new Set(parent.tasks.map((task) => task.id));
  const writes = (await pendingWritesOf(saver, threadId, parent)).filter(([taskId, channel]) => !planned.has(taskId) && channel !== "__resume__");
  return writes.length > 0 ? stateWritesOf(writes) : undefined;
}

/**
 * Resume values given at `paused` (Command({resume})), with the node each one answered. LangGraph
 * writes the value once without a task and, when the node takes it, again under the node's task
 * as the list of values its interrupt() calls received: that list is the record when present.
 */
export async function resumeWritesOf(saver: BaseCheckpointSaver, threadId: string, paused: StateSnapshot): Promise<Array<{ node: string; value: unknown }>> {
  const writes = (await pendingWritesOf(saver, threadId, paused)).filter(([, channel]) => channel === "__resume__");
  const taskNames = new Map(paused.tasks.map((task) => [task.id, task.name]));
  const byTask = writes.filter(([taskId]) => taskNames.has(taskId));
  if (byTask.length > 0) {
    return byTask.flatMap(([taskId, , value]) => (Array.isArray(value) ? value : [value]).map((item) => ({ node: taskNames.get(taskId)!, value: toWire(item) })));
  }
  const node = paused.tasks.find((task) => (task.interrupts ?? []).length > 0)?.name ?? paused.next[0];
  return writes.map(([, , value]) => ({ node, value: toWire(value) }));
}

/**
 * Which node a recorded state edit was applied as. LangGraph.js keeps no as-node in checkpoint
 * metadata (LangGraph Python's `metadata.writes` is used when present), so it is inferred: the
 * paused node when its edges can route where the edit routes, else the one node that can.
 * Nodes that route the same way write the same channels, so a replay as either is the same.
 */
export function inferAsNode(doc: GraphDoc, update: StateSnapshot, parent: StateSnapshot, writes: StateWrites | undefined): string | undefined {
  const recorded = (update.metadata as { writes?: Record<string, unknown> } | undefined)?.writes;
  if (recorded && typeof recorded === "object" && Object.keys(recorded).length === 1) return Object.keys(recorded)[0];
  const paused = [...parent.tasks.filter((task) => (task.interrupts ?? []).length > 0).map((task) => task.name), ...parent.next];
  const routes = (writes?.routesTo ?? []).filter((target) => target !== "__end__");
  const canRoute = (node: string) => {
    const targets = new Set(doc.edges.filter((edge) => edge.source === node).map((edge) => edge.target));
    return routes.every((target) => targets.has(target));
  };
  return paused.find(canRoute) ?? singleOrUndefined(doc.nodes.map((node) => node.id).filter(canRoute)) ?? paused[0];
}

function singleOrUndefined<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
