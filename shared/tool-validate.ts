import type { GraphDoc } from "./graph-doc";
import type { ToolDefinition } from "./node-kinds/tools";
import type { Problem } from "./problem";
import { SECRET_NAME, secretNamesIn } from "./secret-template";

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
/** A header value that is a key written out (not a template): graph files are committed, keys must not be. */
const LITERAL_CREDENTIAL = /^\s*(?:(?:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}|sk-[A-Za-z0-9_-]{8,})\s*$/i;

/** What a graph's http tools, mcp tools and structured-output fields get wrong, found from the document alone. */
export function toolDefinitionProblems(doc: GraphDoc): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind === "tools") {
      node.config.tools.forEach((tool, t) => {
        if (tool.kind === "http") problems.push(...httpToolProblems(tool, `nodes[${i}].config.tools[${t}]`, node.id));
      });
    }
    if (node.kind === "llm") problems.push(...outputFieldProblems(doc, node.config, i, node.id));
  });
  return problems;
}

function httpToolProblems(tool: ToolDefinition, path: string, nodeId: string): Problem[] {
  const problems: Problem[] = [];
  const args = new Set(tool.args.map((arg) => arg.name));
  const templates: Array<[string, string]> = [["url", tool.url ?? ""], ["body", tool.body ?? ""], ...Object.entries(tool.headers ?? {}).map(([name, value]): [string, string] => [`headers.${name}`, value])];
  for (const [where, template] of templates) {
    for (const match of template.matchAll(PLACEHOLDER)) {
      const reason = placeholderProblem(match[1], args);
      if (reason) problems.push({ path: `${path}.${where}`, message: `http tool "${tool.name}": {{${match[1]}}} ${reason}`, nodeId });
    }
  }
  for (const [name, value] of Object.entries(tool.headers ?? {})) {
    if (LITERAL_CREDENTIAL.test(value)) problems.push({ path: `${path}.headers.${name}`, message: `http tool "${tool.name}": header ${name} holds a credential itself; write {{secrets.NAME}} and set NAME in the environment or Settings, so the key stays out of the graph file`, nodeId });
  }
  const urlProblem = urlTemplateProblem(tool.url ?? "");
  if (urlProblem) problems.push({ path: `${path}.url`, message: `http tool "${tool.name}": ${urlProblem}`, nodeId });
  if (tool.body !== undefined && (tool.method ?? "GET") === "GET") problems.push({ path: `${path}.body`, message: `http tool "${tool.name}" has a body but its method is GET: choose POST, PUT or PATCH`, nodeId });
  return problems;
}

function placeholderProblem(name: string, args: Set<string>): string | undefined {
  const [scope, rest] = [name.split(".")[0], name.split(".").slice(1).join(".")];
  if (scope === "args") return args.has(rest) ? undefined : `names no argument of this tool (declare "${rest}" under args)`;
  if (scope === "secrets") return SECRET_NAME.test(rest) ? undefined : "is not a secret name (letters, digits and _)";
  return "is not {{args.NAME}} or {{secrets.NAME}}";
}

/** A URL template must be an http(s) URL once its placeholders are filled; the model may not choose the host. */
function urlTemplateProblem(url: string): string | undefined {
  const filled = url.replace(PLACEHOLDER, "x");
  let parsed: URL;
  try {
    parsed = new URL(filled);
  } catch {
    return `the url "${url}" is not a valid URL template (it should look like https://host/path?q={{args.city}})`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `the url must start with http:// or https:// (not ${parsed.protocol})`;
  const host = url.replace(/^[a-z]+:\/\//i, "").split(/[/?#]/)[0];
  if (/\{\{\s*args\./.test(host)) return "an argument cannot choose the url's host: write the host out, put arguments in the path or query";
  return undefined;
}

function outputFieldProblems(doc: GraphDoc, config: { outputFields?: Array<{ name: string; type: string }>; tools: string[] }, i: number, nodeId: string): Problem[] {
  const fields = config.outputFields ?? [];
  const problems: Problem[] = [];
  if (fields.length > 0 && config.tools.length > 0) problems.push({ path: `nodes[${i}].config.tools`, message: `llm node "${nodeId}" answers in structured output, so it cannot also call tools`, nodeId });
  fields.forEach((field, f) => {
    const state = doc.state.fields[field.name];
    const path = `nodes[${i}].config.outputFields[${f}].name`;
    if (!state) problems.push({ path, message: `no state field "${field.name}" to write the answer to`, nodeId });
    else if (state.type !== field.type && state.type !== "any" && state.type !== "list") problems.push({ path, message: `output field "${field.name}" is a ${field.type} but state field "${field.name}" is a ${state.type}`, nodeId });
  });
  return problems;
}

/** Names a machine must provide for the graph's tools to run: MCP servers declared in mcp.json, secrets that are set. */
export interface ToolEnvironment {
  mcpServers: readonly string[];
  hasSecret(name: string): boolean;
}

/** Unknown MCP servers and secret names, each on the node that uses it. */
export function toolEnvironmentProblems(doc: GraphDoc, environment: ToolEnvironment): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind !== "tools") return;
    node.config.tools.forEach((tool, t) => {
      const path = `nodes[${i}].config.tools[${t}]`;
      if (tool.kind === "mcp" && tool.server && !environment.mcpServers.includes(tool.server)) {
        const known = environment.mcpServers.length > 0 ? ` (it declares: ${environment.mcpServers.join(", ")})` : " (there is no mcp.json, or it declares no servers)";
        problems.push({ path: `${path}.server`, message: `mcp tool "${tool.name}": no MCP server "${tool.server}" in mcp.json${known}`, nodeId: node.id });
      }
      if (tool.kind !== "http") return;
      const templates = [tool.url ?? "", tool.body ?? "", ...Object.values(tool.headers ?? {})];
      for (const name of new Set(templates.flatMap(secretNamesIn))) {
        if (!environment.hasSecret(name)) problems.push({ path, message: `http tool "${tool.name}" uses secret "${name}", which is not set: set the environment variable ${name} or add it under Settings > Secrets`, nodeId: node.id });
      }
    });
  });
  return problems;
}
