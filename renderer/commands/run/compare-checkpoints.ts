import { openGraphDebugger } from "./open-graph-api";
import { useCompareStore, type CheckpointRef, type CompareSide } from "../../stores/compare-store";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { showToast } from "../../stores/ui-store";

/** "Compare with...": remembers the first checkpoint; the next one picked (timeline or threads list) opens the comparison. */
export function startCompare(first: CheckpointRef): void {
  useCompareStore.setState({ picking: first, error: null });
  showToast(`Comparing ${first.label}: now pick the other checkpoint (timeline) or thread (threads list, "Compare with...")`, "info", 5000);
}

export function cancelCompare(): void {
  useCompareStore.setState({ picking: null });
}

/** The second checkpoint: loads both sides and opens the comparison. */
export async function compareWith(second: CheckpointRef): Promise<void> {
  const first = useCompareStore.getState().picking;
  if (!first) return startCompare(second);
  if (sameCheckpoint(first, second)) {
    showToast("That is the checkpoint you are comparing: pick another one", "error");
    return;
  }
  useCompareStore.setState({ picking: null });
  await openComparison(first, second);
}

/** Opens the comparison of two checkpoints (of one thread or two threads of the graph). */
export async function openComparison(a: CheckpointRef, b: CheckpointRef): Promise<void> {
  if (sameCheckpoint(a, b)) {
    showToast("That is the same checkpoint: pick another one to compare with", "error");
    return;
  }
  useCompareStore.setState({ loading: true, error: null });
  try {
    const [sideA, sideB] = await Promise.all([sideOf(a), sideOf(b)]);
    useCompareStore.setState({ open: { a: sideA, b: sideB }, loading: false });
  } catch (error) {
    useCompareStore.setState({ loading: false, error: (error as Error).message });
    showToast(`Could not compare: ${(error as Error).message}`, "error", 6000);
  }
}

export function closeComparison(): void {
  useCompareStore.setState({ open: null, error: null });
}

async function sideOf(ref: CheckpointRef): Promise<CompareSide> {
  const api = openGraphDebugger();
  const history = await api.history(ref.threadId);
  const checkpoint = history.find((state) => state.checkpoint.checkpoint_id === ref.checkpointId) ?? (await api.getState(ref.threadId, ref.checkpointId));
  return { ref, checkpoint, history };
}

/** A thread's latest checkpoint as a comparison side ("Compare with..." in the threads list). */
export async function threadHeadRef(threadId: string, number?: number): Promise<CheckpointRef | null> {
  try {
    const state = await openGraphDebugger().getState(threadId);
    const checkpointId = state.checkpoint?.checkpoint_id;
    if (!checkpointId) {
      showToast("That thread has no checkpoints yet", "error");
      return null;
    }
    return { threadId, checkpointId, label: `thread ${number !== undefined ? `#${number} ` : ""}(${threadId.slice(0, 8)}), latest step ${String(state.metadata?.step ?? "?")}` };
  } catch (error) {
    showToast(`Could not read the thread: ${(error as Error).message}`, "error");
    return null;
  }
}

/** "Compare with..." on a thread: its latest checkpoint is the first or the second side. */
export async function compareThread(threadId: string, number?: number): Promise<void> {
  const ref = await threadHeadRef(threadId, number);
  if (ref) await compareWith(ref);
}

/** The palette's "Compare checkpoints...": starts from the timeline's selected checkpoint, else the open thread's latest. */
export async function compareFromPalette(): Promise<void> {
  const threadId = useRunStore.getState().threadId;
  if (!threadId) return;
  const selected = useThreadStore.getState().selectedCheckpoint;
  const row = selected ? useThreadStore.getState().history.find((state) => state.checkpoint.checkpoint_id === selected) : undefined;
  if (row) return compareWith(checkpointRefOf(threadId, row.checkpoint.checkpoint_id!, Number(row.metadata?.step ?? 0)));
  const head = await threadHeadRef(threadId);
  if (head) await compareWith(head);
}

export function checkpointRefOf(threadId: string, checkpointId: string, step: number): CheckpointRef {
  return { threadId, checkpointId, label: `step ${step} of thread ${threadId.slice(0, 8)} (…${checkpointId.slice(-6)})` };
}

function sameCheckpoint(a: CheckpointRef, b: CheckpointRef): boolean {
  return a.threadId === b.threadId && a.checkpointId === b.checkpointId;
}
