import { Icon } from "../../app/Icon";
import { canRunCommand, runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { checkpointBefore } from "../../commands/replay/checkpoints";
import type { CommandId } from "../../../shared/command-table";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";

/**
 * The node context menu's replay part: re-run from before this node (replaying or live), pin or
 * unpin its output, run it alone. Each item is a registry command on the node right-clicked.
 */
export function NodeMenuReplayItems({ node, onDone }: { node: string; onDone: () => void }) {
  const history = useThreadStore((state) => state.history);
  const head = useRunStore((state) => state.threadState?.checkpoint?.checkpoint_id ?? undefined);
  const before = checkpointBefore(history, head, node);
  const context = { ...commandContext(), selectedNodes: [node], selectedCheckpoint: before };
  const item = (command: CommandId, label: string, icon: "replay" | "zap" | "pin" | "play", hint: string) => (
    <button
      type="button"
      role="menuitem"
      className="sy-menu-item"
      disabled={!canRunCommand(command, context)}
      title={hint}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => {
        runCommand(command, context);
        onDone();
      }}
    >
      <span className="sy-menu-check" />
      <Icon name={icon} size={12} />
      {label}
    </button>
  );
  const pinned = context.pinnedNodes.includes(node);
  const noCheckpoint = before ? "" : ` (${node} has not been about to run on this thread)`;
  return (
    <>
      <div className="sy-menu-separator" role="separator" />
      {item("run.rerun-replay", "Re-run from here, replaying recorded calls", "replay", `A new branch from the checkpoint before ${node}; unchanged model calls come from the recording${noCheckpoint}`)}
      {item("run.rerun-live", "Re-run from here, live", "zap", `A new branch from the checkpoint before ${node}; every model is called again${noCheckpoint}`)}
      <div className="sy-menu-separator" role="separator" />
      {item("run.pin-output", pinned ? "Edit pinned output…" : "Pin output…", "pin", "The node returns this output without running, in every run, until unpinned")}
      {pinned && item("run.unpin", "Unpin", "pin", "The node runs again")}
      {item("run.run-node", "Run this node alone…", "play", "Run only this node on a checkpoint's state; the thread is unchanged")}
    </>
  );
}
