import { memo } from "react";
import { RecordedCallsList } from "./RecordedCallsList";
import { useRecordedCalls } from "./use-recorded-calls";

/** In the node inspector: the node's recorded model and tool calls on the open thread, newest first. */
export const NodeRecordedCalls = memo(function NodeRecordedCalls({ id }: { id: string }) {
  const { calls, error, recorded } = useRecordedCalls((call) => call.node === id);
  if (!recorded) return null;
  const newestFirst = [...calls].reverse();
  return (
    <section className="sy-node-calls" aria-label={`Recorded calls of ${id}`}>
      <div className="sy-section-title">Recorded calls {calls.length > 0 && <span className="sy-badge">{calls.length}</span>}</div>
      {error && <p className="sy-field-error" role="alert">{error}</p>}
      <RecordedCallsList calls={newestFirst} label={`Calls of ${id}`} empty="No model or tool calls recorded for this node on this thread yet." />
    </section>
  );
});
