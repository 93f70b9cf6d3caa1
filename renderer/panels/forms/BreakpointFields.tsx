import { useEffect, useRef, useState } from "react";
import { describeConditionalBreakpoint, isConditionalBreakpoint } from "../../../shared/breakpoints";
import type { Condition } from "../../../shared/conditions";
import type { GraphDoc, GraphNode } from "../../../shared/graph-doc";
import { setBreakpoint } from "../../commands/set-breakpoint";
import { hitCountProblem, setBreakpointCondition } from "../../commands/set-breakpoint-condition";
import { useBreakpointFocus } from "../../stores/breakpoint-focus-store";
import { conditionLabels, conditionTypes, ConditionFields, emptyCondition } from "./ConditionFields";
import { Checkbox, Field } from "./controls";

const EVERY_TIME = "every-time";
/** A breakpoint's rule is any edge rule but "otherwise" (which is "every time"). */
const ruleTypes = conditionTypes.filter((type) => type !== "otherwise");

/**
 * Pause before / after, and the pause before's condition: a rule in the edges' language, a hit
 * count ("the 3rd time"), or both. A conditional pause is the engine's interrupt() (see
 * main/engine/conditional-breakpoint.ts); the plain one is interrupt_before.
 */
export function BreakpointFields({ doc, node }: { doc: GraphDoc; node: GraphNode }) {
  const breakpoint = node.breakpoint;
  const conditional = isConditionalBreakpoint(breakpoint);
  const pausesBefore = !!breakpoint?.before || conditional;
  const when = breakpoint?.when ?? null;
  const hitCount = breakpoint?.hitCount ?? null;
  const section = useRef<HTMLFieldSetElement>(null);
  const focusNode = useBreakpointFocus((state) => state.node);
  useEffect(() => {
    if (focusNode !== node.id) return;
    useBreakpointFocus.setState({ node: null });
    section.current?.scrollIntoView({ block: "nearest" });
    section.current?.querySelector<HTMLElement>("select, input")?.focus();
  }, [focusNode, node.id]);
  const change = (next: { when?: Condition | null; hitCount?: number | null }) =>
    setBreakpointCondition.run({ id: node.id, when: next.when === undefined ? when : next.when, hitCount: next.hitCount === undefined ? hitCount : next.hitCount });
  return (
    <fieldset ref={section} className="sy-breakpoint-fields" aria-label={`Breakpoint of ${node.id}`}>
      <div className="sy-row">
        <Checkbox label="Pause before" checked={pausesBefore} onChange={(on) => setBreakpoint.run({ id: node.id, side: "before", on })} hint="The run stops before this node runs" />
        <Checkbox label="Pause after" checked={!!breakpoint?.after} onChange={(on) => setBreakpoint.run({ id: node.id, side: "after", on })} hint="The run stops after this node ran" />
      </div>
      {pausesBefore && (
        <div className="sy-breakpoint-condition">
          <Field label="Pause before only when" htmlFor={`sy-bp-when-${node.id}`} help={conditional ? describeConditionalBreakpoint(breakpoint!) : "Every time the node is about to run"}>
            <select
              id={`sy-bp-when-${node.id}`}
              className="sy-input sy-select"
              value={when?.type ?? EVERY_TIME}
              onChange={(event) => change({ when: event.target.value === EVERY_TIME ? null : emptyCondition(event.target.value as Condition["type"], doc) })}
            >
              <option value={EVERY_TIME}>Every time</option>
              {ruleTypes.map((type) => (
                <option key={type} value={type}>
                  {conditionLabels[type]}
                </option>
              ))}
            </select>
          </Field>
          {when && <ConditionFields condition={when} doc={doc} onChange={(next) => change({ when: next })} labelPrefix="Rule: " />}
          <HitCountField key={`${node.id}:${hitCount ?? ""}`} id={node.id} hitCount={hitCount} ruled={!!when} onCommit={(value) => change({ hitCount: value })} />
        </div>
      )}
    </fieldset>
  );
}

/** "Only the Nth time": applied on Enter or leaving the field; bad input says why and changes nothing. */
function HitCountField({ id, hitCount, ruled, onCommit }: { id: string; hitCount: number | null; ruled: boolean; onCommit: (value: number | null) => void }) {
  const [draft, setDraft] = useState(hitCount === null ? "" : String(hitCount));
  const problem = hitCountProblem(draft);
  const commit = () => {
    if (problem) return;
    const value = draft.trim() === "" ? null : Number(draft);
    if (value !== hitCount) onCommit(value);
  };
  return (
    <Field label="Only the Nth time" htmlFor={`sy-bp-hit-${id}`} error={problem} help={ruled ? "Counts only the times the rule holds; empty: every time it holds" : "Empty: every time; 3: the 3rd time it runs"}>
      <input
        id={`sy-bp-hit-${id}`}
        className="sy-input is-mono"
        inputMode="numeric"
        placeholder="every time"
        value={draft}
        aria-invalid={!!problem}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(hitCount === null ? "" : String(hitCount));
        }}
      />
    </Field>
  );
}
