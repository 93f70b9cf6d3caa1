import { z } from "zod";
import type { GraphDoc } from "../../shared/graph-doc";
import type { ToolDefinition } from "../../shared/node-kinds/tools";

/** The tool schemas a model is bound to: tools of tools nodes and the ask tools of human nodes. */
export function toolSpecsFor(names: string[], doc: GraphDoc) {
  const specs = [];
  for (const name of names) {
    const spec = findSpec(name, doc);
    if (spec) specs.push(spec);
  }
  return specs;
}

function findSpec(name: string, doc: GraphDoc) {
  for (const node of doc.nodes) {
    if (node.kind === "tools") {
      const definition = node.config.tools.find((candidate) => candidate.name === name);
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
