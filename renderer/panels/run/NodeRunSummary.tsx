import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import { Icon } from "../../app/Icon";
import { summariseUpdate, useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { useUiStore } from "../../stores/ui-store";

/** In the node inspector: this node in the open run (status, runs, last duration, error, output). */
export const NodeRunSummary = memo(function NodeRunSummary({ id }: { id: string }) {
  const [status, error] = useRunStore(useShallow((state) => [state.nodeStatus[id] ?? null, state.nodeErrors[id] ?? null] as const));
  const steps = useRunStore(useShallow((state) => state.steps.filter((step) => step.node === id)));
  if (!status && steps.length === 0) return null;
  const last = steps[steps.length - 1];
  return (
    <section className={`sy-node-run is-${status ?? "unreached"}`} aria-label={`${id} in this run`}>
      <div className="sy-node-run-head">
        <span className="sy-node-run-dot" aria-hidden="true" />
        <strong>{status ?? "not reached"}</strong>
        <span className="sy-muted">
          {steps.length} run{steps.length === 1 ? "" : "s"}
          {last?.endedAt ? ` · last ${last.endedAt - last.startedAt} ms` : ""}
        </span>
        {last && (
          <button
            type="button"
            className="sy-link-button"
            onClick={() => {
              useThreadStore.setState({ selectedStep: last.id });
              useUiStore.setState({ bottomOpen: true, bottomTab: "events" });
            }}
          >
            State diff <Icon name="chevronRight" size={11} />
          </button>
        )}
      </div>
      {error && <div className="sy-node-run-error">{error}</div>}
      {last?.output !== undefined && !error && <div className="sy-node-run-output">{summariseUpdate(last.output)}</div>}
    </section>
  );
});
