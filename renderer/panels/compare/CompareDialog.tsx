import { useEffect, useMemo, useRef } from "react";
import { messagesFieldOf } from "../../../shared/graph-doc";
import type { MessageLike } from "../../../shared/conditions";
import { Icon } from "../../app/Icon";
import { closeComparison } from "../../commands/run/compare-checkpoints";
import { useCompareStore, type CompareSide } from "../../stores/compare-store";
import { useGraphStore } from "../../stores/graph-store";
import { roleOf, textOf, type WireMessage } from "../run/messages";
import { diffState, type FieldDiff, type MessageRow } from "./compare-state";
import { alignSteps, stepsTo, type RunStepRecord } from "./compare-steps";

/**
 * Two checkpoints side by side: their state field by field (messages aligned, changed values
 * highlighted) and the steps that led to each (which nodes ran, their updates), with the first
 * step where the two runs differ marked.
 */
export function CompareDialog() {
  const open = useCompareStore((state) => state.open);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="sy-overlay is-dim" onMouseDown={closeComparison}>
      <div className="sy-dialog is-compare" role="dialog" aria-modal="true" aria-labelledby="sy-compare-title" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === "Escape" && closeComparison()}>
        <div className="sy-dialog-head">
          <h2 id="sy-compare-title">
            <Icon name="fork" size={16} /> Compare checkpoints
          </h2>
          <button ref={close} type="button" className="sy-icon-button" aria-label="Close comparison" title="Close (Esc)" onClick={closeComparison}>
            <Icon name="x" size={14} />
          </button>
        </div>
        <Comparison a={open.a} b={open.b} />
      </div>
    </div>
  );
}

function Comparison({ a, b }: { a: CompareSide; b: CompareSide }) {
  const doc = useGraphStore((state) => state.doc);
  const fields = useMemo(
    () => diffState(valuesOf(a), valuesOf(b), { messagesField: doc ? (messagesFieldOf(doc) ?? null) : "messages", fieldOrder: doc ? Object.keys(doc.state.fields) : [] }),
    [a, b, doc],
  );
  const steps = useMemo(() => alignSteps(stepsTo(a.history, a.ref.checkpointId), stepsTo(b.history, b.ref.checkpointId)), [a, b]);
  const changed = fields.filter((field) => field.status !== "same").length;
  const diverged = steps.find((row) => row.divergesHere);
  return (
    <div className="sy-compare">
      <div className="sy-compare-sides">
        <span className="sy-compare-side is-a" aria-label="First checkpoint">A · {a.ref.label}</span>
        <span className="sy-compare-side is-b" aria-label="Second checkpoint">B · {b.ref.label}</span>
      </div>
      <section aria-label="State comparison" className="sy-compare-section">
        <h3>
          State <span className="sy-muted">{changed === 0 ? "the same in both" : `${changed} field${changed === 1 ? "" : "s"} differ`}</span>
        </h3>
        <table className="sy-diff-table sy-compare-table">
          <thead>
            <tr>
              <th>field</th>
              <th>A</th>
              <th>B</th>
            </tr>
          </thead>
          <tbody>{fields.map((field) => (field.messages ? <MessageRows key={field.field} field={field} /> : <FieldRow key={field.field} field={field} />))}</tbody>
        </table>
      </section>
      <section aria-label="Steps comparison" className="sy-compare-section">
        <h3>
          Steps <span className="sy-muted">{diverged ? `the runs diverge at step ${diverged.index + 1}` : "the same steps in both"}</span>
        </h3>
        <table className="sy-diff-table sy-compare-table">
          <thead>
            <tr>
              <th>#</th>
              <th>A</th>
              <th>B</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((row) => (
              <tr key={row.index} className={`${row.same ? "" : "is-changed"} ${row.divergesHere ? "is-diverged" : ""}`} aria-label={`Step ${row.index + 1}${row.same ? "" : ": differs"}${row.divergesHere ? " (first difference)" : ""}`}>
                <td>
                  {row.index + 1}
                  {row.divergesHere && <span className="sy-compare-tag">diverged</span>}
                </td>
                <td>{row.a ? <StepCell step={row.a} /> : <span className="sy-muted">—</span>}</td>
                <td>{row.b ? <StepCell step={row.b} /> : <span className="sy-muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

const STATUS_WORDS = { same: "same", changed: "changed", "only-a": "only in A", "only-b": "only in B" } as const;

function FieldRow({ field }: { field: FieldDiff }) {
  return (
    <tr className={field.status === "same" ? "" : "is-changed"} aria-label={`${field.field}: ${STATUS_WORDS[field.status]}`}>
      <td>
        {field.field}
        {field.status !== "same" && <span className="sy-compare-tag">{STATUS_WORDS[field.status]}</span>}
      </td>
      <td>
        <pre>{show(field.a)}</pre>
      </td>
      <td>
        <pre>{show(field.b)}</pre>
      </td>
    </tr>
  );
}

function MessageRows({ field }: { field: FieldDiff }) {
  const rows = field.messages ?? [];
  return (
    <>
      <tr className={field.status === "same" ? "" : "is-changed"} aria-label={`${field.field}: ${STATUS_WORDS[field.status]}`}>
        <td colSpan={3} className="sy-compare-group">
          {field.field} <span className="sy-muted">({rows.filter((row) => row.a).length} in A, {rows.filter((row) => row.b).length} in B)</span>
          {field.status !== "same" && <span className="sy-compare-tag">{STATUS_WORDS[field.status]}</span>}
        </td>
      </tr>
      {rows.map((row, index) => (
        <tr key={index} className={row.status === "same" ? "" : "is-changed"} aria-label={`Message ${index + 1}: ${STATUS_WORDS[row.status]}`}>
          <td className="sy-muted">#{index + 1}</td>
          <td>{row.a ? <MessageCell message={row.a} /> : <span className="sy-muted">—</span>}</td>
          <td>{row.b ? <MessageCell message={row.b} /> : <span className="sy-muted">—</span>}</td>
        </tr>
      ))}
    </>
  );
}

function MessageCell({ message }: { message: NonNullable<MessageRow["a"]> }) {
  const wire = message as WireMessage;
  const calls = (message as MessageLike).tool_calls ?? [];
  return (
    <div className="sy-compare-message">
      <span className={`sy-compare-role is-${roleOf(wire)}`}>{roleOf(wire)}</span> {textOf(wire) || (calls.length ? "" : "(empty)")}
      {calls.map((call, index) => (
        <code key={index} className="sy-compare-call">
          {call.name}({JSON.stringify(call.args ?? {})})
        </code>
      ))}
    </div>
  );
}

function StepCell({ step }: { step: RunStepRecord }) {
  const label = step.kind === "input" ? "input" : step.kind === "edit" ? (step.node === "state" ? "state edit" : `state edit as ${step.node}`) : step.node;
  return (
    <div className="sy-compare-step">
      <strong>{label}</strong>
      <pre>{show(step.update)}</pre>
    </div>
  );
}

function valuesOf(side: CompareSide): Record<string, unknown> {
  return (side.checkpoint.values ?? {}) as Record<string, unknown>;
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (Array.isArray(value) && value.every((item) => item && typeof item === "object" && "content" in item)) {
    return value.map((item) => `${roleOf(item as WireMessage)}: ${textOf(item as WireMessage).slice(0, 120)}`).join("\n");
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${show(item)}`)
      .join("\n");
  }
  const text = JSON.stringify(value, null, 1) ?? "—";
  return text.length > 600 ? `${text.slice(0, 599)}…` : text;
}
