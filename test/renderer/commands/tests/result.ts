import type { FlowTestResult } from "../../../../shared/flow-test-result";

/** A test result as the server sends it; a passed run unless told otherwise. */
export function result(overrides: Partial<FlowTestResult> = {}): FlowTestResult {
  return { graph: "agent", name: "Recorded run", status: "passed", provider: "scripted", thread_id: "t-1", checkpoint_id: "cp-last", ended: "finished", paused_at: [], steps: [], checks: [], unused_answers: 0, duration_ms: 12, ...overrides };
}
