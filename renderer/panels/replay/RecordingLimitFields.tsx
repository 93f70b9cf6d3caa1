import { useEffect, useState } from "react";
import { loadRecordingLimit, saveRecordingLimit } from "../../commands/replay/recorded-calls";
import { useRecordedCallsStore } from "../../stores/recorded-calls-store";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1)} MB`;
/** Small recordings in kB (a few calls are a few kB: "0.00 MB" would read as nothing recorded). */
const size = (bytes: number) => (bytes < MB ? `${(bytes / 1024).toFixed(1)} kB` : mb(bytes));

/** In Settings: how much the workspace's recorded calls use, and their bound (the oldest are dropped first). */
export function RecordingLimitFields() {
  const limit = useRecordedCallsStore((state) => state.limitBytes);
  const used = useRecordedCallsStore((state) => state.usedBytes);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadRecordingLimit();
  }, []);
  const shown = draft ?? (limit === null ? "" : String(Math.round(limit / MB)));
  const save = async () => {
    const refused = await saveRecordingLimit(shown);
    setProblem(refused);
    setSaved(!refused);
    if (!refused) setDraft(null);
  };
  return (
    <fieldset className="sy-settings-provider" aria-label="Recorded calls">
      <legend>Recorded calls</legend>
      <span className="sy-provider-status" role="status" aria-label="Recorded calls size">
        {used === null || limit === null ? "Reading…" : `${size(used)} used of ${mb(limit)}; once full, the oldest recordings are dropped first`}
      </span>
      <div className="sy-field">
        <label className="sy-label" htmlFor="sy-recording-limit">Storage limit for this workspace (MB)</label>
        <div className="sy-inline">
          <input id="sy-recording-limit" className="sy-input is-mono" inputMode="numeric" value={shown} aria-invalid={!!problem} onChange={(event) => { setDraft(event.target.value); setProblem(null); setSaved(false); }} onKeyDown={(event) => event.key === "Enter" && void save()} />
          <button type="button" className="sy-button is-small" disabled={draft === null} onClick={() => void save()}>
            Save limit
          </button>
        </div>
        {problem && <div className="sy-field-error" role="alert">{problem}</div>}
        {saved && <div className="sy-help" role="status">Limit saved</div>}
      </div>
    </fieldset>
  );
}
