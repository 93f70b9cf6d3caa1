import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { codeTool } from "./code-tool";
import { httpTool } from "./http-tool";
import { mcpTool } from "./mcp-tool";
import { mockTool } from "./mock-tool";
import type { ToolContext } from "./tool-context";

export { defaultToolContext, type ToolContext } from "./tool-context";

/** The LangChain tool a tools node runs for one entry: one file per tool kind. */
export function toolOf(definition: ToolDefinition, nodeId: string, context: ToolContext) {
  switch (definition.kind) {
    case "mock":
      return mockTool(definition);
    case "code":
      return codeTool(definition, nodeId);
    case "http":
      return httpTool(definition, context.secrets);
    case "mcp":
      return mcpTool(definition, context);
  }
}
