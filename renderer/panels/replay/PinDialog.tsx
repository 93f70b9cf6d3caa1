import { useMemo, useState } from "react";
import { Icon } from "../../app/Icon";
import { outputsOf } from "../../commands/replay/checkpoints";
import { pinNode } from "../../commands/replay/pins";
import { parseStateJson } from "../../commands/replay/state-json";
import { useGraphStore } from "../../stores/graph-store";
import { useReplayDialogs } from "../../stores/replay-dialogs-store";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { ModalDialog } from "./ModalDialog";

const close = () => useReplayDialogs.setState({ pin: null });

/**
 * Pin output: the node returns this output in every run of the graph until unpinned. Either what
 * it wrote at a checkpoint of the open thread, or an output typed as JSON (checked as you type).
 */
export function PinDialog({ node, initial, checkpointId: preferred }: { node: string; initial?: Record<string, unknown>; checkpointId?: string }) {
  const doc = useGraphStore((state) => state.doc);
  const threadId = useRunStore((state) => state.threadId);
  const history = useThreadStore((state) => state.history);
  const recorded = useMemo(() => outputsOf(history, node), [history, node]);
  const [mode, setMode] = useState<"recorded" | "typed">(recorded.length && !initial ? "recorded" : "typed");
  const first = recorded.find((output) => output.checkpointId === preferred) ?? recorded[0];
  const [checkpointId, setCheckpointId] = useState(first?.checkpointId ?? "");
  const [text, setText] = useState(() => JSON.stringify(initial ?? first?.update ?? { [Object.keys(doc?.state.fields ?? {})[0] ?? "field"]: null }, null, 2));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!doc) return null;
  let problem: string | null = null;
  let typed: Record<string, unknown> | null = null;
  try {
    typed = parseStateJson(text, doc, "output");
  } catch (error) {
    problem = (error as Error).message;
  }
  const chosen = recorded.find((output) => output.checkpointId === checkpointId);
  const canPin = mode === "typed" ? !!typed : !!chosen && !!threadId;
  const pin = async () => {
    setBusy(true);
    const refused = mode === "typed" ? await pinNode(node, { update: typed! }) : await pinNode(node, { from: { thread_id: threadId!, checkpoint_id: chosen!.checkpointId } });
    setBusy(false);
    if (refused) setRefusal(refused);
    else close();
  };
  return (
    <ModalDialog title={`Pin output of ${node}`} onClose={close}>
      <p>A pinned node returns this output without running, in every run of this graph, until you unpin it. Pins live in the workspace's .switchyard folder, not in the graph file.</p>
      <div className="sy-segmented" role="radiogroup" aria-label="Pinned output from">
        <button type="button" role="radio" aria-checked={mode === "recorded"} className={mode === "recorded" ? "is-on" : ""} disabled={recorded.length === 0} title={recorded.length ? "" : `${node} has not run on the open thread`} onClick={() => setMode("recorded")}>
          Recorded output ({recorded.length})
        </button>
        <button type="button" role="radio" aria-checked={mode === "typed"} className={mode === "typed" ? "is-on" : ""} onClick={() => setMode("typed")}>
          Type it as JSON
        </button>
      </div>
      {mode === "recorded" ? (
        <>
          <label className="sy-label" htmlFor="sy-pin-checkpoint">What {node} wrote, on the open thread</label>
          <select id="sy-pin-checkpoint" className="sy-input" value={checkpointId} onChange={(event) => setCheckpointId(event.target.value)}>
            {recorded.map((output) => (
              <option key={output.checkpointId} value={output.checkpointId}>
                step {output.step} · checkpoint …{output.checkpointId.slice(-8)}
              </option>
            ))}
          </select>
          {chosen && <pre className="sy-pin-preview" aria-label="Recorded output">{JSON.stringify(chosen.update, null, 2)}</pre>}
        </>
      ) : (
        <div className={`sy-field ${problem ? "has-error" : ""}`}>
          <label className="sy-label" htmlFor="sy-pin-json">Output (an object of state fields, applied with their reducers)</label>
          <textarea id="sy-pin-json" className="sy-input is-mono" rows={9} spellCheck={false} value={text} aria-invalid={!!problem} onChange={(event) => { setText(event.target.value); setRefusal(null); }} />
          {problem && <div className="sy-field-error" role="alert">{problem}</div>}
        </div>
      )}
      {refusal && <div className="sy-field-error" role="alert">Not pinned: {refusal}</div>}
      <div className="sy-inline is-end">
        <button type="button" className="sy-button is-ghost" onClick={close}>Cancel</button>
        <button type="button" className="sy-button is-primary" disabled={!canPin || busy} onClick={() => void pin()}>
          <Icon name="pin" size={12} /> {busy ? "Pinning…" : "Pin output"}
        </button>
      </div>
    </ModalDialog>
  );
}
