import type { BaseMessage } from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import type { NodeOfKind } from "../../../shared/graph-doc";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { renderTemplate } from "../../../shared/template";
import { runSandboxed } from "../sandbox/sandbox";
import { argsSchemaOf } from "../tool-specs";

/** LangGraph's own ToolNode over the node's tools, so tool messages look exactly as LangGraph users expect. */
export function toolsNode(node: NodeOfKind<"tools">, messagesField: string) {
  const toolNode = new ToolNode(node.config.tools.map((definition) => (definition.kind === "code" ? codeTool(definition, node.id) : mockTool(definition))), { name: node.id });
  if (messagesField === "messages") return toolNode;
  // ToolNode reads and writes a field called "messages": translate for graphs that name it otherwise.
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const result = (await toolNode.invoke({ messages: state[messagesField] as BaseMessage[] }, config)) as { messages: BaseMessage[] };
    return { [messagesField]: result.messages };
  };
}

function mockTool(definition: ToolDefinition) {
  return tool(async (args: Record<string, unknown>) => renderTemplate(definition.result ?? "", { args }), {
    name: definition.name,
    description: definition.description || definition.name,
    schema: argsSchemaOf(definition.args),
  });
}

/** `(args) => result` in the sandbox; a string result is the tool message as is, anything else its JSON. */
function codeTool(definition: ToolDefinition, nodeId: string) {
  const subject = `code tool "${definition.name}" (node "${nodeId}")`;
  return tool(
    async (args: Record<string, unknown>, config?: RunnableConfig) => {
      const result = await runSandboxed({ subject, source: definition.source ?? "", input: args, timeoutMs: definition.timeoutMs, memoryMb: definition.memoryMb }, config?.signal);
      return typeof result === "string" ? result : (JSON.stringify(result) ?? "");
    },
    { name: definition.name, description: definition.description || definition.name, schema: argsSchemaOf(definition.args) },
  );
}
