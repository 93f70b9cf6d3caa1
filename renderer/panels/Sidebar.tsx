import { useUnsavedEdits } from "../stores/unsaved-edits";
import { memo } from "react";
import { deleteGraph } from "../commands/delete-graph";
import { duplicateGraph } from "../commands/duplicate-graph";
import { newGraph } from "../commands/new-graph";
import { openGraph } from "../commands/open-graph";
import { renameGraph } from "../commands/rename-graph";
import { Palette } from "../canvas/Palette";
import { Icon } from "../app/Icon";
import { useGraphStore } from "../stores/graph-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { isEditable, useOpenGraph } from "../stores/open-graph-store";
import { useIsGraphShown } from "../stores/open-graph-facts";
import { IconButton } from "./forms/controls";
import { ThreadList } from "./threads/ThreadList";
import { DeploymentSection } from "./deployment/DeploymentSection";

/** Left panel: the workspace's graphs (open, create, rename, duplicate, delete) and the node palette. */
export const Sidebar = memo(function Sidebar() {
  const graphs = useWorkspaceStore((state) => state.graphs);
  const workspace = useWorkspaceStore((state) => state.name);
  const error = useWorkspaceStore((state) => state.error);
  const openName = useGraphStore((state) => state.graphName);
  const dirty = useUnsavedEdits();
  const hasDoc = useIsGraphShown();
  const readOnly = useOpenGraph((state) => !isEditable(state.graph));
  return (
    <nav className="sy-sidebar" aria-label="Workspace">
      <div className="sy-panel-head">
        <span className="sy-panel-title" title={useWorkspaceStore.getState().path}>
          Graphs{workspace ? ` · ${workspace}` : ""}
        </span>
        <IconButton icon="plus" label="New graph" onClick={() => void newGraph()} />
      </div>
      {error && <div className="sy-sidebar-error" role="alert">{error}</div>}
      <ul className="sy-graph-list" aria-label="Graphs">
        {graphs.map((graph) => {
          const isOpen = graph.name === openName;
          return (
            <li key={graph.name} className={`sy-graph-item ${isOpen ? "is-open" : ""}`}>
              <button type="button" className="sy-graph-open" onClick={() => void openGraph(graph.name)} aria-label={`Open graph ${graph.name}`} aria-current={isOpen ? "page" : undefined}>
                <Icon name={graph.source === "code" ? "code" : "graph"} size={14} />
                <span className="sy-graph-name" title={graph.code ? `Defined in code: ${graph.code.file}` : undefined}>{graph.name}</span>
                {isOpen && dirty && <span className="sy-dirty-dot" role="img" aria-label="unsaved changes" title="Unsaved changes" />}
                {!graph.valid && !(isOpen && dirty) && <span className="sy-graph-warn" role="img" aria-label={`${graph.problems.length} problems`} title={`${graph.problems.length} problem(s)`}><Icon name="alert" size={12} /></span>}
              </button>
              {graph.source !== "code" && <span className="sy-graph-actions">
                <IconButton icon="rename" label={`Rename ${graph.name}`} onClick={() => void renameGraph(graph.name)} />
                <IconButton icon="copy" label={`Duplicate ${graph.name}`} onClick={() => void duplicateGraph(graph.name)} />
                <IconButton icon="trash" label={`Delete ${graph.name}`} onClick={() => void deleteGraph(graph.name)} className="is-danger" />
              </span>}
            </li>
          );
        })}
        {graphs.length === 0 && !error && (
          <li className="sy-sidebar-empty">
            No graphs in this workspace yet.
            <button type="button" className="sy-button is-primary is-small" onClick={() => void newGraph()}>
              <Icon name="plus" size={13} /> Create a graph
            </button>
          </li>
        )}
      </ul>
      <DeploymentSection />
      {hasDoc && <ThreadList />}
      <div className="sy-panel-head is-sub">
        <span className="sy-panel-title">Add node</span>
        <span className="sy-kbd-hint" title="Quick add">A</span>
      </div>
      <Palette disabled={!hasDoc || readOnly} />
    </nav>
  );
});
