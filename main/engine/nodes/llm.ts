import { SystemMessage, type BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import type { GraphDoc, NodeOfKind } from "../../../shared/graph-doc";
import { renderTemplate } from "../../../shared/template";
import { invokeChatModel, invokeWithPolicy, type ChatModelFactory } from "../providers";
import { checkAnswer, structuredModel } from "../structured-output";
import { toolSpecsFor } from "../tool-specs";
import { defaultToolContext, type ToolContext } from "../tools";

/**
 * Calls the node's chat model with the conversation (after the system prompt) and appends its reply;
 * with outputFields, asks for a structured answer and writes those state fields instead.
 */
export function llmNode(node: NodeOfKind<"llm">, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory, context: ToolContext = defaultToolContext) {
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const model = await createModel(node.config, { state, messagesField, nodeId: node.id });
    const history = (state[messagesField] as BaseMessage[] | undefined) ?? [];
    const system = node.config.systemPrompt ? [new SystemMessage(renderTemplate(node.config.systemPrompt, { state, messagesField }))] : [];
    const outputFields = node.config.outputFields ?? [];
    if (outputFields.length > 0) {
      const structured = structuredModel(model, outputFields);
      const answer = await invokeWithPolicy((callConfig) => structured.invoke([...system, ...history], callConfig), config, node, model);
      return checkAnswer(answer, node.id, outputFields);
    }
    const tools = await toolSpecsFor(node.config.tools, doc, context);
    const bound = tools.length > 0 && model.bindTools ? model.bindTools(tools) : model;
    const reply = await invokeChatModel(bound, [...system, ...history], config, node);
    return { [messagesField]: [reply] };
  };
}
