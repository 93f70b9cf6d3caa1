import { END } from "../../../shared/graph-doc";
import { keyLabels } from "../../app/keys";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { defaultForEach, ForEachChoiceError, listFieldsOf, setForEach } from "../../commands/set-for-each";
import { useGraphStore } from "../../stores/graph-store";
import { showToast } from "../../stores/ui-store";
import { workspaceGraphs } from "../../stores/workspace-graphs-store";
import { closeCanvasMenu } from "./canvas-menu-store";
import { ContextMenu, MenuItem } from "./ContextMenu";

const endName = (id: string) => (id === END ? "END" : id);

/**
 * Right-click on an edge: its target waits for all branches (join), or the edge maps over a list
 * field (for each item of ...), as the inspector edits them. The join and the plain/for-each
 * switch are the registry's commands on this edge and its target.
 */
export function EdgeContextMenu({ edgeId, x, y }: { edgeId: string; x: number; y: number }) {
  const doc = useGraphStore((state) => state.doc);
  const edge = doc?.edges.find((candidate) => candidate.id === edgeId);
  if (!doc || !edge) return null;
  const target = doc.nodes.find((node) => node.id === edge.target);
  const forEach = edge.when?.type === "for-each" ? edge.when : undefined;
  const lists = listFieldsOf(doc);
  const mapOver = (field: string) => {
    try {
      const as = forEach?.as ?? defaultForEach(doc, edge, workspaceGraphs()).as;
      setForEach.run({ id: edge.id, forEach: { field, as } });
    } catch (error) {
      if (!(error instanceof ForEachChoiceError)) throw error;
      showToast(error.message, "error");
    }
  };
  const onEdge = { ...commandContext(), selectedEdges: [edge.id] };
  return (
    <ContextMenu label={`Edge ${edge.source} to ${endName(edge.target)}`} title={`${edge.source} → ${endName(edge.target)}`} x={x} y={y} onClose={closeCanvasMenu}>
      {target && (
        <MenuItem
          label={`Wait for all (join) on ${target.id}`}
          title={`${target.id} runs once all its plain incoming branches of the step have arrived (LangGraph addEdge([a, b], node))`}
          checked={!!target.join}
          onClose={closeCanvasMenu}
          onSelect={() => runCommand("canvas.toggle-join", { ...onEdge, selectedNodes: [target.id] })}
        />
      )}
      {lists.length === 0 && <MenuItem label="For each item of…" title="Map over a list field (LangGraph Send): this graph needs a list field first" onClose={closeCanvasMenu} onSelect={() => runCommand("canvas.for-each", onEdge)} />}
      {lists.map((field) => (
        <MenuItem
          key={field}
          label={`For each item of ${field}${forEach?.field === field ? ` (as ${forEach.as})` : ""}`}
          title={`One task to ${endName(edge.target)} per item of ${field}, run in parallel (LangGraph Send)`}
          checked={forEach?.field === field}
          onClose={closeCanvasMenu}
          onSelect={() => (forEach?.field === field ? runCommand("canvas.for-each", onEdge) : mapOver(field))}
        />
      ))}
      {forEach && <MenuItem label="Plain edge again" shortcut={keyLabels("canvas.for-each")[0]} onClose={closeCanvasMenu} onSelect={() => runCommand("canvas.for-each", onEdge)} />}
    </ContextMenu>
  );
}
