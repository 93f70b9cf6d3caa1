import { Icon } from "../../app/Icon";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { useGraphStore } from "../../stores/graph-store";
import { useOpenGraph } from "../../stores/open-graph-store";

/**
 * On a selected checkpoint: re-run from here, replaying the recorded calls or live (the person
 * picks per re-run), and pin the node that wrote this checkpoint to what it wrote.
 */
export function RerunButtons({ checkpointId, producedBy, disabled }: { checkpointId: string; producedBy: string; disabled: boolean }) {
  const recorded = useOpenGraph((state) => state.graph?.source.kind === "workspace");
  const writer = useGraphStore((state) => (state.doc?.nodes.some((node) => node.id === producedBy) ? producedBy : null));
  const rerun = (command: "run.rerun-replay" | "run.rerun-live") => runCommand(command, { ...commandContext(), selectedCheckpoint: checkpointId });
  return (
    <span className="sy-rerun" role="group" aria-label="Re-run from here">
      <span className="sy-muted">Re-run from here:</span>
      {recorded && (
        <button type="button" className="sy-button is-small" aria-label="Re-run from here, replaying recorded calls" disabled={disabled} onClick={() => rerun("run.rerun-replay")} title="A new branch from this checkpoint: each model call whose request is unchanged is served from the recording (no provider request); from the first that differs, the run is live">
          <Icon name="replay" size={12} /> Replay recorded calls
        </button>
      )}
      <button type="button" className="sy-button is-small" aria-label="Re-run from here, live" disabled={disabled} onClick={() => rerun("run.rerun-live")} title="A new branch from this checkpoint: every model is called again">
        <Icon name="zap" size={12} /> Run live
      </button>
      {recorded && writer && (
        <button type="button" className="sy-button is-small is-ghost" aria-label={`Pin ${writer} to this output`} disabled={disabled} onClick={() => runCommand("run.pin-output", { ...commandContext(), selectedNodes: [writer] })} title={`Pin ${writer}: it returns an output without running, in every run, until unpinned`}>
          <Icon name="pin" size={12} /> Pin {writer}…
        </button>
      )}
    </span>
  );
}
