import { useEffect, useState } from "react";
import { fieldTypes, reducers, type GraphDoc, type StateField } from "../../shared/graph-doc";
import { addStateField } from "../commands/add-state-field";
import { removeStateField } from "../commands/remove-state-field";
import { isValidFieldName, renameStateField } from "../commands/rename-state-field";
import { updateGraphInfo } from "../commands/update-graph-info";
import { reducerFor, updateStateField } from "../commands/update-state-field";
import { useGraphStore } from "../stores/graph-store";
import { useProblems } from "../stores/problems-store";
import { Icon } from "../app/Icon";
import { IconButton, SelectInput, TextInput } from "./forms/controls";

const reducerWords: Record<string, string> = {
  messages: "add messages",
  replace: "replace",
  append: "append to list",
  sum: "add numbers",
  merge: "merge objects",
};

/** With nothing selected: the graph itself (description, entry) and its state schema. */
export function StateSchemaEditor({ doc }: { doc: GraphDoc }) {
  const general = useProblems((index) => index.general);
  return (
    <div className="sy-inspector-body" aria-label="Graph settings">
      <header className="sy-inspector-head">
        <span className="sy-node-icon is-graph" aria-hidden="true">
          <Icon name="graph" size={16} />
        </span>
        <div>
          <div className="sy-inspector-title">{doc.name}</div>
          <div className="sy-inspector-sub">
            {doc.nodes.length} node{doc.nodes.length === 1 ? "" : "s"} · {doc.edges.length} edge{doc.edges.length === 1 ? "" : "s"}. Select a node or edge to edit it.
          </div>
        </div>
      </header>
      {general.length > 0 && (
        <ul className="sy-inline-problems" aria-label="Problems of the graph">
          {general.map((problem, i) => (
            <li key={i}>
              <Icon name="alert" size={12} /> {problem.message}
            </li>
          ))}
        </ul>
      )}
      <TextInput label="Description" multiline value={doc.description ?? ""} onChange={(description) => updateGraphInfo.run({ description }, { coalesceKey: "graph:description" })} placeholder="What this graph does" />
      <SelectInput
        label="First node (START →)"
        value={doc.entry}
        options={[...(doc.nodes.some((node) => node.id === doc.entry) ? [] : [{ value: doc.entry, label: `${doc.entry} (missing)` }]), ...doc.nodes.map((node) => ({ value: node.id, label: node.id }))]}
        onChange={(entry) => updateGraphInfo.run({ entry })}
        help="Or drag from START to a node on the canvas."
      />
      <section className="sy-state" aria-label="State schema">
        <div className="sy-list-head">
          <span className="sy-section-title">State</span>
          <span className="sy-count">{Object.keys(doc.state.fields).length}</span>
        </div>
        <div className="sy-help">The fields every node reads and writes. The reducer says how a node's update combines with the current value.</div>
        {Object.entries(doc.state.fields).map(([name, field]) => (
          <StateFieldRow key={name} name={name} field={field} />
        ))}
        <div className="sy-inline">
          <button type="button" className="sy-button is-ghost is-small" onClick={() => addStateField.run({})}>
            + Add field
          </button>
          {!Object.values(doc.state.fields).some((field) => field.type === "messages") && (
            <button type="button" className="sy-button is-ghost is-small" onClick={() => addStateField.run({ name: "messages", field: { type: "messages", reducer: "messages", description: "The conversation" } })}>
              + Add messages field
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

function StateFieldRow({ name, field }: { name: string; field: StateField }) {
  const [draft, setDraft] = useState(name);
  useEffect(() => {
    setDraft(name);
  }, [name]);
  const doc = useGraphStore((state) => state.doc);
  const taken = draft !== name && !!doc && draft in doc.state.fields;
  const error = !isValidFieldName(draft) ? "Letters, digits or _" : taken ? "Name in use" : null;
  const commit = () => (error ? setDraft(name) : renameStateField.run({ from: name, to: draft }));
  const update = (patch: Partial<StateField>) => updateStateField.run({ name, field: { ...field, ...patch } });
  return (
    <fieldset className="sy-state-field" aria-label={`State field ${name}`}>
      <div className="sy-state-field-head">
        <input
          className={`sy-input is-mono ${error ? "is-invalid" : ""}`}
          aria-label={`Name of field ${name}`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === "Enter" && commit()}
        />
        <IconButton icon="trash" label={`Remove field ${name}`} onClick={() => removeStateField.run({ name })} className="is-danger" />
      </div>
      {error && <div className="sy-field-error">{error}</div>}
      <div className="sy-row">
        <SelectInput label="Type" value={field.type} options={fieldTypes.map((type) => ({ value: type, label: type }))} onChange={(type) => update({ type: type as StateField["type"], reducer: reducerFor(type as StateField["type"], field.reducer) })} />
        <SelectInput label="Reducer" value={field.reducer} options={reducers.map((reducer) => ({ value: reducer, label: reducerWords[reducer] }))} onChange={(reducer) => update({ reducer: reducer as StateField["reducer"] })} />
      </div>
      <TextInput label="Description" value={field.description ?? ""} onChange={(description) => updateStateField.run({ name, field: withOptional(field, "description", description || undefined) }, { coalesceKey: `field:${name}:description` })} />
    </fieldset>
  );
}

function withOptional(field: StateField, key: "description", value: string | undefined): StateField {
  const next = { ...field };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
