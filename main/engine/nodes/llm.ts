import { SystemMessage, type BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { GraphDoc, NodeOfKind } from "../../../shared/graph-doc";
import { renderTemplate } from "../../../shared/template";
import { invokeChatModel, type ChatModelFactory } from "../providers";
import { toolSpecsFor } from "../tool-specs";

/** Calls the node's chat model with the conversation (after the system prompt) and appends its reply. */
export function llmNode(node: NodeOfKind<"llm">, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory) {
  const tools = toolSpecsFor(node.config.tools, doc);
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const model = await createModel(node.config, { state, messagesField, nodeId: node.id });
    const bound = tools.length > 0 && model.bindTools ? model.bindTools(tools) : model;
    const history = (state[messagesField] as BaseMessage[] | undefined) ?? [];
    const system = node.config.systemPrompt ? [new SystemMessage(renderTemplate(node.config.systemPrompt, { state, messagesField }))] : [];
    const reply = await invokeChatModel(bound, [...system, ...history], config, node);
    return { [messagesField]: [reply] };
  };
}
