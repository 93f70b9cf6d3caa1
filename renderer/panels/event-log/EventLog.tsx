import { memo, useEffect, useRef } from "react";
import { Icon } from "../../app/Icon";
import { useRunStore, type RunEvent, type RunStep } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { StepDiff } from "./StepDiff";
import { StepCalls } from "../replay/StepCalls";

const icons: Record<RunEvent["kind"], string> = { started: "play", update: "chevronRight", paused: "pause", done: "check", error: "error", refused: "alert", replayed: "replay", live: "zap", pinned: "pin" };

/** Every step of the run (node, timing, output) and its pauses; click a step for its state diff. */
export const EventLog = memo(function EventLog() {
  const events = useRunStore((state) => state.events);
  const steps = useRunStore((state) => state.steps);
  const threadId = useRunStore((state) => state.threadId);
  const selected = useThreadStore((state) => state.selectedStep);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [events.length]);
  if (events.length === 0) {
    return (
      <div className="sy-empty-note" role="status">
        <Icon name="play" size={14} /> Run the graph (Ctrl+Enter) to see each node's step here.
      </div>
    );
  }
  const stepById = new Map(steps.map((step) => [step.id, step]));
  const selectedStep = selected ? stepById.get(selected) : undefined;
  return (
    <div className={`sy-event-log ${selectedStep ? "has-diff" : ""}`}>
      <ul className="sy-events" aria-label="Run events">
        {threadId && <li className="sy-event-thread">thread {threadId}</li>}
        {events.map((event, i) => {
          const step = event.stepId ? stepById.get(event.stepId) : undefined;
          return (
            <li
              key={event.id}
              className={`sy-event is-${event.kind} ${step ? "is-step" : ""} ${step && step.id === selected ? "is-selected" : ""}`}
              ref={i === events.length - 1 ? end : undefined}
              onClick={step ? () => useThreadStore.setState({ selectedStep: step.id === selected ? null : step.id }) : undefined}
              title={step ? "Show the state before and after this step" : undefined}
            >
              <Icon name={icons[event.kind]} size={13} />
              <time>{new Date(event.at).toLocaleTimeString()}</time>
              {event.node && <span className="sy-event-node">{event.node}</span>}
              {step && <span className="sy-event-ms">{duration(step)}</span>}
              <span className="sy-event-text">{event.text}</span>
            </li>
          );
        })}
      </ul>
      {selectedStep && (
        <div className="sy-step-detail">
          <StepDiff step={selectedStep} />
          <StepCalls step={selectedStep} />
        </div>
      )}
    </div>
  );
});

function duration(step: RunStep): string {
  return step.endedAt ? `${Math.max(0, step.endedAt - step.startedAt)} ms` : "…";
}
