import type { ThreadState } from "@langchain/langgraph-sdk";
import { sameValue } from "./compare-state";

/** One step of the run that led to a checkpoint: the node (or input, or state edit) and what it wrote. */
export interface RunStepRecord {
  checkpointId: string;
  step: number;
  kind: "input" | "node" | "edit";
  /** The node that wrote; "input" for the run's input; for an edit, "state" (LangGraph.js does not keep the node it was applied as). */
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
 * thread's history (all branches). LangGraph.js keeps no `writes` in checkpoint metadata: a
 * step's node and update are the parent's finished tasks (their `result`); a state edit is what
 * changed between the two checkpoints. Checkpoints that change nothing (a re-run's copy) are not steps.
 */
export function stepsTo(history: ThreadState[], checkpointId: string): RunStepRecord[] {
  const byId = new Map(history.map((state) => [state.checkpoint.checkpoint_id ?? "", state]));
  const lineage: ThreadState[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(checkpointId); current && !seen.has(current.checkpoint.checkpoint_id ?? ""); current = byId.get(current.parent_checkpoint?.checkpoint_id ?? "")) {
    seen.add(current.checkpoint.checkpoint_id ?? "");
    lineage.push(current);
  }
  lineage.reverse();
  return lineage.flatMap((state, index) => recordsOf(state, lineage[index - 1]));
}

function recordsOf(state: ThreadState, parent: ThreadState | undefined): RunStepRecord[] {
  const metadata = (state.metadata ?? {}) as Record<string, unknown>;
  const base = { checkpointId: state.checkpoint.checkpoint_id ?? "", step: Number(metadata.step ?? 0) };
  const writes = metadata.writes as Record<string, unknown> | null | undefined;
  if (metadata.source === "input") {
    const input = writes?.__start__ ?? state.tasks.find((task) => task.name === "__start__")?.result ?? {};
    return [{ ...base, kind: "input", node: "input", update: input }];
  }
  if (metadata.source === "fork" || !parent) return [];
  if (metadata.source === "update") {
    const changed = changesBetween(parent.values as Record<string, unknown>, state.values as Record<string, unknown>);
    return Object.keys(changed).length ? [{ ...base, kind: "edit", node: Object.keys(writes ?? {})[0] ?? "state", update: changed }] : [];
  }
  // Older servers (and the Python Platform) still write `writes` in the metadata.
  if (writes && Object.keys(writes).length) return Object.entries(writes).map(([node, update]) => ({ ...base, kind: "node" as const, node, update }));
  const finished = parent.tasks.filter((task) => task.name !== "__start__" && task.result !== null && task.result !== undefined);
  if (finished.length) return finished.map((task) => ({ ...base, kind: "node" as const, node: task.name, update: task.result }));
  const changed = changesBetween(parent.values as Record<string, unknown>, state.values as Record<string, unknown>);
  const nodes = parent.next.filter((name) => name !== "__start__");
  if (nodes.length === 0 || Object.keys(changed).length === 0) return [];
  return [{ ...base, kind: "node", node: nodes.join(", "), update: changed }];
}

/** The fields whose value changed from one checkpoint to the next (for a message list: the messages added). */
export function changesBetween(before: Record<string, unknown> = {}, after: Record<string, unknown> = {}): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    const old = before[field];
    if (sameValue(old, value)) continue;
    if (Array.isArray(old) && Array.isArray(value) && value.length > old.length && sameValue(value.slice(0, old.length), old)) changed[field] = value.slice(old.length);
    else changed[field] = value;
  }
  return changed;
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
