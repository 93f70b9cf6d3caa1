import { z } from "zod";
import type { GraphDoc } from "../../shared/graph-doc";
import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { mcpToolSpec } from "./tools/mcp-tool";
import type { ToolContext } from "./tools/tool-context";

export interface ToolSpec {
  name: string;
  description: string;
  schema: z.ZodType | Record<string, unknown>;
}

/**
 * The tool schemas a model is bound to: tools of tools nodes and the ask tools of human nodes.
 * An mcp tool's description and schema come from its server's tools/list, so it is asked when the model runs.
 */
export async function toolSpecsFor(names: string[], doc: GraphDoc, context: ToolContext): Promise<ToolSpec[]> {
  const specs: ToolSpec[] = [];
  for (const name of names) {
    const found = findSpec(name, doc);
    if (!found) continue;
    specs.push("definition" in found ? await mcpToolSpec(found.definition, context) : found);
  }
  return specs;
}

function findSpec(name: string, doc: GraphDoc): ToolSpec | { definition: ToolDefinition } | undefined {
  for (const node of doc.nodes) {
    if (node.kind === "tools") {
      const definition = node.config.tools.find((candidate) => candidate.name === name);
      if (definition?.kind === "mcp") return { definition };
      if (definition) return { name, description: definition.description || name, schema: argsSchemaOf(definition.args) };
    }
    if (node.kind === "human" && node.config.askTool === name) {
      return { name, description: node.config.askToolDescription, schema: z.object({ question: z.string().describe("The question to ask") }) };
    }
  }
  return undefined;
}

export function argsSchemaOf(args: ToolDefinition["args"]) {
  const shape: Record<string, z.ZodType> = {};
  for (const arg of args) {
    const base = arg.type === "number" ? z.coerce.number() : arg.type === "boolean" ? z.coerce.boolean() : z.string();
    shape[arg.name] = arg.description ? base.describe(arg.description) : base;
  }
  return z.object(shape);
}
