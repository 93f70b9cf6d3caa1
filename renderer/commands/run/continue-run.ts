import { useRunStore } from "../../stores/run-store";
import { followRun, stopFollowing } from "./follow-run";

const canGoOn = () => {
  const { threadId, status } = useRunStore.getState();
  return !!threadId && (status === "paused" || status === "error" || status === "cancelled");
};

/** Continue: runs the paused (or failed, or cancelled) thread on with the graph's breakpoints. */
export const continueRun = { title: "Continue", canRun: canGoOn, run: () => (canGoOn() ? followRun({ input: null }) : Promise.resolve()) };

/** Step: runs to the next node (interrupt_before "*"). */
export const stepRun = { title: "Step", canRun: canGoOn, run: () => (canGoOn() ? followRun({ input: null, step: true }) : Promise.resolve()) };

/** Cancel: stops the running run; the thread keeps its last checkpoint and can be continued. */
export const cancelRun = { title: "Cancel", canRun: () => useRunStore.getState().status === "running", run: stopFollowing };

/** Resumes a node waiting in interrupt() with the given value (Command({resume})). */
export function resumeInterrupt(value: unknown): Promise<void> {
  return followRun({ command: { resume: value } });
}
