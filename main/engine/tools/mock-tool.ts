import { tool } from "@langchain/core/tools";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { renderTemplate } from "../../../shared/template";
import { argsSchemaOf } from "../tool-specs";

/** A canned result: the `result` template with the model's arguments filled in. */
export function mockTool(definition: ToolDefinition) {
  return tool(async (args: Record<string, unknown>) => renderTemplate(definition.result ?? "", { args }), {
    name: definition.name,
    description: definition.description || definition.name,
    schema: argsSchemaOf(definition.args),
  });
}
