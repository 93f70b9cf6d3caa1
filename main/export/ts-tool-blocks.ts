import type { ToolDefinition } from "../../shared/node-kinds/tools";
import type { ImportSet } from "./imports";
import { tsKey, tsLiteral, tsString } from "./names";

/** The tools module an exported project gets when its graph has http or mcp tools. */
export const TS_TOOLS_PATH = "src/tools.ts";

/** An http tool: its request template, run by src/tools.ts as the engine runs it. */
export function httpToolBlock(name: string, definition: ToolDefinition, imports: ImportSet): string {
  imports.use("./tools.js", "httpTool");
  const fields = [
    `name: ${tsString(definition.name)}`,
    `description: ${tsString(definition.description || definition.name)}`,
    `schema: ${argsSchema(definition, imports)}`,
    `method: ${tsString(definition.method ?? "GET")}`,
    `url: ${tsString(definition.url ?? "")}`,
    ...(definition.headers ? [`headers: ${tsLiteral(definition.headers)}`] : []),
    ...(definition.body !== undefined ? [`body: ${tsString(definition.body)}`] : []),
    ...(definition.resultPath ? [`resultPath: ${tsString(definition.resultPath)}`] : []),
    ...(definition.timeoutMs !== undefined ? [`timeoutMs: ${definition.timeoutMs}`] : []),
  ];
  return `const ${name} = httpTool({\n${fields.map((field) => `  ${field},`).join("\n")}\n});`;
}

/** An mcp tool: one tool of a server of mcp.json, reached when it runs. */
export function mcpToolBlock(name: string, definition: ToolDefinition, imports: ImportSet): string {
  imports.use("./tools.js", "mcpTool");
  return `const ${name} = mcpTool(${tsLiteral(mcpSpec(definition))});`;
}

/** What a model binds for an mcp tool: the server's schema, asked when the model runs. */
export function mcpBindingOf(toolVariable: string, imports: ImportSet): string {
  imports.use("./tools.js", "mcpBinding");
  return `await mcpBinding(${toolVariable})`;
}

function mcpSpec(definition: ToolDefinition): Record<string, string> {
  return { name: definition.name, server: definition.server ?? "", tool: definition.tool ?? "", ...(definition.description ? { description: definition.description } : {}) };
}

function argsSchema(definition: ToolDefinition, imports: ImportSet): string {
  imports.use("zod", "z");
  const args = definition.args.map((arg) => {
    const base = arg.type === "number" ? "z.coerce.number()" : arg.type === "boolean" ? "z.coerce.boolean()" : "z.string()";
    return `${tsKey(arg.name)}: ${arg.description ? `${base}.describe(${tsString(arg.description)})` : base}`;
  });
  return `z.object({ ${args.join(", ")} })`;
}
