import type { GraphDoc } from "../../shared/graph-doc";
import { secretNamesIn } from "../../shared/secret-template";

/** Which of the tool kinds that reach the world (http, mcp) the graph uses. */
export function toolKindsOf(doc: GraphDoc): Set<"http" | "mcp"> {
  const kinds = new Set<"http" | "mcp">();
  for (const node of doc.nodes) {
    if (node.kind !== "tools") continue;
    for (const tool of node.config.tools) if (tool.kind === "http" || tool.kind === "mcp") kinds.add(tool.kind);
  }
  return kinds;
}

/** Secret names the graph's http tools use, sorted: the environment variables an export needs. */
export function secretNamesOf(doc: GraphDoc): string[] {
  const names = new Set<string>();
  for (const node of doc.nodes) {
    if (node.kind !== "tools") continue;
    for (const tool of node.config.tools) {
      if (tool.kind !== "http") continue;
      for (const template of [tool.url ?? "", tool.body ?? "", ...Object.values(tool.headers ?? {})]) secretNamesIn(template).forEach((name) => names.add(name));
    }
  }
  return [...names].sort();
}

/** README lines for a project with http or mcp tools (empty when it has none). */
export function toolsReadme(doc: GraphDoc, module: string): string {
  const kinds = toolKindsOf(doc);
  if (kinds.size === 0) return "";
  const lines = [`- \`${module}\`: the graph's ${[...kinds].sort().join(" and ")} tools, run as Switchyard runs them`];
  const secrets = secretNamesOf(doc);
  if (secrets.length > 0) lines.push(`- secrets: set ${secrets.map((name) => `\`${name}\``).join(", ")} in the environment (Switchyard never writes their values into an export)`);
  if (kinds.has("mcp")) lines.push("- `mcp.json`: the workspace's MCP servers (exported with it when it has one; or point `MCP_CONFIG` at one): the mcp tools start them, so copy the files their commands name too");
  return `${lines.join("\n")}\n`;
}

/**
 * The files of an export plus the workspace's mcp.json when the graph has mcp tools: the exported
 * mcp tools start the servers it declares (its secrets stay {{secrets.NAME}} templates).
 */
export function withMcpConfig<F extends { path: string; content: string }>(files: F[], doc: GraphDoc, mcpConfigText: string | undefined): Array<F | { path: string; content: string }> {
  if (mcpConfigText === undefined || !toolKindsOf(doc).has("mcp")) return files;
  return [...files, { path: "mcp.json", content: mcpConfigText }].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
