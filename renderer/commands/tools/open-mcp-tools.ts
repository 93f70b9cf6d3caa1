import { useGraphStore } from "../../stores/graph-store";
import { openMcpToolsDialog } from "../../stores/mcp-tools-dialog-store";
import { useUiStore } from "../../stores/ui-store";
import type { CommandContext } from "../registry/command-context";

/** The one selected node, when it is a tools node of an editable graph: where MCP tools can be added. */
export function selectedToolsNode(context: CommandContext): string | null {
  if (!context.graph?.editable || context.selectedNodes.length !== 1) return null;
  const node = useGraphStore.getState().doc?.nodes.find((item) => item.id === context.selectedNodes[0]);
  return node?.kind === "tools" ? node.id : null;
}

/** "Add tools from server...": opens the inspector on the tools node and the server/tool picker over it. */
export function openAddMcpTools(nodeId: string): void {
  useUiStore.setState({ inspectorOpen: true });
  openMcpToolsDialog(nodeId);
}
