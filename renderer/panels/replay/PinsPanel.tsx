import { memo } from "react";
import { Icon } from "../../app/Icon";
import { summariseUpdate } from "../../stores/run-store";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { useGraphStore } from "../../stores/graph-store";
import { usePinsStore } from "../../stores/pins-store";

/** The Pins tab: every pinned node of the open graph, what it returns, where the output came from; edit or unpin. */
export const PinsPanel = memo(function PinsPanel() {
  const graph = useGraphStore((state) => state.graphName);
  const pinsGraph = usePinsStore((state) => state.graph);
  const pins = usePinsStore((state) => state.pins);
  const error = usePinsStore((state) => state.error);
  const entries = pinsGraph === graph ? Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)) : [];
  const onNode = (command: "run.pin-output" | "run.unpin", node: string) => runCommand(command, { ...commandContext(), selectedNodes: [node] });
  if (error) return <div className="sy-field-error" role="alert">{error}</div>;
  if (entries.length === 0) {
    return (
      <div className="sy-empty-note" role="status">
        <Icon name="pin" size={14} /> No pinned nodes. Right-click a node and choose “Pin output…”: a pinned node returns its output without running, in every run, until unpinned.
      </div>
    );
  }
  return (
    <ul className="sy-pins" aria-label="Pinned nodes">
      {entries.map(([node, pin]) => (
        <li key={node} className="sy-pin-row" aria-label={`Pin of ${node}`}>
          <Icon name="pin" size={13} />
          <strong className="sy-event-node">{node}</strong>
          <span className="sy-pin-output" title={JSON.stringify(pin.update, null, 2)}>returns {summariseUpdate(pin.update)}</span>
          <span className="sy-muted">{pin.from ? `recorded at checkpoint …${pin.from.checkpoint_id.slice(-8)}` : "typed by hand"} · {new Date(pin.pinned_at).toLocaleString()}</span>
          <span className="sy-spacer" />
          <button type="button" className="sy-button is-small" aria-label={`Edit pin of ${node}`} onClick={() => onNode("run.pin-output", node)}>
            <Icon name="pencil" size={12} /> Edit
          </button>
          <button type="button" className="sy-button is-small is-danger-ghost" aria-label={`Unpin ${node}`} onClick={() => onNode("run.unpin", node)}>
            Unpin
          </button>
        </li>
      ))}
    </ul>
  );
});
