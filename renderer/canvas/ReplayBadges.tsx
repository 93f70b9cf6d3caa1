import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import { Icon } from "../app/Icon";
import { useGraphStore } from "../stores/graph-store";
import { isPinned, usePinsStore } from "../stores/pins-store";
import { useRunStore } from "../stores/run-store";

/**
 * A node's replay marks, each selected by the node's own id: pinned (the graph's pins), replayed
 * (served from the recording in this run) or live (where a replaying run went live).
 */
export const ReplayBadges = memo(function ReplayBadges({ id }: { id: string }) {
  const graph = useGraphStore((state) => state.graphName);
  const pinned = usePinsStore((state) => isPinned(state, graph, id));
  const [replayed, live] = useRunStore(useShallow((state) => [!!state.replayedNodes[id], state.liveNode === id] as const));
  if (!pinned && !replayed && !live) return null;
  return (
    <span className="sy-replay-badges">
      {pinned && (
        <span className="sy-replay-badge is-pinned" role="img" aria-label="Pinned: returns its pinned output without running" title="Pinned: returns its pinned output without running (see Pins)">
          <Icon name="pin" size={10} /> pinned
        </span>
      )}
      {replayed && (
        <span className="sy-replay-badge is-replayed" role="img" aria-label="Replayed from the recording" title="Replayed: its model calls were served from the recording, no provider request">
          <Icon name="replay" size={10} /> replayed
        </span>
      )}
      {live && (
        <span className="sy-replay-badge is-live" role="img" aria-label="First live node" title="First live node: its request differed from the recording, so from here the run called the provider">
          <Icon name="zap" size={10} /> live
        </span>
      )}
    </span>
  );
});
