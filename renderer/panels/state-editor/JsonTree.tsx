import { useState } from "react";

/** A read-only JSON tree: objects and lists fold; scalars coloured by type. */
export function JsonTree({ value, name, depth = 0 }: { value: unknown; name?: string; depth?: number }) {
  const [open, setOpen] = useState(depth < 2);
  const label = name !== undefined ? <span className="sy-json-key">{name}: </span> : null;
  if (value === null || typeof value !== "object") {
    return (
      <div className="sy-json-row">
        {label}
        <span className={`sy-json-${value === null ? "null" : typeof value}`}>{JSON.stringify(value) ?? "undefined"}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value as Record<string, unknown>);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <div className="sy-json-node">
      <button type="button" className="sy-json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "▾" : "▸"} {label}
        <span className="sy-json-summary">{summary}</span>
      </button>
      {open && (
        <div className="sy-json-children">
          {entries.map(([key, item]) => (
            <JsonTree key={key} name={key} value={item} depth={depth + 1} />
          ))}
        </div>
      )}
    </div>
  );
}
