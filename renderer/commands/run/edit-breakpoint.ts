import { useBreakpointFocus } from "../../stores/breakpoint-focus-store";
import { selectOnly, useGraphStore } from "../../stores/graph-store";
import { useUiStore } from "../../stores/ui-store";

/** "Edit breakpoint...": selects the node and opens its breakpoint fields in the inspector (focused). */
export function editBreakpoint(id: string): void {
  if (!useGraphStore.getState().doc?.nodes.some((node) => node.id === id)) return;
  selectOnly({ nodes: [id] });
  useUiStore.setState({ inspectorOpen: true, inspectorView: "form" });
  useBreakpointFocus.setState({ node: id });
}
