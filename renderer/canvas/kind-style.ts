import type { GraphNode } from "../../shared/graph-doc";
import { nodeKinds, type NodeKindName } from "../../shared/node-kinds";

/** The one-line summary under a node's name: what it is set up to do, at a glance. */
export function nodeSummary(node: GraphNode): string {
  switch (node.kind) {
    case "llm": {
      const model = node.config.provider === "scripted" ? `scripted · ${node.config.replies.length} repl${node.config.replies.length === 1 ? "y" : "ies"}` : `${node.config.provider}${node.config.model ? ` · ${node.config.model}` : ""}`;
      return node.config.tools.length ? `${model} · ${node.config.tools.length} tool${node.config.tools.length === 1 ? "" : "s"}` : model;
    }
    case "tools":
      return node.config.tools.length ? node.config.tools.map((tool) => tool.name).join(", ") : "no tools yet";
    case "human":
      return node.config.mode === "interrupt" ? "interrupt · asks a person" : `answers ${node.config.askTool}`;
    case "code":
      return `JavaScript · ${node.config.timeoutMs} ms · ${node.config.memoryMb} MB`;
    case "set": {
      const fields = Object.keys(node.config.values);
      return fields.length ? `sets ${fields.join(", ")}` : "sets nothing yet";
    }
    case "subgraph":
      return node.config.graph ? `runs ${node.config.graph}` : "runs no graph yet";
  }
}

export function kindInfo(kind: NodeKindName) {
  return nodeKinds[kind];
}
