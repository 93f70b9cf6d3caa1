import { useCallback } from "react";
import { useShallow } from "zustand/react/shallow";
import { Icon } from "../../app/Icon";
import { useSearchList } from "../../app/use-search-list";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { addSubgraphNode } from "../../commands/subgraph/add-subgraph-node";
import { useGraphStore } from "../../stores/graph-store";
import { subgraphDepth, useOpenGraph } from "../../stores/open-graph-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { closeSubgraphChooser, useSubgraphChooser } from "./subgraph-chooser-store";

type Choice = { kind: "graph"; graph: string } | { kind: "selection"; count: number };
const choiceId = (choice: Choice) => (choice.kind === "graph" ? `graph-${choice.graph}` : "selection");

/**
 * Adding a Subgraph node (palette, quick add, drop, command palette): which graph it runs, one of
 * the workspace's document graphs (not this one nor one above it), or a new one made of the selection.
 */
export function SubgraphChooser() {
  const position = useSubgraphChooser((state) => state.position);
  const above = useOpenGraph(useShallow((state) => state.path.slice(0, subgraphDepth(state) + 1)));
  const self = useGraphStore((state) => state.graphName);
  const selectedCount = useGraphStore((state) => state.nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end").length);
  const graphs = useWorkspaceStore(useShallow((state) => state.graphs.filter((graph) => graph.source !== "code").map((graph) => graph.name)));
  const choicesOf = useCallback(
    (query: string): Choice[] => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const picks: Choice[] = graphs.filter((graph) => graph !== self && !above.includes(graph) && words.every((word) => graph.toLowerCase().includes(word))).map((graph) => ({ kind: "graph", graph }));
      const fromSelection = selectedCount > 0 && words.every((word) => "new subgraph from selection".includes(word));
      return fromSelection ? [{ kind: "selection", count: selectedCount }, ...picks] : picks;
    },
    [graphs, self, above, selectedCount],
  );
  const choose = (choice: Choice | undefined) => {
    if (!choice || !position) return;
    closeSubgraphChooser();
    if (choice.kind === "graph") addSubgraphNode.run({ graph: choice.graph, position });
    else runCommand("canvas.subgraph-from-selection", commandContext());
  };
  const { query, setQuery, active, setActive, input, matches, onKeyDown } = useSearchList(choicesOf, choose, closeSubgraphChooser);
  if (!position) return null;
  return (
    <div className="sy-overlay" onMouseDown={closeSubgraphChooser}>
      <div className="sy-quickadd" role="dialog" aria-modal="true" aria-label="Add subgraph node" onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-quickadd-search">
          <Icon name="graph" size={16} />
          <input
            ref={input}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Subgraph: which graph does it run?"
            aria-label="Search graphs for the subgraph node"
            role="combobox"
            aria-expanded="true"
            aria-controls="sy-subgraph-choices"
            aria-activedescendant={matches[active] ? `sy-subgraph-${choiceId(matches[active])}` : undefined}
          />
        </div>
        <ul id="sy-subgraph-choices" role="listbox" aria-label="Graphs">
          {matches.map((choice, i) => (
            <li key={choiceId(choice)} id={`sy-subgraph-${choiceId(choice)}`} role="option" aria-selected={i === active} className={i === active ? "is-active" : ""} onMouseEnter={() => setActive(i)} onClick={() => choose(choice)}>
              {choice.kind === "graph" ? (
                <span className="sy-kind-summary">
                  <Icon name="graph" size={14} /> <strong>{choice.graph}</strong> <span className="sy-muted">runs {choice.graph}.graph.json</span>
                </span>
              ) : (
                <span className="sy-kind-summary">
                  <Icon name="plus" size={14} /> <strong>New subgraph from selection</strong> <span className="sy-muted">moves the {choice.count} selected node{choice.count === 1 ? "" : "s"} into a new graph</span>
                </span>
              )}
            </li>
          ))}
          {matches.length === 0 && <li className="sy-quickadd-none">{query ? `No graph matches “${query}”` : "No other graph in this workspace: select nodes to make one of them"}</li>}
        </ul>
      </div>
    </div>
  );
}
