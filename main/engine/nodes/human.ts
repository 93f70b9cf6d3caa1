import { HumanMessage, ToolMessage, type BaseMessage } from "@langchain/core/messages";
import { interrupt } from "@langchain/langgraph";
import type { NodeOfKind } from "../../../shared/graph-doc";
import { renderTemplate } from "../../../shared/template";

/**
 * "breakpoint" mode has no logic: the run pauses before it and a person's answer is written
 * into state as this node (the seed's pattern). "interrupt" mode pauses inside the node and
 * turns the resume value into the answer to the model's pending ask-tool call.
 */
export function humanNode(node: NodeOfKind<"human">, messagesField: string) {
  if (node.config.mode === "breakpoint") return async () => ({});
  return async (state: Record<string, unknown>) => {
    const messages = (state[messagesField] as BaseMessage[] | undefined) ?? [];
    const pendingCall = pendingAskCall(messages, node.config.askTool);
    const question = renderTemplate(node.config.question, { state, messagesField, args: pendingCall?.args });
    const answer: unknown = interrupt({ question, ...(pendingCall ? { tool_call_id: pendingCall.id } : {}) });
    const text = typeof answer === "string" ? answer : JSON.stringify(answer);
    const reply = pendingCall?.id
      ? new ToolMessage({ content: text, tool_call_id: pendingCall.id, name: node.config.askTool })
      : new HumanMessage({ content: text });
    return { [messagesField]: [reply] };
  };
}

function pendingAskCall(messages: BaseMessage[], askTool: string) {
  const last = messages[messages.length - 1] as { tool_calls?: Array<{ name: string; id?: string; args: Record<string, unknown> }> } | undefined;
  return last?.tool_calls?.find((call) => call.name === askTool);
}
