import type { BaseMessage } from "@langchain/core/messages";
import type { StateSnapshot } from "@langchain/langgraph";
import { messageRole, messageText, type MessageLike } from "../../shared/conditions";
import type { FlowTestStep } from "../../shared/flow-test-result";
import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";
import type { CompiledGraph } from "../engine";

/** Who a state edit was applied as: the runner knows it; a recorded thread has it inferred. */
export type AsNodeResolver = (update: StateSnapshot, parent: StateSnapshot) => Promise<string | undefined> | string | undefined;

export interface NodeError {
  node: string | null;
  message: string;
}

/** A thread's run read back from its checkpoints: what checks are evaluated on. */
export interface RunTrace {
  threadId: string;
  /** The checkpoints of the thread's current branch, oldest first. */
  lineage: StateSnapshot[];
  steps: FlowTestStep[];
  final: StateSnapshot;
  ended: "finished" | "paused" | "error";
  errors: NodeError[];
  /** The last message, when it is an AI message without tool calls, and the step that wrote it. */
  finalAnswer?: { text: string; stepIndex: number; checkpointId: string };
  lastMessageText?: string;
  messagesField: string;
}

export function checkpointIdOf(snapshot: StateSnapshot | undefined): string | undefined {
  return snapshot?.config?.configurable?.checkpoint_id as string | undefined;
}

/**
 * The checkpoints from the thread's first to its current one (forks the thread left behind are not
 * included); with a namespace (`research:<task id>`), those of that subgraph run.
 */
export async function readLineage(graph: CompiledGraph, threadId: string, namespace = ""): Promise<StateSnapshot[]> {
  const byId = new Map<string, StateSnapshot>();
  let latest: StateSnapshot | undefined;
  const config = { configurable: { thread_id: threadId, ...(namespace ? { checkpoint_ns: namespace } : {}) } };
  for await (const snapshot of graph.getStateHistory(config)) {
    const id = checkpointIdOf(snapshot);
    if (!id) continue;
    byId.set(id, snapshot);
    latest ??= snapshot;
  }
  const lineage: StateSnapshot[] = [];
  for (let current = latest; current; current = byId.get(String(current.parentConfig?.configurable?.checkpoint_id ?? ""))) {
    lineage.unshift(current);
    if (lineage.length > byId.size) break;
  }
  return lineage;
}

export async function readRunTrace(
  graph: CompiledGraph,
  threadId: string,
  options: { messagesField: string; asNodeOf: AsNodeResolver; runError?: unknown },
): Promise<RunTrace> {
  const lineage = await readLineage(graph, threadId);
  const final = lineage.at(-1) ?? (await graph.getState({ configurable: { thread_id: threadId } }));
  const steps = await stepsOf(graph, threadId, lineage, options.asNodeOf);
  const errors = nodeErrorsOf(final, options.runError);
  const ended = errors.length > 0 ? "error" : final.next.length > 0 ? "paused" : "finished";
  return { threadId, lineage, steps, final, ended, errors, messagesField: options.messagesField, ...finalMessageOf(lineage, steps, options.messagesField) };
}

/**
 * Node visits along a lineage. A subgraph task's own visits follow it, named by their path
 * (`research > search`), read from the subgraph's checkpoint namespace; those of a subgraph
 * paused at the end come last.
 */
async function stepsOf(graph: CompiledGraph, threadId: string, lineage: StateSnapshot[], asNodeOf: AsNodeResolver, prefix = ""): Promise<FlowTestStep[]> {
  const steps: FlowTestStep[] = [];
  for (let index = 1; index < lineage.length; index++) {
    const parent = lineage[index - 1];
    const snapshot = lineage[index];
    const checkpointId = checkpointIdOf(snapshot)!;
    const step = Number(snapshot.metadata?.step ?? index - 1);
    const namespace = snapshot.config?.configurable?.checkpoint_ns as string | undefined;
    const at = { step, checkpoint_id: checkpointId, ...(namespace ? { checkpoint_ns: namespace } : {}) };
    if (snapshot.metadata?.source === "loop") {
      for (const node of parent.next) if (node !== "__start__") steps.push({ node: `${prefix}${node}`, via: "run", ...at });
      steps.push(...(await subgraphSteps(graph, threadId, parent, asNodeOf, prefix)));
    } else if (snapshot.metadata?.source === "update") {
      const node = await asNodeOf(snapshot, parent);
      if (node && node !== "__start__") steps.push({ node: `${prefix}${node}`, via: "answer", ...at });
    }
  }
  const final = lineage.at(-1);
  if (final && final.next.length > 0) steps.push(...(await subgraphSteps(graph, threadId, final, asNodeOf, prefix)));
  return steps;
}

async function subgraphSteps(graph: CompiledGraph, threadId: string, snapshot: StateSnapshot, asNodeOf: AsNodeResolver, prefix: string): Promise<FlowTestStep[]> {
  const steps: FlowTestStep[] = [];
  for (const task of snapshot.tasks) {
    const namespace = (task.state as { configurable?: { checkpoint_ns?: string } } | undefined)?.configurable?.checkpoint_ns;
    if (!namespace) continue;
    const inner = await readLineage(graph, threadId, namespace);
    steps.push(...(await stepsOf(graph, threadId, inner, asNodeOf, `${prefix}${task.name}${NODE_PATH_SEPARATOR}`)));
  }
  return steps;
}

function nodeErrorsOf(final: StateSnapshot, runError: unknown): NodeError[] {
  const errors: NodeError[] = final.tasks.filter((task) => task.error).map((task) => ({ node: task.name, message: errorText(task.error) }));
  if (errors.length === 0 && runError) errors.push({ node: null, message: errorText(runError) });
  return errors;
}

export function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const name = (error as { name?: unknown }).name;
    const message = String((error as { message: unknown }).message);
    return typeof name === "string" && name !== "Error" ? `${name}: ${message}` : message;
  }
  return String(error);
}

function messagesOf(snapshot: StateSnapshot, field: string): BaseMessage[] {
  const messages = (snapshot.values as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(messages) ? (messages as BaseMessage[]) : [];
}

function finalMessageOf(lineage: StateSnapshot[], steps: FlowTestStep[], field: string): Pick<RunTrace, "finalAnswer" | "lastMessageText"> {
  const final = lineage.at(-1);
  if (!final) return {};
  const last = messagesOf(final, field).at(-1) as (BaseMessage & MessageLike) | undefined;
  if (!last) return {};
  const lastMessageText = messageText(last);
  const isAnswer = messageRole(last) === "ai" && (last.tool_calls ?? []).length === 0;
  if (!isAnswer) return { lastMessageText };
  const wroteIt = lineage.find((snapshot) => messagesOf(snapshot, field).some((message) => message === last || (message.id && message.id === last.id)));
  const checkpointId = checkpointIdOf(wroteIt ?? final)!;
  const stepIndex = steps.findIndex((step) => step.checkpoint_id === checkpointId);
  return { lastMessageText, finalAnswer: { text: lastMessageText, stepIndex: stepIndex === -1 ? steps.length : stepIndex, checkpointId } };
}
