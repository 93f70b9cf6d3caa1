import { debugNodesOf, isGraphShown, messagesFieldOfView, type OpenGraphView } from "../../stores/open-graph-facts";
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
 * answers its configured ask tool (the node's `asks` says so). For a graph defined in code or
 * deployed, nothing but the thread tells: a node is human-like when it is paused in an
 * `interrupt()`, or, paused before it, when the last AI message waits on an AskHuman-style tool
 * call. Never by the node's name.
 */
export function pausedNodeInfo(input: { view: OpenGraphView; pause: RunPause | null; values: Record<string, unknown> | undefined }): PausedNodeInfo {
  const { view, pause, values } = input;
  if (!pause || !isGraphShown(view)) return nothing;
  if (pause.kind === "interrupt") return { humanLike: true, answersToolCall: null };
  const messagesField = messagesFieldOfView(view);
  const node = debugNodesOf(view).find((candidate) => candidate.id === pause.node);
  if (view.doc) {
    if (node?.asks.by !== "document" || !node.asks.human) return nothing;
    return { humanLike: pause.kind === "before", answersToolCall: messagesField ? pendingToolCall(values, messagesField, node.asks.askTool) : null };
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
