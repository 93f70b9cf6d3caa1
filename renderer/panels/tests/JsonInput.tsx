import { useEffect, useId, useState } from "react";

/**
 * A value typed as text: a plain word stays a string, anything that parses as JSON (numbers,
 * true, {"a": 1}) is that value. `strictJson` requires JSON (objects of state fields).
 */
export function JsonInput({ label, value, onChange, strictJson, rows = 1 }: { label: string; value: unknown; onChange: (value: unknown) => void; strictJson?: boolean; rows?: number }) {
  const id = useId();
  const shown = typeof value === "string" && !strictJson ? value : (JSON.stringify(value, null, rows > 1 ? 2 : undefined) ?? "");
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(shown);
    setError(null);
  }, [shown]);
  const commit = (text: string) => {
    setDraft(text);
    try {
      onChange(JSON.parse(text));
      setError(null);
    } catch {
      if (strictJson) return setError("Not valid JSON yet");
      onChange(text);
      setError(null);
    }
  };
  const Tag = rows > 1 ? "textarea" : "input";
  return (
    <div className={`sy-field ${error ? "has-error" : ""}`}>
      <label className="sy-label" htmlFor={id}>
        {label}
      </label>
      <Tag id={id} className="sy-input is-mono" rows={rows > 1 ? rows : undefined} value={draft} spellCheck={false} onChange={(event) => commit(event.target.value)} aria-invalid={!!error} />
      {error && <div className="sy-field-error" role="alert">{error}</div>}
    </div>
  );
}
