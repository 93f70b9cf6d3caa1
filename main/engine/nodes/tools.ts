import type { BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import type { NodeOfKind } from "../../../shared/graph-doc";
import { defaultToolContext, toolOf, type ToolContext } from "../tools";

/** LangGraph's own ToolNode over the node's tools, so tool messages look exactly as LangGraph users expect. */
export function toolsNode(node: NodeOfKind<"tools">, messagesField: string, context: ToolContext = defaultToolContext) {
  const toolNode = new ToolNode(node.config.tools.map((definition) => toolOf(definition, node.id, context)), { name: node.id });
  if (messagesField === "messages") return toolNode;
  // ToolNode reads and writes a field called "messages": translate for graphs that name it otherwise.
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const result = (await toolNode.invoke({ messages: state[messagesField] as BaseMessage[] }, config)) as { messages: BaseMessage[] };
    return { [messagesField]: result.messages };
  };
}
