import type { ThreadState } from "@langchain/langgraph-sdk";
import { sameValue } from "./compare-state";

/** One step of the run that led to a checkpoint: the node (or input, or state edit) and what it wrote. */
export interface RunStepRecord {
  checkpointId: string;
  step: number;
  kind: "input" | "node" | "edit";
  /** The node that wrote (for an edit, the node it was applied as); "input" for the run's input. */
  node: string;
  update: unknown;
}

export interface StepRow {
  index: number;
  a?: RunStepRecord;
  b?: RunStepRecord;
  /** Both sides ran the same node with the same update (the same checkpoint, or an equal one). */
  same: boolean;
  /** The first row where the two runs differ. */
  divergesHere: boolean;
}

/**
 * The steps that led to a checkpoint, oldest first: its lineage through parent checkpoints in the
 * thread's history (all branches), one record per node that wrote (parallel nodes: one each).
 * Checkpoints that wrote nothing (a re-run's copy, the loop's first) are not steps.
 */
export function stepsTo(history: ThreadState[], checkpointId: string): RunStepRecord[] {
  const byId = new Map(history.map((state) => [state.checkpoint.checkpoint_id ?? "", state]));
  const lineage: ThreadState[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(checkpointId); current && !seen.has(current.checkpoint.checkpoint_id ?? ""); current = byId.get(current.parent_checkpoint?.checkpoint_id ?? "")) {
    seen.add(current.checkpoint.checkpoint_id ?? "");
    lineage.push(current);
  }
  return lineage.reverse().flatMap(recordsOf);
}

function recordsOf(state: ThreadState): RunStepRecord[] {
  const metadata = (state.metadata ?? {}) as Record<string, unknown>;
  const writes = metadata.writes as Record<string, unknown> | null | undefined;
  if (!writes || Object.keys(writes).length === 0) return [];
  const base = { checkpointId: state.checkpoint.checkpoint_id ?? "", step: Number(metadata.step ?? 0) };
  return Object.entries(writes).map(([node, update]) => {
    if (node === "__start__" || metadata.source === "input") return { ...base, kind: "input" as const, node: "input", update };
    return { ...base, kind: metadata.source === "update" ? ("edit" as const) : ("node" as const), node, update };
  });
}

/** The two step sequences side by side by position, the first row where they differ marked. */
export function alignSteps(a: RunStepRecord[], b: RunStepRecord[]): StepRow[] {
  const rows: StepRow[] = [];
  let diverged = false;
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const x = a[index];
    const y = b[index];
    const same = !!x && !!y && (x.checkpointId === y.checkpointId || (x.node === y.node && x.kind === y.kind && sameValue(x.update, y.update)));
    rows.push({ index, a: x, b: y, same, divergesHere: !same && !diverged });
    if (!same) diverged = true;
  }
  return rows;
}
