import { useMemo, useState } from "react";
import type { StateField } from "../../../shared/graph-doc";
import { Icon } from "../../app/Icon";
import { applyAsExplanation } from "../../commands/run/apply-as-node";
import { ChatTranscript, type TranscriptEditing } from "../run/ChatTranscript";
import { parseFieldValue } from "../run/InputForm";
import { roleOf, type WireMessage } from "../run/messages";
import { JsonTree } from "./JsonTree";

export interface StateEditorProps {
  /** The state's fields with their types (the open graph's, stateFieldsOf). */
  fields: Record<string, StateField>;
  /** The nodes an update can be applied as (the open graph's, debugNodeIdsOf). */
  nodeIds: string[];
  values: Record<string, unknown>;
  /** The node "Apply as" proposes. */
  defaultAsNode: string;
  /** "Apply as node" on the paused thread, or "Fork here" at an earlier checkpoint. */
  actionLabel: string;
  onApply: (changes: Record<string, unknown>, asNode: string) => Promise<unknown> | void;
  disabled?: boolean;
}

/**
 * The thread's state by the graph's schema: messages as a chat, scalars as typed controls, lists
 * and objects as a JSON tree with a JSON editor. Only edited fields are sent.
 */
export function StateEditor({ fields: stateFields, nodeIds, values, defaultAsNode, actionLabel, onApply, disabled }: StateEditorProps) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [asNode, setAsNode] = useState(defaultAsNode);
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => {
    const known = Object.entries(stateFields);
    const extra = Object.keys(values).filter((name) => !(name in stateFields)).map((name): [string, StateField] => [name, { type: "any", reducer: "replace" }]);
    return [...known, ...extra];
  }, [stateFields, values]);
  const changes = Object.fromEntries(Object.entries(drafts).map(([name, text]) => [name, parseFieldValue(stateFields[name] ?? { type: "any", reducer: "replace" }, text)]));
  const edited = Object.keys(drafts).length > 0;
  const apply = async () => {
    setBusy(true);
    await onApply(changes, asNode);
    setBusy(false);
    setDrafts({});
  };
  return (
    <div className="sy-state-editor" aria-label="State editor">
      <div className="sy-state-fields">
        {fields.map(([name, field]) => (
          <div key={name} className={`sy-state-field ${name in drafts ? "is-edited" : ""}`}>
            <div className="sy-state-name">
              {name} <em>{field.type}</em>
              {field.reducer !== "replace" && <span className="sy-state-reducer" title={`Updates ${field.reducer === "messages" ? "add messages (same id replaces)" : field.reducer === "append" ? "are appended" : field.reducer === "sum" ? "are added" : "are merged"}`}>{field.reducer}</span>}
            </div>
            <FieldValue name={name} field={field} value={values[name]} draft={drafts[name]} onDraft={(text) => setDrafts((current) => (text === null ? omit(current, name) : { ...current, [name]: text }))} />
          </div>
        ))}
      </div>
      <div className="sy-apply-as">
        <label className="sy-apply-row">
          <span>Apply as</span>
          <select className="sy-input" aria-label="Apply as node" value={asNode} onChange={(event) => setAsNode(event.target.value)}>
            {nodeIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
          <button type="button" className="sy-button is-primary is-small" disabled={!edited || busy || disabled} onClick={() => void apply()}>
            <Icon name="check" size={12} /> {actionLabel}
          </button>
        </label>
        <span className="sy-apply-explain">{applyAsExplanation(asNode)}</span>
      </div>
    </div>
  );
}

function FieldValue({ name, field, value, draft, onDraft }: { name: string; field: StateField; value: unknown; draft: string | undefined; onDraft: (text: string | null) => void }) {
  const [open, setOpen] = useState(false);
  if (field.type === "messages") return <MessagesField name={name} messages={(Array.isArray(value) ? value : []) as WireMessage[]} draft={draft} onDraft={onDraft} />;
  if (field.type === "boolean") {
    const current = draft ?? String(value ?? "");
    return (
      <select className="sy-input" aria-label={`State ${name}`} value={current} onChange={(event) => onDraft(event.target.value === String(value) ? null : event.target.value)}>
        {value === undefined && <option value="">(unset)</option>}
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (field.type === "string" || field.type === "number") {
    const current = draft ?? (value === undefined || value === null ? "" : String(value));
    return <input className="sy-input" aria-label={`State ${name}`} type={field.type === "number" ? "number" : "text"} value={current} onChange={(event) => onDraft(event.target.value === String(value ?? "") ? null : event.target.value)} />;
  }
  if (draft !== undefined || open) {
    return (
      <textarea
        className="sy-input is-mono"
        aria-label={`State ${name}`}
        rows={4}
        value={draft ?? JSON.stringify(value ?? null, null, 2)}
        onChange={(event) => onDraft(event.target.value)}
        onBlur={() => draft === undefined && setOpen(false)}
      />
    );
  }
  return (
    <div className="sy-state-json">
      <JsonTree value={value} />
      <button type="button" className="sy-icon-button" aria-label={`Edit ${name}`} title="Edit as JSON" onClick={() => setOpen(true)}>
        <Icon name="pencil" size={12} />
      </button>
    </div>
  );
}

/**
 * A messages field: rewrite messages in place and add one. The update is a list the add-messages
 * reducer merges: a rewritten message keeps its id, so it replaces the original where it stands;
 * the new message has none, so it is appended (a tool message answers the pending tool call).
 */
function MessagesField({ name, messages, draft, onDraft }: { name: string; messages: WireMessage[]; draft: string | undefined; onDraft: (text: string | null) => void }) {
  const update = draft ? (JSON.parse(draft) as WireMessage[]) : [];
  const rewrites = update.filter((message) => message.id);
  const added = update.find((message) => !message.id);
  const save = (nextRewrites: WireMessage[], nextAdded: WireMessage | undefined) => {
    const list = [...nextRewrites, ...(nextAdded ? [nextAdded] : [])];
    onDraft(list.length ? JSON.stringify(list) : null);
  };
  const editing: TranscriptEditing = {
    edits: Object.fromEntries(rewrites.map((message) => [message.id!, String(message.content ?? "")])),
    onEdit: (message, text) => {
      const others = rewrites.filter((rewrite) => rewrite.id !== message.id);
      save(text === null ? others : [...others, { ...message, content: text }], added);
    },
  };
  return (
    <>
      <ChatTranscript messages={messages} compact editing={editing} />
      <AddMessage name={name} messages={messages} added={added} onChange={(message) => save(rewrites, message)} />
    </>
  );
}

/** The one new message of a messages field's update. */
function AddMessage({ name, messages, added, onChange }: { name: string; messages: WireMessage[]; added: WireMessage | undefined; onChange: (message: WireMessage | undefined) => void }) {
  const pending = [...messages].reverse().find((message) => roleOf(message) === "ai")?.tool_calls?.find((call) => call.id && !messages.some((message) => message.tool_call_id === call.id));
  const [type, setType] = useState<string>(added?.type ?? (pending ? "tool" : "human"));
  const write = (nextType: string, text: string) => {
    setType(nextType);
    if (!text) return onChange(undefined);
    onChange(nextType === "tool" && pending?.id ? { type: "tool", tool_call_id: pending.id, content: text } : { type: nextType === "tool" ? "human" : nextType, content: text });
  };
  const text = typeof added?.content === "string" ? added.content : "";
  return (
    <div className="sy-add-message">
      <select className="sy-input" aria-label={`New message role in ${name}`} value={type} onChange={(event) => write(event.target.value, text)}>
        <option value="human">human</option>
        <option value="ai">ai</option>
        {pending && <option value="tool">tool → {pending.name}</option>}
        <option value="system">system</option>
      </select>
      <input className="sy-input" aria-label={`New message in ${name}`} placeholder="Add a message (appended by the reducer)" value={text} onChange={(event) => write(type, event.target.value)} />
    </div>
  );
}

function omit(record: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _gone, ...rest } = record;
  void _gone;
  return rest;
}
