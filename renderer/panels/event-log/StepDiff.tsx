import { Icon } from "../../app/Icon";
import type { RunStep } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";

/**
 * A step's state before (the input its task got) and after (with its update applied: lists such
 * as messages grow, other fields are replaced), field by field, changed fields marked.
 */
export function StepDiff({ step }: { step: RunStep }) {
  const before = (step.input && typeof step.input === "object" ? step.input : {}) as Record<string, unknown>;
  const update = (step.output && typeof step.output === "object" ? step.output : {}) as Record<string, unknown>;
  const after: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(update)) after[field] = Array.isArray(before[field]) && Array.isArray(value) ? [...(before[field] as unknown[]), ...value] : value;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <section className="sy-diff" aria-label={`State diff of ${step.node}`}>
      <div className="sy-diff-head">
        <strong>{step.node}</strong>
        <span className="sy-muted">{step.error ? `failed: ${step.error}` : `changed ${Object.keys(update).join(", ") || "nothing"}`}</span>
        <span className="sy-spacer" />
        <button type="button" className="sy-icon-button" aria-label="Close diff" onClick={() => useThreadStore.setState({ selectedStep: null })}>
          <Icon name="x" size={13} />
        </button>
      </div>
      <table className="sy-diff-table">
        <thead>
          <tr>
            <th>field</th>
            <th>before</th>
            <th>after</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const changed = field in update;
            return (
              <tr key={field} className={changed ? "is-changed" : ""}>
                <td>{field}</td>
                <td>
                  <pre>{show(before[field])}</pre>
                </td>
                <td>
                  <pre>{show(after[field])}</pre>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function show(value: unknown): string {
  if (Array.isArray(value) && value.every((item) => item && typeof item === "object" && "content" in item)) {
    return value.map((item) => `${(item as { type?: string }).type ?? "msg"}: ${String((item as { content: unknown }).content).slice(0, 80)}`).join("\n");
  }
  const text = JSON.stringify(value, null, 1) ?? "—";
  return text.length > 600 ? `${text.slice(0, 599)}…` : text;
}
