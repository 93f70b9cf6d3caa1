import { useMemo, useState } from "react";
import type { RunNodeResponse } from "../../../shared/recorded-calls";
import { Icon } from "../../app/Icon";
import { applyRunNodeAsFork, runNodeAlone } from "../../commands/replay/run-node-alone";
import { parseStateJson } from "../../commands/replay/state-json";
import { useGraphStore } from "../../stores/graph-store";
import { useReplayDialogs } from "../../stores/replay-dialogs-store";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { timelineRows } from "../timeline/branches";
import { ModalDialog } from "./ModalDialog";
import { RecordedCallsList } from "./RecordedCallsList";

const close = () => useReplayDialogs.setState({ runNode: null });
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Run this node alone: on a checkpoint's state (or that state edited as JSON), without changing the
 * thread; shows the node's update and its calls, and can apply the update as a fork.
 */
export function RunNodeDialog({ node, checkpointId }: { node: string; checkpointId: string | null }) {
  const doc = useGraphStore((state) => state.doc);
  const history = useThreadStore((state) => state.history);
  const head = useRunStore((state) => state.threadState?.checkpoint?.checkpoint_id ?? null);
  const rows = useMemo(() => timelineRows(history), [history]);
  const [chosen, setChosen] = useState(checkpointId ?? head ?? rows[0]?.id ?? "");
  const values = rows.find((row) => row.id === chosen)?.checkpoint.values ?? {};
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<RunNodeResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!doc) return null;
  const shown = text ?? pretty(values);
  const edited = text !== null && text !== pretty(values);
  let problem: string | null = null;
  let typed: Record<string, unknown> | null = null;
  try {
    typed = parseStateJson(shown, doc, "state");
  } catch (error) {
    problem = (error as Error).message;
  }
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await runNodeAlone(node, edited ? { values: typed! } : { checkpoint_id: chosen }));
    } catch (error) {
      setResult(null);
      setFailure((error as Error).message);
    }
    setBusy(false);
  };
  const update = result?.update && typeof result.update === "object" ? (result.update as Record<string, unknown>) : null;
  const fork = async () => {
    if (update && (await applyRunNodeAsFork(node, chosen, update))) close();
  };
  return (
    <ModalDialog title={`Run ${node} alone`} onClose={close} wide>
      <p>Runs only {node}, on the state below, on a scratch copy: the thread and its history are unchanged unless you apply the update as a fork.</p>
      <label className="sy-label" htmlFor="sy-run-node-checkpoint">State of checkpoint</label>
      <select id="sy-run-node-checkpoint" className="sy-input" value={chosen} onChange={(event) => { setChosen(event.target.value); setText(null); setResult(null); }}>
        {rows.map((row) => (
          <option key={row.id} value={row.id}>
            step {row.step} · by {row.producedBy}{row.id === head ? " · head" : ""} · …{row.id.slice(-8)}
          </option>
        ))}
      </select>
      <div className={`sy-field ${problem ? "has-error" : ""}`}>
        <label className="sy-label" htmlFor="sy-run-node-state">State (JSON; edit it to run on other values){edited ? " · edited" : ""}</label>
        <textarea id="sy-run-node-state" className="sy-input is-mono" rows={8} spellCheck={false} value={shown} aria-invalid={!!problem} onChange={(event) => { setText(event.target.value); setResult(null); }} />
        {problem && <div className="sy-field-error" role="alert">{problem}</div>}
      </div>
      <div className="sy-inline is-end">
        <button type="button" className="sy-button is-primary" disabled={!!problem || busy || !chosen} onClick={() => void run()}>
          <Icon name="play" size={12} /> {busy ? "Running…" : `Run ${node}`}
        </button>
      </div>
      {failure && <div className="sy-field-error" role="alert">Could not run {node}: {failure}</div>}
      {result && (
        <section className="sy-run-node-result" aria-label={`Result of ${node}`}>
          <div className="sy-call-section">Update</div>
          <pre aria-label="Update">{pretty(result.update)}</pre>
          <div className="sy-call-section">Calls</div>
          <RecordedCallsList calls={result.calls} label={`Calls of this run of ${node}`} empty={`${node} made no model or tool call.`} />
          <div className="sy-inline is-end">
            <span className="sy-help">{edited ? "Ran on edited values: a fork starts from a checkpoint, so run on the checkpoint's own state to apply it." : "The thread is unchanged."}</span>
            <button type="button" className="sy-button" disabled={edited || !update} title={`Write this update at checkpoint …${chosen.slice(-8)} as ${node}: a new branch beside the original`} onClick={() => void fork()}>
              <Icon name="fork" size={12} /> Apply as a fork
            </button>
          </div>
        </section>
      )}
    </ModalDialog>
  );
}
