import { normalAnswer, type FlowAnswer, type NormalAnswer } from "../../../shared/flow-test";
import { answerFromNormal } from "../../commands/tests/tests-model";
import { IconButton, SelectInput, TextInput } from "../forms/controls";
import { JsonInput } from "./JsonInput";

const KIND_WORDS: Record<NormalAnswer["kind"], string> = {
  text: "answers with a text",
  edit: "edits the state as a node",
  resume: "resumes interrupt() with a value",
};

/** One scripted answer: what the person does at a pause, in the order the pauses come. */
export function AnswerEditor({ answer, index, nodes, onChange, onRemove }: { answer: FlowAnswer; index: number; nodes: string[]; onChange: (answer: FlowAnswer) => void; onRemove: () => void }) {
  const normal = normalAnswer(answer);
  const title = `Answer ${index + 1}`;
  const set = (next: NormalAnswer) => onChange(answerFromNormal(next));
  const changeKind = (kind: string) => {
    if (kind === "text") set({ kind: "text", node: normal.node, text: normal.kind === "text" ? normal.text : "" });
    if (kind === "edit") set({ kind: "edit", node: normal.node, asNode: normal.node ?? nodes[0] ?? "", values: {} });
    if (kind === "resume") set({ kind: "resume", node: normal.node, resume: normal.kind === "text" ? normal.text : "" });
  };
  const nodeOptions = [{ value: "", label: "the next pause, wherever it is" }, ...nodes.map((node) => ({ value: node, label: `the pause at ${node}` }))];
  return (
    <fieldset className="sy-test-check" aria-label={title}>
      <div className="sy-test-check-head">
        <span className="sy-test-sentence">
          {index + 1}. At {normal.node ? `the pause at ${normal.node}` : "the next pause"}, {KIND_WORDS[normal.kind]}
        </span>
        <IconButton icon="trash" label={`Remove ${title}`} onClick={onRemove} className="is-danger" />
      </div>
      <div className="sy-test-check-fields">
        <SelectInput label={`${title}: used at`} value={normal.node ?? ""} options={nodeOptions} onChange={(node) => set({ ...normal, node: node || undefined })} />
        <SelectInput label={`${title}: kind`} value={normal.kind} options={Object.entries(KIND_WORDS).map(([value, label]) => ({ value, label }))} onChange={changeKind} />
        {normal.kind === "text" && <TextInput label={`${title}: text`} value={normal.text} onChange={(text) => set({ ...normal, text })} />}
        {normal.kind === "edit" && (
          <>
            <SelectInput label={`${title}: as node`} value={normal.asNode} options={[...new Set([normal.asNode, ...nodes])].map((node) => ({ value: node, label: node || "(choose a node)" }))} onChange={(asNode) => set({ ...normal, asNode })} />
            <JsonInput label={`${title}: state values (JSON)`} value={normal.values} strictJson rows={3} onChange={(values) => values && typeof values === "object" && !Array.isArray(values) && set({ ...normal, values: values as Record<string, unknown> })} />
          </>
        )}
        {normal.kind === "resume" && <JsonInput label={`${title}: resume value`} value={normal.resume} onChange={(resume) => set({ ...normal, resume })} />}
      </div>
    </fieldset>
  );
}
