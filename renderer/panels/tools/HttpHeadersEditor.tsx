import { useState } from "react";
import { SECRET_NAME } from "../../../shared/secret-template";
import { settingsApi } from "../../client/settings-api";
import { IconButton } from "../forms/controls";
import { withSecret } from "./secret-insert";
import { useSecretNames } from "./use-secret-names";

const NEW_SECRET = "\u0000new";

/**
 * An http tool's headers: name → template rows, and beside each value a picker of the secret
 * NAMES the server knows, which puts `{{secrets.NAME}}` in the value. A new secret's value goes
 * to Settings (the per-user file), never into the graph.
 */
export function HttpHeadersEditor({ label, help, value, onChange }: { label: string; help?: string; value: Record<string, string>; onChange: (value: Record<string, string> | undefined) => void }) {
  const secrets = useSecretNames();
  const [creatingFor, setCreatingFor] = useState<number | null>(null);
  const entries = Object.entries(value);
  const write = (next: Array<[string, string]>) => onChange(next.length === 0 ? undefined : Object.fromEntries(next));
  const rename = (index: number, name: string) => write(entries.map(([key, text], i) => (i === index ? [name, text] : [key, text])));
  const setText = (index: number, text: string) => write(entries.map(([key, old], i) => [key, i === index ? text : old]));
  const insert = (index: number, name: string) => setText(index, withSecret(entries[index][0], entries[index][1], name));
  const add = () => {
    let key = entries.length === 0 ? "Authorization" : "X-Header";
    for (let i = 2; key in value; i++) key = `X-Header-${i}`;
    write([...entries, [key, ""]]);
  };
  return (
    <section className="sy-record sy-http-headers" aria-label={label}>
      <div className="sy-list-head">
        <span className="sy-label">{label}</span>
      </div>
      {help && <div className="sy-help">{help}</div>}
      {entries.map(([key, text], index) => (
        <div key={index}>
          <div className="sy-record-row">
            <input className="sy-input sy-record-key" aria-label={`Header name ${index + 1}`} value={key} spellCheck={false} onChange={(event) => rename(index, event.target.value)} />
            <input className="sy-input is-mono" aria-label={`Header ${key || index + 1}`} value={text} spellCheck={false} placeholder="Bearer {{secrets.NAME}}" onChange={(event) => setText(index, event.target.value)} />
            <IconButton icon="trash" label={`Remove header ${key || index + 1}`} onClick={() => write(entries.filter((_, i) => i !== index))} className="is-danger" />
          </div>
          <div className="sy-secret-row">
            <select
              className="sy-input sy-select sy-secret-pick"
              aria-label={`Insert a secret into ${key || `header ${index + 1}`}`}
              title="Insert {{secrets.NAME}}: the value is looked up when the tool runs"
              value=""
              onChange={(event) => {
                const choice = event.target.value;
                if (choice === NEW_SECRET) setCreatingFor(index);
                else if (choice) insert(index, choice);
              }}
            >
              <option value="">Insert a secret…</option>
              {secrets.names.map((secret) => (
                <option key={secret.name} value={secret.name}>
                  {secret.name} ({secret.source === "env" ? "environment" : "Settings"})
                </option>
              ))}
              <option value={NEW_SECRET}>New secret in Settings…</option>
            </select>
          </div>
          {creatingFor === index && (
            <NewSecretForm
              onCancel={() => setCreatingFor(null)}
              onSaved={async (name) => {
                setCreatingFor(null);
                await secrets.refresh();
                insert(index, name);
              }}
            />
          )}
        </div>
      ))}
      {secrets.error && <div className="sy-field-error">{secrets.error}</div>}
      <button type="button" className="sy-button is-ghost is-small" onClick={add}>
        + Add header
      </button>
    </section>
  );
}

/** A secret's name and value, saved to Settings; only the name comes back to the form. */
function NewSecretForm({ onSaved, onCancel }: { onSaved: (name: string) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problem = name && !SECRET_NAME.test(name) ? "a secret name is letters, digits and _, starting with a letter or _" : null;
  const save = async () => {
    if (!name || problem || !secret) return;
    setSaving(true);
    try {
      await settingsApi.save({ secrets: { [name]: secret } });
      setSecret("");
      await onSaved(name);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="sy-new-secret" role="group" aria-label="New secret">
      <div className="sy-help">Saved in your Settings on this machine (never in the graph file); the header gets {"{{secrets.NAME}}"}.</div>
      <div className="sy-record-row">
        <input className="sy-input is-mono" aria-label="Secret name" placeholder="WEATHER_KEY" value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} />
        <input className="sy-input" aria-label="Secret value" type="password" autoComplete="off" placeholder="value" value={secret} onChange={(event) => setSecret(event.target.value)} />
      </div>
      {(problem || error) && <div className="sy-field-error" role="alert">{problem ?? error}</div>}
      <div className="sy-inline is-end">
        <button type="button" className="sy-button is-ghost is-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="sy-button is-primary is-small" disabled={!name || !!problem || !secret || saving} onClick={() => void save()}>
          Save secret
        </button>
      </div>
    </div>
  );
}
