import { useEffect, useState } from "react";
import type { FlowTest } from "../../../shared/flow-test";
import { CHECK_KINDS } from "../../../shared/flow-test-forms";
import { Icon } from "../../app/Icon";
import { removeAt, replaceAt, testNameProblem } from "../../commands/tests/tests-model";
import { debugNodeIdsOf, stateFieldsOf, useOpenGraphView } from "../../stores/open-graph-facts";
import { useTestsStore } from "../../stores/tests-store";
import { Field, SelectInput } from "../forms/controls";
import { AnswerEditor } from "./AnswerEditor";
import { CheckEditor } from "./CheckEditor";
import { JsonInput } from "./JsonInput";
import { TestResultView } from "./TestResultView";

/** The selected test as a form: name, its last result, input, scripted answers and checks. */
export function TestEditor({ index, test, onChange }: { index: number; test: FlowTest; onChange: (test: FlowTest) => void }) {
  const tests = useTestsStore((state) => state.tests);
  const result = useTestsStore((state) => state.results[test.name]);
  const notes = useTestsStore((state) => state.notes);
  const view = useOpenGraphView();
  const nodes = debugNodeIdsOf(view);
  const fields = Object.keys(stateFieldsOf(view));
  const [name, setName] = useState(test.name);
  useEffect(() => setName(test.name), [test.name]);
  const nameProblem = testNameProblem(tests, index, name);
  const commitName = () => (nameProblem ? setName(test.name) : name.trim() !== test.name && onChange({ ...test, name: name.trim() }));
  const inputIsText = typeof test.input === "string";
  return (
    <div className="sy-test-editor" aria-label={`Test ${test.name}`}>
      <Field label="Test name" error={nameProblem} htmlFor="sy-test-name">
        <input id="sy-test-name" className="sy-input" value={name} onChange={(event) => setName(event.target.value)} onBlur={commitName} onKeyDown={(event) => event.key === "Enter" && commitName()} />
      </Field>
      {result && <TestResultView result={result} />}
      {notes.length > 0 && (
        <ul className="sy-help" aria-label="Recording notes">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <Field label="Description" htmlFor="sy-test-description">
        <input id="sy-test-description" className="sy-input" value={test.description ?? ""} placeholder="What this flow shows (optional)" onChange={(event) => onChange({ ...test, description: event.target.value || undefined })} />
      </Field>
      <SelectInput
        label="Model replies"
        value={test.provider ?? "scripted"}
        options={[
          { value: "scripted", label: "as the graph says (scripted replies: deterministic)" },
          { value: "real", label: "from a real provider (skipped when its key is not set)" },
        ]}
        onChange={(provider) => onChange({ ...test, provider: provider === "real" ? "real" : undefined })}
        help={test.provider === "real" ? "Real models answer differently each time: checks such as 'the final message contains' are the useful ones." : undefined}
      />
      <SelectInput label="Input is" value={inputIsText ? "text" : "state"} options={[{ value: "text", label: "a first user message" }, { value: "state", label: "state fields (JSON)" }]} onChange={(kind) => onChange({ ...test, input: kind === "text" ? "" : {} })} />
      {inputIsText ? (
        <Field label="First message" htmlFor="sy-test-input">
          <textarea id="sy-test-input" className="sy-input" rows={2} value={test.input as string} onChange={(event) => onChange({ ...test, input: event.target.value })} />
        </Field>
      ) : (
        <JsonInput label="Input state (JSON)" value={test.input} strictJson rows={3} onChange={(input) => input && typeof input === "object" && !Array.isArray(input) && onChange({ ...test, input: input as Record<string, unknown> })} />
      )}
      <div className="sy-section-title">Answers at pauses</div>
      {test.answers.length === 0 && <p className="sy-help">No answers: the run must not pause for a person.</p>}
      {test.answers.map((answer, i) => (
        <AnswerEditor key={i} answer={answer} index={i} nodes={nodes} onChange={(next) => onChange({ ...test, answers: replaceAt(test.answers, i, next) })} onRemove={() => onChange({ ...test, answers: removeAt(test.answers, i) })} />
      ))}
      <button type="button" className="sy-button is-ghost is-small" onClick={() => onChange({ ...test, answers: [...test.answers, ""] })}>
        <Icon name="plus" size={12} /> Add answer
      </button>
      <div className="sy-section-title">Checks</div>
      {test.checks.map((check, i) => (
        <CheckEditor key={i} check={check} index={i} nodes={nodes} fields={fields} onChange={(next) => onChange({ ...test, checks: replaceAt(test.checks, i, next) })} onRemove={() => onChange({ ...test, checks: removeAt(test.checks, i) })} />
      ))}
      <button type="button" className="sy-button is-ghost is-small" onClick={() => onChange({ ...test, checks: [...test.checks, CHECK_KINDS[0].blank()] })}>
        <Icon name="plus" size={12} /> Add check
      </button>
    </div>
  );
}
