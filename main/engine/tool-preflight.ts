import type { GraphDoc } from "../../shared/graph-doc";
import type { Problem } from "../../shared/problem";
import { toolEnvironmentProblems } from "../../shared/tool-validate";
import { redactSecrets } from "../settings/redact";
import type { ToolContext } from "./tools/tool-context";

/**
 * What keeps the graph's http and mcp tools from running here: a secret that is not set, a server
 * mcp.json does not declare, a server that does not start (with its stderr) or lacks the tool.
 * MCP servers are started here (on first use), so a broken one is a problem on its nodes, not a crashed run.
 */
export async function toolProblems(doc: GraphDoc, context: ToolContext): Promise<Problem[]> {
  const used = toolsOfKinds(doc);
  if (used.length === 0) return [];
  let serverNames: string[] = [];
  const problems: Problem[] = [];
  if (used.some((item) => item.tool.kind === "mcp")) {
    try {
      serverNames = context.mcp ? await context.mcp.serverNames() : [];
    } catch (error) {
      return used.filter((item) => item.tool.kind === "mcp").map((item) => ({ path: item.path, message: (error as Error).message, nodeId: item.nodeId }));
    }
  }
  problems.push(...toolEnvironmentProblems(doc, { mcpServers: serverNames, hasSecret: (name) => context.secrets.has(name) }));
  for (const item of used) {
    const { tool } = item;
    if (tool.kind !== "mcp" || !context.mcp || !serverNames.includes(tool.server!)) continue;
    try {
      await context.mcp.tool(tool.server!, tool.tool!);
    } catch (error) {
      problems.push({ path: item.path, message: `mcp tool "${tool.name}": ${redactSecrets((error as Error).message, context.secrets.values())}`, nodeId: item.nodeId });
    }
  }
  return problems;
}

function toolsOfKinds(doc: GraphDoc) {
  return doc.nodes.flatMap((node, i) =>
    node.kind !== "tools"
      ? []
      : node.config.tools.flatMap((tool, t) => (tool.kind === "http" || tool.kind === "mcp" ? [{ tool, nodeId: node.id, path: `nodes[${i}].config.tools[${t}]` }] : [])),
  );
}
