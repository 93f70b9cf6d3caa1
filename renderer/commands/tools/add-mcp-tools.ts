import type { GraphNode } from "../../../shared/graph-doc";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { docCommand } from "../command";

export interface AddMcpToolsInput {
  /** The tools node that gets the entries. */
  nodeId: string;
  server: string;
  /** The server's tool names, as its tools/list gives them. */
  tools: string[];
}

const TOOL_NAME = /^[a-zA-Z_][\w-]{0,63}$/;

/** A name the model can call for a server's tool: the tool's own name where it is a valid one, free in the node. */
export function freeToolName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^\w-]+/g, "_").slice(0, 60) || "tool";
  if (!TOOL_NAME.test(base)) base = `t_${base}`.slice(0, 60);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/**
 * Adds one `{"kind": "mcp", "name", "server", "tool"}` entry per chosen server tool to a tools
 * node ("Add tools from server..."), names unique in the node. One undo step for all of them.
 */
export const addMcpTools = docCommand<AddMcpToolsInput>({
  title: "Add tools from MCP server",
  entersHistory: true,
  apply(doc, { nodeId, server, tools }) {
    const index = doc.nodes.findIndex((node) => node.id === nodeId);
    const node = doc.nodes[index];
    if (!node || node.kind !== "tools" || tools.length === 0) return { doc };
    const taken = new Set(node.config.tools.map((tool) => tool.name));
    const added = tools.map((tool): ToolDefinition => {
      const name = freeToolName(tool, taken);
      taken.add(name);
      // No description or args: the model gets the server's own (tools/list) when the tool is bound.
      return { kind: "mcp", name, server, tool, description: "", args: [] };
    });
    const nodes = doc.nodes.slice();
    nodes[index] = { ...node, config: { ...node.config, tools: [...node.config.tools, ...added] } } as GraphNode;
    return { doc: { ...doc, nodes } };
  },
});
