import { useReplayDialogs } from "../../stores/replay-dialogs-store";
import { PinDialog } from "./PinDialog";
import { RunNodeDialog } from "./RunNodeDialog";
import "../../styles/replay.css";

/** The pin and run-one-node dialogs, when a command opened one. */
export function ReplayDialogs() {
  const pin = useReplayDialogs((state) => state.pin);
  const runNode = useReplayDialogs((state) => state.runNode);
  return (
    <>
      {pin && <PinDialog key={pin.node} node={pin.node} initial={pin.initial} checkpointId={pin.checkpointId} />}
      {runNode && <RunNodeDialog key={runNode.node} node={runNode.node} checkpointId={runNode.checkpointId} />}
    </>
  );
}
