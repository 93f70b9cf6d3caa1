import { memo, useEffect, useRef } from "react";
import { Icon } from "../app/Icon";
import { useRunStore, type RunEvent } from "../stores/run-store";

const icons: Record<RunEvent["kind"], string> = { started: "play", update: "chevronRight", paused: "pause", done: "check", error: "error", refused: "alert" };

/** The run's stream as readable lines: node updates, pauses, the end. */
export const EventsList = memo(function EventsList() {
  const events = useRunStore((state) => state.events);
  const threadId = useRunStore((state) => state.threadId);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [events.length]);
  if (events.length === 0) {
    return (
      <div className="sy-empty-note" role="status">
        <Icon name="play" size={14} /> Run the graph (Ctrl+Enter) to see each node's update here.
      </div>
    );
  }
  return (
    <ul className="sy-events" aria-label="Run events">
      {threadId && <li className="sy-event-thread">thread {threadId}</li>}
      {events.map((event, i) => (
        <li key={event.id} className={`sy-event is-${event.kind}`} ref={i === events.length - 1 ? end : undefined}>
          <Icon name={icons[event.kind]} size={13} />
          <time>{new Date(event.at).toLocaleTimeString()}</time>
          {event.node && <span className="sy-event-node">{event.node}</span>}
          <span className="sy-event-text">{event.text}</span>
        </li>
      ))}
    </ul>
  );
});
