import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { runCommand } from "../../commands/registry/app-commands";
import { routeEdgeGaps, syncRouteEdges } from "../../commands/tools/route-edges";
import { useMcpToolsDialogStore } from "../../stores/mcp-tools-dialog-store";
import type { FieldHint } from "../forms/field-hints";
import { useFormContext } from "../forms/form-context";
import { AddMcpToolsDialog } from "./AddMcpToolsDialog";
import { TryToolPanel } from "./TryToolPanel";

/** What a form field hint asks to draw after its field (see FieldHint.extra). */
export function FieldExtra({ kind, value }: { kind: NonNullable<FieldHint["extra"]>; value: unknown }) {
  switch (kind) {
    case "tryTool":
      return <TryToolPanel tool={value as ToolDefinition} />;
    case "mcpTools":
      return <AddMcpTools />;
    case "routeEdges":
      return <RouteEdgesOffer />;
  }
}

/** The tools list's "Add tools from server..." (the registry's command) and its dialog while open for this node. */
function AddMcpTools() {
  const { node } = useFormContext();
  const open = useMcpToolsDialogStore((state) => state.nodeId === node.id);
  if (node.kind !== "tools") return null;
  return (
    <>
      <button type="button" className="sy-button is-ghost is-small" onClick={() => runCommand("edit.add-mcp-tools")}>
        Add tools from server…
      </button>
      {open && <AddMcpToolsDialog node={node} />}
    </>
  );
}

/** After an enum of a routing output field changed: which values lack an edge, which edges lost their value, and the fix. */
function RouteEdgesOffer() {
  const { doc, node } = useFormContext();
  const gaps = routeEdgeGaps(doc, node.id);
  if (gaps.length === 0) return null;
  return (
    <div className="sy-route-offer" role="status">
      {gaps.map((gap) => (
        <div key={gap.field} className="sy-route-offer-row">
          <span>
            {gap.missing.length > 0 && <>No edge routes on {gap.field} = {gap.missing.map((value) => `"${value}"`).join(", ")}. </>}
            {gap.stale.length > 0 && <>{gap.stale.length === 1 ? "The edge" : "The edges"} to {gap.stale.map((edge) => edge.target).join(", ")} {gap.stale.length === 1 ? "routes" : "route"} on a value {gap.field} no longer has.</>}
          </span>
          <button type="button" className="sy-button is-small" onClick={() => syncRouteEdges.run({ nodeId: node.id, field: gap.field })}>
            {gap.missing.length > 0 && gap.stale.length > 0 ? "Add and remove edges" : gap.missing.length > 0 ? (gap.missing.length === 1 ? "Add the edge" : "Add the edges") : gap.stale.length === 1 ? "Remove the edge" : "Remove the edges"}
          </button>
        </div>
      ))}
    </div>
  );
}
