import { describeCheck, type FlowCheck } from "../../../shared/flow-test";
import { CHECK_KINDS, type CheckInput } from "../../../shared/flow-test-forms";
import { IconButton, SelectInput, TextInput } from "../forms/controls";
import { JsonInput } from "./JsonInput";

/** One check in a form: its kind picked by sentence, its blanks filled in, read back as a sentence. */
export function CheckEditor({ check, index, nodes, fields, onChange, onRemove }: { check: FlowCheck; index: number; nodes: string[]; fields: string[]; onChange: (check: FlowCheck) => void; onRemove: () => void }) {
  const kind = CHECK_KINDS.find((candidate) => candidate.type === check.type) ?? CHECK_KINDS[0];
  const title = `Check ${index + 1}`;
  const values = check as Record<string, unknown>;
  const set = (name: string, value: unknown) => onChange({ ...check, [name]: value } as FlowCheck);
  const changeType = (type: string) => {
    const next = CHECK_KINDS.find((candidate) => candidate.type === type)!.blank() as Record<string, unknown>;
    // Keep what carries over (the node of "visits" when switching to "visits before the final answer").
    for (const input of CHECK_KINDS.find((candidate) => candidate.type === type)!.inputs) if (values[input.name] !== undefined) next[input.name] = values[input.name];
    onChange(next as FlowCheck);
  };
  return (
    <fieldset className="sy-test-check" aria-label={title}>
      <div className="sy-test-check-head">
        <span className="sy-test-sentence" data-testid="check-sentence">
          {describeCheck(check)}
        </span>
        <IconButton icon="trash" label={`Remove ${title}`} onClick={onRemove} className="is-danger" />
      </div>
      <div className="sy-test-check-fields">
        <SelectInput label={`${title}: kind`} value={check.type} options={CHECK_KINDS.map((candidate) => ({ value: candidate.type, label: candidate.label }))} onChange={changeType} />
        {kind.inputs.map((input) => (
          <CheckInputField key={input.name} input={input} title={title} value={values[input.name]} nodes={nodes} fields={fields} onChange={(value) => set(input.name, value)} />
        ))}
      </div>
    </fieldset>
  );
}

function CheckInputField({ input, title, value, nodes, fields, onChange }: { input: CheckInput; title: string; value: unknown; nodes: string[]; fields: string[]; onChange: (value: unknown) => void }) {
  const label = `${title}: ${input.name}`;
  if (input.kind === "node" || input.kind === "field") {
    const choices = input.kind === "node" ? nodes : fields;
    const current = String(value ?? "");
    const options = [...new Set(["", ...choices, current])].map((choice) => ({ value: choice, label: choice || `(choose a ${input.kind === "node" ? "node" : "state field"})` }));
    return <SelectInput label={label} value={current} options={options} onChange={onChange} />;
  }
  if (input.kind === "count") return <TextInput label={label} type="number" value={String(value ?? "")} onChange={(text) => onChange(Math.max(1, Math.round(Number(text) || 1)))} />;
  if (input.kind === "json") return <JsonInput label={label} value={value} onChange={onChange} />;
  return <TextInput label={label} value={String(value ?? "")} onChange={onChange} />;
}
