import { memo } from "react";
import type { RecordedCall } from "../../../shared/recorded-calls";
import type { RunStep } from "../../stores/run-store";
import { RecordedCallsList } from "./RecordedCallsList";
import { useRecordedCalls } from "./use-recorded-calls";

/** A call belongs to a step when it ran inside that step's task (LangGraph's `node:task-id` namespace). */
export const callOfStep = (step: Pick<RunStep, "id" | "node">) => (call: RecordedCall) => call.node === step.node && call.task === `${step.node}:${step.id}`;

/** In the event log, under a step's state diff: the calls that step made. */
export const StepCalls = memo(function StepCalls({ step }: { step: RunStep }) {
  const { calls, recorded } = useRecordedCalls(callOfStep(step));
  if (!recorded) return null;
  return (
    <section className="sy-step-calls" aria-label={`Calls of step ${step.node}`}>
      <div className="sy-diff-head">
        <strong>Calls</strong>
        <span className="sy-muted">{calls.length ? `${calls.length} recorded` : "none recorded (this node called no model or tool)"}</span>
      </div>
      <RecordedCallsList calls={calls} label={`Recorded calls of step ${step.node}`} />
    </section>
  );
});
