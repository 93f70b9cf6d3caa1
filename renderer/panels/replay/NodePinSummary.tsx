import { memo } from "react";
import { Icon } from "../../app/Icon";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { useGraphStore } from "../../stores/graph-store";
import { useOpenGraph } from "../../stores/open-graph-store";
import { usePinsStore } from "../../stores/pins-store";
import { summariseUpdate, useRunStore } from "../../stores/run-store";

/** In the node inspector: whether the node is pinned (and to what), and the pin and run-alone actions. */
export const NodePinSummary = memo(function NodePinSummary({ id }: { id: string }) {
  const graph = useGraphStore((state) => state.graphName);
  const pin = usePinsStore((state) => (state.graph === graph ? state.pins[id] : undefined));
  const recorded = useOpenGraph((state) => state.graph?.source.kind === "workspace");
  const hasThread = useRunStore((state) => !!state.threadId);
  const running = useRunStore((state) => state.status === "running");
  if (!recorded) return null;
  const on = (command: "run.pin-output" | "run.unpin" | "run.run-node") => runCommand(command, { ...commandContext(), selectedNodes: [id] });
  return (
    <section className={`sy-node-pin ${pin ? "is-pinned" : ""}`} aria-label={`Pin and run of ${id}`}>
      {pin && (
        <div className="sy-node-pin-head">
          <Icon name="pin" size={12} /> <strong>Pinned</strong>
          <span className="sy-muted" title={JSON.stringify(pin.update, null, 2)}>returns {summariseUpdate(pin.update)} without running</span>
        </div>
      )}
      <div className="sy-inline">
        <button type="button" className="sy-button is-small" onClick={() => on("run.pin-output")}>
          <Icon name="pin" size={12} /> {pin ? "Edit pin" : "Pin output…"}
        </button>
        {pin && (
          <button type="button" className="sy-button is-small is-danger-ghost" onClick={() => on("run.unpin")}>
            Unpin
          </button>
        )}
        <button type="button" className="sy-button is-small" disabled={!hasThread || running} title={hasThread ? "Run only this node on a checkpoint's state; the thread is unchanged" : "Run the graph first: run alone starts from a checkpoint of the thread"} onClick={() => on("run.run-node")}>
          <Icon name="play" size={12} /> Run this node alone…
        </button>
      </div>
    </section>
  );
});
