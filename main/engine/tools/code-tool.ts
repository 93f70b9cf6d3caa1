import type { RunnableConfig } from "@langchain/core/runnables";
import { tool } from "@langchain/core/tools";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { runSandboxed } from "../sandbox/sandbox";
import { argsSchemaOf } from "../tool-specs";

/** `(args) => result` in the sandbox; a string result is the tool message as is, anything else its JSON. */
export function codeTool(definition: ToolDefinition, nodeId: string) {
  const subject = `code tool "${definition.name}" (node "${nodeId}")`;
  return tool(
    async (args: Record<string, unknown>, config?: RunnableConfig) => {
      const result = await runSandboxed({ subject, source: definition.source ?? "", input: args, timeoutMs: definition.timeoutMs, memoryMb: definition.memoryMb }, config?.signal);
      return typeof result === "string" ? result : (JSON.stringify(result) ?? "");
    },
    { name: definition.name, description: definition.description || definition.name, schema: argsSchemaOf(definition.args) },
  );
}
