import { messagesFieldOf, type GraphDoc } from "../../../shared/graph-doc";
import type { RunPause } from "../../stores/run-store";

/** A tool call the model made to ask a person (the seed's AskHuman and its usual spellings). */
const ASK_HUMAN_TOOL = /^(ask[_-]?(human|user|person)|human[_-]?(input|help|feedback)|request[_-]?human([_-]?input)?)$/i;

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

/** What the debugger knows of the node a run paused at: does a person answer it, and which tool call does it answer? */
export interface PausedNodeInfo {
  /** The node a person answers: the answer box appears, and "Apply as" proposes this node. */
  humanLike: boolean;
  /** The pending tool call the answer becomes the result of (the seed pattern), if any. */
  answersToolCall: ToolCall | null;
}

const nothing: PausedNodeInfo = { humanLike: false, answersToolCall: null };

/**
 * For a graph drawn from its document, a node is human-like when it is a `human` node, and it
 * answers its configured ask tool. For a graph defined in code or deployed, the document says
 * nothing of kinds: a node is human-like when the thread shows it, by an `interrupt()` payload
 * at the node, or, paused before it, by an AskHuman-style tool call the last AI message is
 * waiting on. Never by the node's name.
 */
export function pausedNodeInfo(input: { doc: GraphDoc | null; editable: boolean; pause: RunPause | null; values: Record<string, unknown> | undefined }): PausedNodeInfo {
  const { doc, editable, pause, values } = input;
  if (!pause || !doc) return nothing;
  if (pause.kind === "interrupt") return { humanLike: true, answersToolCall: null };
  const messagesField = messagesFieldOf(doc);
  if (editable) {
    const node = doc.nodes.find((candidate) => candidate.id === pause.node);
    if (node?.kind !== "human") return nothing;
    return { humanLike: pause.kind === "before", answersToolCall: messagesField ? pendingToolCall(values, messagesField, node.config.askTool) : null };
  }
  if (pause.kind !== "before" || !messagesField) return nothing;
  const call = pendingAskHumanCall(values, messagesField);
  return call ? { humanLike: true, answersToolCall: call } : nothing;
}

function pendingAskHumanCall(values: Record<string, unknown> | undefined, messagesField: string): ToolCall | null {
  const messages = (values?.[messagesField] as { type?: string; tool_calls?: { id?: string; name: string; args: Record<string, unknown> }[] }[] | undefined) ?? [];
  const last = [...messages].reverse().find((message) => message.type === "ai" || message.type === "AIMessageChunk");
  const call = last?.tool_calls?.find((candidate) => ASK_HUMAN_TOOL.test(candidate.name));
  return call?.id ? { id: call.id, name: call.name, args: call.args } : null;
}

/** The tool call the paused run waits on: the last AI message's call of the human node's ask tool. */
export function pendingToolCall(values: Record<string, unknown> | undefined, messagesField: string, askTool?: string): ToolCall | null {
  const messages = (values?.[messagesField] as { type?: string; tool_calls?: { id?: string; name: string; args: Record<string, unknown> }[] }[] | undefined) ?? [];
  const last = [...messages].reverse().find((message) => message.type === "ai" || message.type === "AIMessageChunk");
  const calls = last?.tool_calls ?? [];
  const call = calls.find((candidate) => candidate.name === askTool) ?? calls[0];
  return call?.id ? { id: call.id, name: call.name, args: call.args } : null;
}
