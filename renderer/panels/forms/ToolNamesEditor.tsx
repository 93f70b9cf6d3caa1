import { useState } from "react";
import { Checkbox } from "./controls";
import { useFormContext } from "./form-context";

/** Which tools a model may call: the graph's known tools as checkboxes, plus any name typed in. */
export function ToolNamesEditor({ label, help, value, onChange }: { label: string; help?: string; value: string[]; onChange: (value: string[]) => void }) {
  const ctx = useFormContext();
  const [draft, setDraft] = useState("");
  const names = [...new Set([...ctx.knownTools, ...value])];
  const toggle = (name: string, on: boolean) => onChange(on ? [...value, name] : value.filter((tool) => tool !== name));
  const addDraft = () => {
    const name = draft.trim();
    if (name && !value.includes(name)) onChange([...value, name]);
    setDraft("");
  };
  return (
    <section className="sy-tools-editor" aria-label={label}>
      <div className="sy-list-head">
        <span className="sy-label">{label}</span>
        <span className="sy-count">{value.length}</span>
      </div>
      {help && <div className="sy-help">{help}</div>}
      <div className="sy-chips">
        {names.length === 0 && <span className="sy-muted">No tools in this graph yet: add a Tools or Human node.</span>}
        {names.map((name) => (
          <Checkbox key={name} label={name} checked={value.includes(name)} onChange={(on) => toggle(name, on)} hint={ctx.knownTools.includes(name) ? undefined : "No node provides this tool"} />
        ))}
      </div>
      <div className="sy-inline">
        <input className="sy-input" aria-label="Other tool name" placeholder="Other tool name…" value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => event.key === "Enter" && addDraft()} />
        <button type="button" className="sy-button is-small" onClick={addDraft} disabled={!draft.trim()}>
          Add
        </button>
      </div>
    </section>
  );
}
