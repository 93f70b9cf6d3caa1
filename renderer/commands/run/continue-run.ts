import { useRunStore } from "../../stores/run-store";
import { followRun, stopFollowing } from "./follow-run";

export const canGoOn = () => {
  const { threadId, status } = useRunStore.getState();
  return !!threadId && (status === "paused" || status === "error" || status === "cancelled");
};

/**
 * Runs the paused (or failed, or cancelled) thread on as it is, with the graph's breakpoints.
 * The Continue command first sends what the pause is waiting for (see continue-from-pause.ts).
 */
export const runOn = { title: "Continue", canRun: canGoOn, run: () => (canGoOn() ? followRun({ input: null }) : Promise.resolve()) };

/** Step: runs to the next node (interrupt_before "*"). */
export const stepRun = { title: "Step", canRun: canGoOn, run: () => (canGoOn() ? followRun({ input: null, step: true }) : Promise.resolve()) };

/** Cancel: stops the running run; the thread keeps its last checkpoint and can be continued. */
export const cancelRun = { title: "Cancel", canRun: () => useRunStore.getState().status === "running", run: stopFollowing };

/** Resumes a node waiting in interrupt() with the given value (Command({resume})). */
export function resumeInterrupt(value: unknown): Promise<void> {
  return followRun({ command: { resume: value } });
}
