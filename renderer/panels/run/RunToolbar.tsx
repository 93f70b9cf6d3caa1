import { useEffect } from "react";
import { Icon } from "../../app/Icon";
import { withShortcut } from "../../app/keys";
import { runCommand } from "../../commands/registry/app-commands";
import { pauseEveryNode, usePauseEveryNode } from "../../commands/run/pause-every-node";
import { newThread, restoreThread } from "../../commands/run/threads";
import { useGraphStore } from "../../stores/graph-store";
import { useRunStore } from "../../stores/run-store";
import { NodeContextMenu } from "./NodeContextMenu";
import { ReplayDialogs } from "../replay/ReplayDialogs";
import "../../styles/debugger.css";
import "../../styles/debugger-subgraph.css";

const statusText: Record<string, string> = { idle: "", running: "Running", paused: "Paused", done: "Done", error: "Error", cancelled: "Cancelled" };

/** The top bar's debugger controls: Continue, Step, Cancel, pause at every node, the run's status. */
export function RunToolbar() {
  const status = useRunStore((state) => state.status);
  const hasThread = useRunStore((state) => !!state.threadId);
  const everyNode = usePauseEveryNode((state) => state.on);
  const canGoOn = hasThread && (status === "paused" || status === "error" || status === "cancelled");
  useDebuggerSession();
  return (
    <>
      {status !== "idle" && (
        <span className={`sy-run-status is-${status}`} role="status" aria-label={`Run status: ${statusText[status]}`}>
          <span className="sy-run-status-dot" aria-hidden="true" />
          {statusText[status]}
        </span>
      )}
      <button type="button" className="sy-button is-small" aria-label="Continue" title={withShortcut("Continue", "run.continue")} disabled={!canGoOn} onClick={() => runCommand("run.continue")}>
        <Icon name="play" size={12} /> Continue
      </button>
      <button type="button" className="sy-button is-small" aria-label="Step" title={withShortcut("Step: run to the next node", "run.step")} disabled={!canGoOn} onClick={() => runCommand("run.step")}>
        <Icon name="chevronRight" size={13} /> Step
      </button>
      <button type="button" className="sy-button is-small" aria-label="Cancel run" title={withShortcut("Cancel the run", "run.cancel")} disabled={status !== "running"} onClick={() => runCommand("run.cancel")}>
        <Icon name="stop" size={12} /> Cancel
      </button>
      <button type="button" className={`sy-tool sy-every-node ${everyNode ? "is-on" : ""}`} aria-label="Pause at every node" aria-pressed={everyNode} title="Pause at every node (for stepping)" onClick={pauseEveryNode.toggle}>
        <Icon name="pause" />
      </button>
      <NodeContextMenu />
      <ReplayDialogs />
    </>
  );
}

/** Opening a graph reopens the thread it had open (after a reload or a server restart too). */
function useDebuggerSession(): void {
  const graphName = useGraphStore((state) => state.graphName);
  useEffect(() => {
    if (!graphName) return;
    if (useRunStore.getState().graphName !== graphName) newThread({ forget: false });
    // Threads are listed through the SDK, loaded on demand: once the graph is on screen, not before.
    const idle = requestIdleCallback(() => void restoreThread(graphName), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [graphName]);
}
