import { useId } from "react";
import { IconButton } from "./controls";

/** Name → text pairs (tool-call arguments, set-node values), keeping their order while names are edited. */
export function RecordEditor({
  label,
  help,
  value,
  onChange,
  keyChoices,
  suggestions = [],
  mono,
  addLabel,
}: {
  label: string;
  help?: string;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  keyChoices?: string[];
  suggestions?: string[];
  mono?: boolean;
  addLabel?: string;
}) {
  const listId = useId();
  const entries = Object.entries(value);
  const names = keyChoices ?? suggestions;
  const rename = (index: number, name: string) => onChange(Object.fromEntries(entries.map(([key, text], i) => (i === index ? [name, text] : [key, text]))));
  const setText = (index: number, text: string) => onChange(Object.fromEntries(entries.map(([key, old], i) => [key, i === index ? text : old])));
  const remove = (index: number) => onChange(Object.fromEntries(entries.filter((_, i) => i !== index)));
  const add = () => {
    const free = names.find((name) => !(name in value));
    let key = free ?? "name";
    for (let i = 2; key in value; i++) key = `${free ?? "name"}_${i}`;
    onChange({ ...value, [key]: "" });
  };
  return (
    <section className="sy-record" aria-label={label}>
      <div className="sy-list-head">
        <span className="sy-label">{label}</span>
      </div>
      {help && <div className="sy-help">{help}</div>}
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {entries.map(([key, text], index) => (
        <div className="sy-record-row" key={index}>
          <input className="sy-input sy-record-key" aria-label={`${label}: name ${index + 1}`} value={key} list={listId} spellCheck={false} onChange={(event) => rename(index, event.target.value)} />
          <input className={`sy-input ${mono ? "is-mono" : ""}`} aria-label={`${label}: ${key || `value ${index + 1}`}`} value={text} spellCheck={false} onChange={(event) => setText(index, event.target.value)} />
          <IconButton icon="trash" label={`Remove ${key || "entry"}`} onClick={() => remove(index)} className="is-danger" />
        </div>
      ))}
      <button type="button" className="sy-button is-ghost is-small" onClick={add}>
        + {addLabel ?? "Add"}
      </button>
    </section>
  );
}
