import type { ThreadState } from "@langchain/langgraph-sdk";

export interface TimelineRow {
  checkpoint: ThreadState;
  id: string;
  /** Which branch (lane) the checkpoint is on; 0 is the first branch. */
  lane: number;
  /** The node whose update made this checkpoint ("input" for the run's input, or the update's as_node). */
  producedBy: string;
  step: number;
  /** The checkpoint starts a new branch (its parent has an earlier child). */
  forks: boolean;
}

/**
 * Lays the thread's history (all branches, newest first from /history) out as lanes: oldest
 * first, a checkpoint whose parent already has a child starts a new lane.
 */
export function timelineRows(history: ThreadState[]): TimelineRow[] {
  const byId = new Map(history.map((state) => [state.checkpoint.checkpoint_id!, state]));
  const ordered = [...history].sort((a, b) => (a.checkpoint.checkpoint_id! < b.checkpoint.checkpoint_id! ? -1 : 1));
  const laneOf = new Map<string, number>();
  const hasChild = new Set<string>();
  let lanes = 0;
  const rows: TimelineRow[] = [];
  for (const state of ordered) {
    const id = state.checkpoint.checkpoint_id!;
    const parentId = state.parent_checkpoint?.checkpoint_id ?? null;
    let lane: number;
    let forks = false;
    if (!parentId || !laneOf.has(parentId)) lane = lanes === 0 ? lanes++ : 0;
    else if (hasChild.has(parentId)) {
      lane = lanes++;
      forks = true;
    } else lane = laneOf.get(parentId)!;
    if (parentId) hasChild.add(parentId);
    laneOf.set(id, lane);
    rows.push({ checkpoint: state, id, lane, producedBy: producerOf(state, parentId ? byId.get(parentId) : undefined), step: Number(state.metadata?.step ?? 0), forks });
  }
  return rows.reverse();
}

/** The node (or input, re-run, state update) that made a checkpoint, read from it and its parent. */
export function producerOf(state: ThreadState, parent: ThreadState | undefined): string {
  const metadata = state.metadata as Record<string, unknown> | null;
  const writes = metadata?.writes as Record<string, unknown> | null | undefined;
  if (writes && Object.keys(writes).length) return Object.keys(writes).join(", ");
  if (metadata?.source === "input") return "input";
  // LangGraph copies the checkpoint a re-run starts from: the copy is the branch's first checkpoint.
  if (metadata?.source === "fork") return "re-run";
  if (metadata?.source === "update") return "state update";
  if (parent?.next.length) return parent.next.map((node) => (node === "__start__" ? "START" : node)).join(", ");
  return metadata?.source === "loop" && Number(metadata.step) === 0 ? "input" : String(metadata?.source ?? "?");
}

/** For each lane, the rows it spans (a branch's line runs up to the checkpoint it forked from). */
export function laneSpans(rows: TimelineRow[]): Map<number, { from: number; to: number }> {
  const index = new Map(rows.map((row, i) => [row.id, i]));
  const spans = new Map<number, { from: number; to: number }>();
  rows.forEach((row, i) => {
    const span = spans.get(row.lane) ?? { from: i, to: i };
    span.from = Math.min(span.from, i);
    span.to = Math.max(span.to, i);
    const parent = row.forks ? index.get(row.checkpoint.parent_checkpoint?.checkpoint_id ?? "") : undefined;
    if (parent !== undefined) span.to = Math.max(span.to, parent);
    spans.set(row.lane, span);
  });
  return spans;
}
