import type { Command } from "@langchain/langgraph-sdk";
import type { DebuggerApi } from "../../client/debugger-api";
import { openGraphDebugger } from "./open-graph-api";
import { isGraphShown, openGraphView } from "../../stores/open-graph-facts";
import { saveGraph } from "../save-graph";
import { applyFrame, errorText, runEvent, settleRun, useRunStore } from "../../stores/run-store";
import { runBreakpointsOf } from "./breakpoints";
import { bringForwardIfAsked } from "./bring-pause-forward";
import { pauseEveryNode } from "./pause-every-node";
import { recursionLimit } from "./run-settings";
import { refreshHistory, refreshThreads } from "./threads";

let controller: AbortController | null = null;

/** `npm run bench:debugger` sets this to time each frame's arrival (before the store sees it). */
const benchProbe = (event: string, data: unknown) => (globalThis as { __switchyardBenchProbe?: (event: string, data: unknown) => void }).__switchyardBenchProbe?.(event, data);

export interface FollowOptions {
  input?: Record<string, unknown> | null;
  command?: Command;
  checkpointId?: string;
  /** Run to the next node only (interrupt_before "*"). */
  step?: boolean;
  /** Serve model calls from the thread's recording (re-run from here, replaying). */
  replay?: boolean;
}

/**
 * Starts a run on the open thread and feeds its one SSE stream into the run store; when the
 * stream ends, the thread's state says why it stopped (paused, done, failed).
 */
export async function followRun(options: FollowOptions): Promise<void> {
  const { threadId, graphName } = useRunStore.getState();
  const view = openGraphView();
  if (!threadId || !graphName || !isGraphShown(view)) return;
  // A graph fixed while paused or after an error runs as fixed: the server compiles the saved file.
  await saveGraph();
  const breakpoints = runBreakpointsOf(view, { pauseEveryNode: pauseEveryNode.isOn(), step: options.step });
  controller?.abort();
  const own = new AbortController();
  controller = own;
  useRunStore.setState((state) => ({
    status: "running",
    pause: null,
    error: null,
    nodeStatus: Object.fromEntries(Object.entries(state.nodeStatus).filter(([, status]) => status === "done")),
  }));
  let lastYield = performance.now();
  // The run and its thread live on the server the graph was on when it started.
  const api = openGraphDebugger();
  try {
    for await (const frame of api.stream(threadId, graphName, { ...options, ...breakpoints, recursionLimit: recursionLimit(), signal: own.signal })) {
      benchProbe(frame.event, frame.data);
      useRunStore.setState((state) => applyFrame(state, frame.event, frame.data, Date.now()));
      // A burst of buffered frames is read in one long chain of microtasks: give the browser a
      // task boundary now and then so the canvas paints during the burst, not only after it.
      if (performance.now() - lastYield > 16) {
        await new Promise((resume) => setTimeout(resume, 0));
        lastYield = performance.now();
      }
    }
  } catch (error) {
    if (own.signal.aborted) {
      if (controller === own) useRunStore.setState({ status: "cancelled" });
    } else {
      useRunStore.setState((state) => ({ status: "error", error: (error as Error).message, events: [...state.events, runEvent({ kind: "error", text: `Run failed: ${(error as Error).message}` })] }));
    }
  }
  // A newer run took over the thread (and aborted this stream): it settles, not this one.
  if (controller !== own) return;
  controller = null;
  await settle(api, threadId, breakpoints.interruptAfter);
}

async function settle(api: DebuggerApi, threadId: string, interruptAfter: string[] | "*"): Promise<void> {
  try {
    const threadState = await api.getState(threadId, undefined, { subgraphs: true });
    if (useRunStore.getState().threadId !== threadId) return;
    useRunStore.setState((state) => {
      const change = settleRun(state, threadState, interruptAfter);
      if (state.status === "cancelled") change.events = [...state.events, runEvent({ kind: "error", text: "Run cancelled" })];
      return change;
    });
    bringForwardIfAsked();
  } catch (error) {
    useRunStore.setState((state) => ({ events: [...state.events, runEvent({ kind: "error", text: `Could not read the thread's state: ${errorText((error as Error).message)}` })] }));
  }
  void refreshThreads();
  void refreshHistory();
}

/** Stops the stream (the server cancels the run too). */
export async function stopFollowing(): Promise<void> {
  const { threadId, runId, status } = useRunStore.getState();
  if (status !== "running") return;
  useRunStore.setState({ status: "cancelled" });
  const current = controller;
  if (threadId && runId) await openGraphDebugger().cancel(threadId, runId).catch(() => undefined);
  current?.abort();
}
