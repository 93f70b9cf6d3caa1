import type { GraphDoc, NodeOfKind } from "../../shared/graph-doc";
import type { ToolDefinition } from "../../shared/node-kinds/tools";
import { askToolsOf } from "./plan";

/** One function (or ToolNode) per node, as main/engine/nodes/* runs it; `code` holds what it needs above it. */
export interface EmittedNode {
  id: string;
  name: string;
  code: string;
}

/** A tool's variable in the generated module and the code that defines it. */
export interface EmittedTool {
  name: string;
  block: string;
}

/** How one language writes a tools node's tool and a human node's ask tool. */
export interface ToolWriter {
  tool(node: NodeOfKind<"tools">, definition: ToolDefinition): EmittedTool;
  askTool(node: NodeOfKind<"human">): EmittedTool;
}

export interface ToolVariables {
  /** tool name -> variable of its first definition (what a model binds) */
  byTool: Map<string, string>;
  /** tools node id -> variables of its own tools */
  byNode: Map<string, string[]>;
  blocks: string[];
}

/** Every tool of the graph in document order, each ask tool once and only when a model binds it. */
export function emitToolVariables(doc: GraphDoc, writer: ToolWriter): ToolVariables {
  const result: ToolVariables = { byTool: new Map(), byNode: new Map(), blocks: [] };
  const boundAskTools = new Set(askToolsOf(doc).map((tool) => tool.name));
  for (const node of doc.nodes) {
    if (node.kind === "tools") {
      const vars = node.config.tools.map((definition) => {
        const emitted = writer.tool(node, definition);
        result.blocks.push(emitted.block);
        if (!result.byTool.has(definition.name)) result.byTool.set(definition.name, emitted.name);
        return emitted.name;
      });
      result.byNode.set(node.id, vars);
    }
    if (node.kind === "human" && boundAskTools.has(node.config.askTool) && !result.byTool.has(node.config.askTool)) {
      const emitted = writer.askTool(node);
      result.blocks.push(emitted.block);
      result.byTool.set(node.config.askTool, emitted.name);
    }
  }
  return result;
}
