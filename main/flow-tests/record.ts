import type { BaseCheckpointSaver, StateSnapshot } from "@langchain/langgraph";
import { messageRole, messageText, type MessageLike } from "../../shared/conditions";
import { proposeChecks, type FlowAnswer, type FlowTest, type ObservedRun } from "../../shared/flow-test";
import type { RecordedTestResponse } from "../../shared/flow-test-result";
import { messagesFieldOf, type GraphDoc } from "../../shared/graph-doc";
import { toWire, type CompiledGraph } from "../engine";
import { pauseOf, type Pause } from "./answers";
import { realModelNodes } from "./providers";
import { checkpointIdOf, readLineage, readRunTrace, type RunTrace } from "./thread-trace";
import { editWritesOf, inferAsNode, inputWritesOf, resumeWritesOf } from "./thread-writes";

export class NothingToRecordError extends Error {
  override name = "NothingToRecordError";
  constructor(readonly threadId: string) {
    super(`thread ${threadId} has no checkpoints yet: run it first, then save it as a test`);
  }
}

/** The proposed test (not saved yet: the Tests panel shows it in the form first) and notes on what could not be recorded exactly. */
export type RecordedTest = RecordedTestResponse;

interface RecordSource {
  saver: BaseCheckpointSaver;
  doc: GraphDoc;
  graph: CompiledGraph;
  threadId: string;
}

/**
 * "Save run as test": the thread's input, each answer or state edit applied at a pause (with the
 * node it was applied as), and checks that hold for what the run did.
 */
export async function recordTestFromThread(source: RecordSource, name: string): Promise<RecordedTest> {
  const { saver, doc, graph, threadId } = source;
  const messagesField = messagesFieldOf(doc) ?? "messages";
  const lineage = await readLineage(graph, threadId);
  if (lineage.length === 0) throw new NothingToRecordError(threadId);
  const notes: string[] = [];
  const input = await recordedInput(source, lineage, messagesField, notes);
  const asNodes = new Map<string, string>();
  const answers: FlowAnswer[] = [];
  for (let index = 1; index < lineage.length; index++) {
    const parent = lineage[index - 1];
    const snapshot = lineage[index];
    const pause = pauseOf(parent, doc, messagesField);
    if (snapshot.metadata?.source === "update") {
      const writes = await editWritesOf(saver, threadId, parent);
      const asNode = inferAsNode(doc, snapshot, parent, writes);
      if (!asNode) continue;
      asNodes.set(checkpointIdOf(snapshot)!, asNode);
      if (!writes) notes.push(`the state edit at step ${String(snapshot.metadata?.step)} was applied to an earlier checkpoint (a fork) and cannot be replayed`);
      else answers.push(answerOf(pause, asNode, writes.values, messagesField));
    } else if (snapshot.metadata?.source === "loop") {
      for (const resume of await resumeWritesOf(saver, threadId, parent)) {
        answers.push(typeof resume.value === "string" ? { node: resume.node, text: resume.value } : { node: resume.node, resume: resume.value });
      }
    }
  }
  const trace = await readRunTrace(graph, threadId, { messagesField, asNodeOf: (update) => asNodes.get(checkpointIdOf(update) ?? "") });
  const test: FlowTest = {
    name,
    ...(realModelNodes(doc).length > 0 ? { provider: "real" as const } : {}),
    input,
    answers,
    checks: proposeChecks(observedRunOf(trace, doc)),
  };
  return { test, notes };
}

async function recordedInput(source: RecordSource, lineage: StateSnapshot[], messagesField: string, notes: string[]): Promise<FlowTest["input"]> {
  const inputs = lineage.filter((snapshot) => snapshot.metadata?.source === "input");
  if (inputs.length > 1) notes.push(`the thread was given new input ${inputs.length} times; only the first input is recorded`);
  if (inputs.length === 0) {
    notes.push("the thread has no input checkpoint (it was started by a state edit); the test starts from an empty input");
    return {};
  }
  const values = (await inputWritesOf(source.saver, source.threadId, inputs[0])) ?? {};
  return plainTextInput(values, messagesField) ?? values;
}

/** `{messages: [one user message]}` is written as its text: what a person typed. */
function plainTextInput(values: Record<string, unknown>, messagesField: string): string | undefined {
  const messages = values[messagesField];
  if (Object.keys(values).length !== 1 || !Array.isArray(messages) || messages.length !== 1) return undefined;
  const message = messages[0] as MessageLike;
  return messageRole(message) === "human" && typeof message.content === "string" ? message.content : undefined;
}

/** An edit that only answers the paused question becomes its text; anything else is kept as the edit it was. */
function answerOf(pause: Pause, asNode: string, values: Record<string, unknown>, messagesField: string): FlowAnswer {
  const messages = values[messagesField];
  const only = Object.keys(values).length === 1 && Array.isArray(messages) && messages.length === 1 ? (messages[0] as MessageLike) : undefined;
  if (only && asNode === pause.node && typeof only.content === "string") {
    const role = messageRole(only);
    if (role === "tool" && pause.askCall && only.tool_call_id === pause.askCall.id) return { node: pause.node, text: only.content };
    if (role === "human" && !pause.askCall && pause.needsAnswer) return { node: pause.node, text: only.content };
  }
  return { node: pause.node, asNode, values: cleanValues(values, messagesField, pause) };
}

/** Drops what changes from run to run (message ids, the pending call's id) and empty wire padding. */
function cleanValues(values: Record<string, unknown>, messagesField: string, pause: Pause): Record<string, unknown> {
  const messages = values[messagesField];
  if (!Array.isArray(messages)) return values;
  const cleaned = messages.map((message) => {
    if (!message || typeof message !== "object") return message;
    const kept = Object.entries(message as Record<string, unknown>).filter(([key, value]) => {
      if (key === "id") return false;
      if (key === "tool_call_id" && value === pause.askCall?.id) return false;
      if (Array.isArray(value) && value.length === 0) return false;
      if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return false;
      return value !== undefined;
    });
    return Object.fromEntries(kept);
  });
  return { ...values, [messagesField]: cleaned };
}

export function observedRunOf(trace: RunTrace, doc: GraphDoc): ObservedRun {
  const kinds = new Map(doc.nodes.map((node) => [node.id, node.kind]));
  const values = toWire(trace.final.values ?? {}) as Record<string, unknown>;
  const fields = Object.fromEntries(Object.entries(values).filter(([field]) => field !== trace.messagesField));
  return {
    steps: trace.steps.map((step) => ({ node: step.node, kind: kinds.get(step.node) })),
    finalAnswerStep: trace.finalAnswer?.stepIndex,
    finalMessage: trace.finalAnswer?.text ?? (trace.lastMessageText === undefined ? undefined : messageText({ content: trace.lastMessageText })),
    ended: trace.ended,
    fields,
  };
}
