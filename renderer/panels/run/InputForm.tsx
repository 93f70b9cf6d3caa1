import type { StateField } from "../../../shared/graph-doc";

/** A run's input from the state schema: one control per field; empty fields are left out. */
export function InputForm({ fields: stateFields, values, onChange }: { fields: Record<string, StateField>; values: Record<string, string>; onChange: (values: Record<string, string>) => void }) {
  const fields = Object.entries(stateFields);
  if (fields.length === 0) return <span className="sy-muted">This graph's state has no fields: Run starts it with an empty input.</span>;
  return (
    <div className="sy-input-form">
      {fields.map(([name, field]) => (
        <label key={name} className="sy-input-field" title={field.description}>
          <span className="sy-input-name">
            {name} <em>{field.type}</em>
          </span>
          {field.type === "boolean" ? (
            <select className="sy-input" aria-label={`Input ${name}`} value={values[name] ?? ""} onChange={(event) => onChange({ ...values, [name]: event.target.value })}>
              <option value="">(default)</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input className={`sy-input ${isJson(field) ? "is-mono" : ""}`} aria-label={`Input ${name}`} type={field.type === "number" ? "number" : "text"} placeholder={isJson(field) ? "JSON" : "(default)"} value={values[name] ?? ""} onChange={(event) => onChange({ ...values, [name]: event.target.value })} />
          )}
        </label>
      ))}
    </div>
  );
}

const isJson = (field: StateField) => field.type === "list" || field.type === "object" || field.type === "any" || field.type === "messages";

/** The typed input the form describes. */
export function inputFromForm(fields: Record<string, StateField>, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const text = values[name];
    if (text === undefined || text === "") continue;
    input[name] = parseFieldValue(field, text);
  }
  return input;
}

export function parseFieldValue(field: StateField, text: string): unknown {
  if (field.type === "number") return Number(text);
  if (field.type === "boolean") return text === "true";
  if (field.type === "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
