import type { ToolDefinition } from "../../shared/node-kinds/tools";
import type { ImportSet } from "./imports";
import { isPyIdentifier, type NameTable, pyLiteral, pyString, snakeCase, upperSnakeCase } from "./names";

const TOOLS_MODULE = "switchyard_tools";

/** A pydantic model of a tool's arguments: what the model sees and the tool is called with. */
export function pyArgsModel(definition: ToolDefinition, imports: ImportSet, names: NameTable): { name: string; code: string } {
  imports.use("pydantic", "BaseModel");
  imports.use("pydantic", "Field");
  const name = names.claim(`${snakeCase(definition.name).split("_").map((word) => word[0].toUpperCase() + word.slice(1)).join("")}Args`);
  const fields = definition.args.map((arg) => {
    const type = arg.type === "number" ? "float" : arg.type === "boolean" ? "bool" : "str";
    const options = [...(arg.description ? [`description=${pyString(arg.description)}`] : []), ...(isPyIdentifier(arg.name) ? [] : [`alias=${pyString(arg.name)}`])];
    const field = isPyIdentifier(arg.name) ? arg.name : names.claim(snakeCase(arg.name));
    return `    ${field}: ${type}${options.length ? ` = Field(${options.join(", ")})` : ""}`;
  });
  return { name, code: [`class ${name}(BaseModel):`, ...(fields.length ? fields : ["    pass"])].join("\n") };
}

/** An http tool: its request template, run by switchyard_tools.py as the engine runs it. */
export function pyHttpTool(name: string, definition: ToolDefinition, imports: ImportSet, names: NameTable): string {
  imports.use("langchain_core.tools", "StructuredTool");
  imports.use(TOOLS_MODULE, "run_http_tool");
  const argsModel = pyArgsModel(definition, imports, names);
  const spec = names.claim(upperSnakeCase(`${definition.name} request`));
  const run = names.claim(`_${snakeCase(definition.name)}`);
  const request = {
    method: definition.method ?? "GET",
    url: definition.url ?? "",
    ...(definition.headers ? { headers: definition.headers } : {}),
    ...(definition.body !== undefined ? { body: definition.body } : {}),
    ...(definition.resultPath ? { result_path: definition.resultPath } : {}),
    ...(definition.timeoutMs !== undefined ? { timeout_ms: definition.timeoutMs } : {}),
  };
  return [
    argsModel.code,
    "",
    "",
    `${spec} = ${pyLiteral(request)}`,
    "",
    "",
    ...pyToolFunction(name, run, definition, argsModel.name, [`    return run_http_tool(${spec}, args)`]),
  ].join("\n");
}

/** A tool's Python function (its body lines given) and the StructuredTool the model is bound to. */
export function pyToolFunction(name: string, run: string, definition: ToolDefinition, argsModelName: string, body: string[]): string[] {
  return [
    `def ${run}(**args: Any) -> str:`,
    ...body,
    "",
    "",
    `${name} = StructuredTool.from_function(`,
    `    func=${run},`,
    `    name=${pyString(definition.name)},`,
    `    description=${pyString(definition.description || definition.name)},`,
    `    args_schema=${argsModelName},`,
    ")",
  ];
}

/** The spec variable of an mcp tool, for its binding. */
export function pyMcpSpecName(toolVariable: string): string {
  return `${toolVariable.toUpperCase()}_SPEC`;
}

/** An mcp tool: one tool of a server of mcp.json, reached when it runs. */
export function pyMcpTool(name: string, definition: ToolDefinition, imports: ImportSet, names: NameTable): string {
  imports.use("langchain_core.tools", "StructuredTool");
  imports.use(TOOLS_MODULE, "run_mcp_tool");
  // The tool's variable is unique, so its spec's is too (upper case: the module's other names are snake case).
  const spec = pyMcpSpecName(name);
  const run = names.claim(`_${snakeCase(definition.name)}`);
  const fields = { name: definition.name, server: definition.server ?? "", tool: definition.tool ?? "", ...(definition.description ? { description: definition.description } : {}) };
  return [
    `${spec} = ${pyLiteral(fields)}`,
    "",
    "",
    `async def ${run}(**args: Any) -> Any:`,
    `    return await run_mcp_tool(${spec}, args)`,
    "",
    "",
    "# The server checks the arguments against its own schema (from tools/list).",
    `${name} = StructuredTool.from_function(`,
    `    coroutine=${run},`,
    `    name=${pyString(definition.name)},`,
    `    description=${pyString(definition.description || `${definition.tool} (MCP server ${definition.server})`)},`,
    `    args_schema={"type": "object", "properties": {}, "additionalProperties": True},`,
    ")",
  ].join("\n");
}

/** What a model binds for an mcp tool: the server's schema, asked when the model runs. */
export function pyMcpBinding(toolVariable: string, imports: ImportSet): string {
  imports.use(TOOLS_MODULE, "mcp_binding");
  return `mcp_binding(${pyMcpSpecName(toolVariable)})`;
}
