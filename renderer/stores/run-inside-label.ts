import { pathLabel } from "./run-pause";
import { runningPathOf } from "./run-inside";
import type { RunState } from "./run-store";

/**
 * What a subgraph node on the parent canvas says of its inside: the inner node running now
 * (`research > search`), else where the run paused inside it. A string pair, so a node component's
 * selector compares it by value.
 */
export function insideLabelOf(state: Pick<RunState, "inside" | "pause" | "status">, nodeId: string): { label: string; status: "running" | "paused" } | null {
  const running = state.status === "running" ? runningPathOf(state.inside, nodeId) : null;
  if (running) return { label: running, status: "running" };
  if (state.status === "paused" && state.pause?.inner && state.pause.node === nodeId) return { label: pathLabel(state.pause.inner.path), status: "paused" };
  return null;
}
