import { useDeferredValue } from "react";
import { runCommand } from "../commands/registry/app-commands";
import { withShortcut } from "../app/keys";
import { Icon } from "../app/Icon";
import { START_EDGE_ID } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { useUiStore } from "../stores/ui-store";
import { EdgeInspector } from "./EdgeInspector";
import { NodeInspector } from "./NodeInspector";
import { RawJsonView } from "./RawJsonView";
import { StateSchemaEditor } from "./StateSchemaEditor";

/** The right panel: whatever is selected (node, edge, several), or the graph and its state when nothing is. */
export function Inspector() {
  const doc = useGraphStore((state) => state.doc);
  // Joined ids: a string compares by value, so the panel re-renders only when the selection changes.
  const selectedNodes = useGraphStore((state) => selectedKey(state.nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end")));
  const selectedEdges = useGraphStore((state) => selectedKey(state.edges.filter((edge) => edge.selected && edge.id !== START_EDGE_ID)));
  // The inspector follows the selection at low priority, so selecting (or starting a drag) never waits for a form.
  const nodeIds = splitKey(useDeferredValue(selectedNodes));
  const selection = { edges: splitKey(useDeferredValue(selectedEdges)) };
  const view = useUiStore((state) => state.inspectorView);
  if (!doc) return null;
  const node = nodeIds.length === 1 ? doc.nodes.find((candidate) => candidate.id === nodeIds[0]) : undefined;
  const edge = nodeIds.length === 0 && selection.edges.length === 1 ? doc.edges.find((candidate) => candidate.id === selection.edges[0]) : undefined;
  const many = nodeIds.length + selection.edges.length > 1 && !node;
  const title = node ? "Node" : edge ? "Edge" : many ? "Selection" : "Graph";
  return (
    <aside className="sy-inspector" aria-label="Inspector">
      <div className="sy-panel-head">
        <span className="sy-panel-title">Inspector · {title}</span>
        {!many && (
          <div className="sy-segmented" role="tablist" aria-label="Inspector view">
            <button type="button" role="tab" aria-selected={view === "form"} onClick={() => useUiStore.setState({ inspectorView: "form" })} title="Form">
              <Icon name="form" size={13} /> Form
            </button>
            <button type="button" role="tab" aria-selected={view === "json"} onClick={() => useUiStore.setState({ inspectorView: "json" })} title="Raw JSON">
              <Icon name="code" size={13} /> JSON
            </button>
          </div>
        )}
      </div>
      <div className="sy-inspector-scroll">
        {many ? (
          <div className="sy-inspector-body">
            <div className="sy-inspector-title">
              {nodeIds.length} node{nodeIds.length === 1 ? "" : "s"}, {selection.edges.length} edge{selection.edges.length === 1 ? "" : "s"} selected
            </div>
            <div className="sy-stack">
              <button type="button" className="sy-button" onClick={() => runCommand("edit.duplicate")} title={withShortcut("Duplicate", "edit.duplicate")}>
                <Icon name="copy" size={14} /> Duplicate
              </button>
              <button type="button" className="sy-button" onClick={() => runCommand("canvas.layout")} title={withShortcut("Auto-layout", "canvas.layout")}>
                <Icon name="layout" size={14} /> Auto-layout graph
              </button>
              <button type="button" className="sy-button is-danger-ghost" onClick={() => runCommand("edit.delete")} title={withShortcut("Delete", "edit.delete")}>
                <Icon name="trash" size={14} /> Delete selection
              </button>
            </div>
          </div>
        ) : view === "json" ? (
          <RawJsonView doc={doc} node={node} edge={edge} />
        ) : node ? (
          <NodeInspector key={node.id} doc={doc} node={node} />
        ) : edge ? (
          <EdgeInspector key={edge.id} doc={doc} edge={edge} />
        ) : (
          <StateSchemaEditor doc={doc} />
        )}
      </div>
    </aside>
  );
}

const selectedKey = (items: { id: string }[]) => items.map((item) => item.id).join("\n");
const splitKey = (key: string) => (key ? key.split("\n") : []);
