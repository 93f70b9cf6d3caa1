import type { BaseMessage } from "@langchain/core/messages";
import { Command, type StateSnapshot } from "@langchain/langgraph";
import type { NormalAnswer } from "../../shared/flow-test";
import type { GraphDoc } from "../../shared/graph-doc";
import type { CompiledGraph } from "../engine";

/** Where a run stopped and what answering there means. */
export interface Pause {
  node: string;
  /** Paused inside the node by `interrupt()`: answered with `Command({resume})`. */
  interrupted: boolean;
  /** The model's tool call the node answers (a human node's ask tool). */
  askCall?: { id: string; name: string };
  /** A human node waiting for its answer, or an interrupt: without an answer the test stays paused here. */
  needsAnswer: boolean;
  /** Paused before a node that will ask by `interrupt()` itself: its answer is for that pause, not this one. */
  beforeInterruptNode: boolean;
}

export class UnusableAnswerError extends Error {
  override name = "UnusableAnswerError";
}

export function pauseOf(state: StateSnapshot, doc: GraphDoc, messagesField: string): Pause {
  const interruptedTask = state.tasks.find((task) => (task.interrupts ?? []).length > 0);
  const node = interruptedTask?.name ?? state.next[0];
  const graphNode = doc.nodes.find((candidate) => candidate.id === node);
  const human = graphNode?.kind === "human" ? graphNode : undefined;
  const beforeInterruptNode = !interruptedTask && human?.config.mode === "interrupt";
  return {
    node,
    interrupted: interruptedTask !== undefined,
    askCall: human ? pendingCall(state, messagesField, human.config.askTool) : undefined,
    needsAnswer: interruptedTask !== undefined || (human !== undefined && !beforeInterruptNode),
    beforeInterruptNode,
  };
}

function pendingCall(state: StateSnapshot, messagesField: string, askTool: string): Pause["askCall"] {
  const messages = ((state.values as Record<string, unknown>)[messagesField] as BaseMessage[] | undefined) ?? [];
  const last = messages.at(-1) as { tool_calls?: Array<{ id?: string; name: string }> } | undefined;
  const call = last?.tool_calls?.find((candidate) => candidate.name === askTool && candidate.id);
  return call ? { id: call.id!, name: call.name } : undefined;
}

/**
 * Takes the first unused answer meant for this pause. An answer that names a node is for a pause
 * at that node; a plain text that names none is for the next pause that waits for a person (a human
 * node or an interrupt), so breakpoints set for debugging do not swallow it; other answers that
 * name no node are for the next pause, whatever it is.
 */
export function takeAnswer(answers: Array<NormalAnswer & { used?: boolean }>, pause: Pause): NormalAnswer | undefined {
  if (pause.beforeInterruptNode) return undefined;
  const answer = answers.find((candidate) => {
    if (candidate.used) return false;
    if (candidate.node !== undefined) return candidate.node === pause.node;
    return candidate.kind !== "text" || pause.needsAnswer;
  });
  if (answer) answer.used = true;
  return answer;
}

/**
 * Applies an answer at a pause. A state edit is written now (updateState, as a node) and the run
 * continues with no new input; a resume value is the input of the next stream. Returns that input
 * and, for state edits, the checkpoint the edit made and the node it was applied as.
 */
export async function applyAnswer(
  graph: CompiledGraph,
  config: { configurable: Record<string, unknown> },
  pause: Pause,
  answer: NormalAnswer,
  messagesField: string,
): Promise<{ next: Command | null; edit?: { checkpointId: string; asNode: string } }> {
  if (answer.kind === "resume") return { next: new Command({ resume: answer.resume }) };
  if (answer.kind === "text" && pause.interrupted) return { next: new Command({ resume: answer.text }) };
  const asNode = answer.kind === "edit" ? answer.asNode : pause.node;
  const values = answer.kind === "edit" ? withPendingCallId(answer.values, pause, messagesField) : { [messagesField]: [textMessage(answer.text, pause)] };
  let saved;
  try {
    saved = await graph.updateState(config, values, asNode);
  } catch (error) {
    throw new UnusableAnswerError(`the answer at the pause before ${pause.node} could not be applied as ${asNode}: ${(error as Error).message}`);
  }
  return { next: null, edit: { checkpointId: String(saved.configurable?.checkpoint_id), asNode } };
}

function textMessage(text: string, pause: Pause): Record<string, unknown> {
  if (pause.askCall) return { type: "tool", tool_call_id: pause.askCall.id, name: pause.askCall.name, content: text };
  return { type: "human", content: text };
}

/** Tool messages written without a tool_call_id answer the model's pending call (its id changes every run). */
function withPendingCallId(values: Record<string, unknown>, pause: Pause, messagesField: string): Record<string, unknown> {
  const messages = values[messagesField];
  if (!pause.askCall || !Array.isArray(messages)) return values;
  const filled = messages.map((message) => {
    if (!message || typeof message !== "object") return message;
    const fields = message as Record<string, unknown>;
    const isTool = fields.type === "tool" || fields.role === "tool";
    return isTool && !fields.tool_call_id ? { ...fields, tool_call_id: pause.askCall!.id } : message;
  });
  return { ...values, [messagesField]: filled };
}
