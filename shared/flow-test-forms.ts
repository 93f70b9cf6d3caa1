import type { CheckType, FlowCheck } from "./flow-test";

/** What the check form asks for: a node of the graph, a text, a state field with a value, or a count. */
export type CheckInput = { name: "node"; kind: "node" } | { name: "text"; kind: "text" } | { name: "field"; kind: "field" } | { name: "value"; kind: "json" } | { name: "steps"; kind: "count" };

export interface CheckKind {
  type: CheckType;
  /** The sentence with blanks, as the form's type picker shows it. */
  label: string;
  inputs: CheckInput[];
  /** A new check of this type, to fill in. */
  blank: () => FlowCheck;
}

/** Every check type, in the order the form offers them; the renderer builds the form from this. */
export const CHECK_KINDS: readonly CheckKind[] = [
  { type: "visits", label: "visits <node>", inputs: [{ name: "node", kind: "node" }], blank: () => ({ type: "visits", node: "" }) },
  { type: "visits-before-final-answer", label: "visits <node> before the final answer", inputs: [{ name: "node", kind: "node" }], blank: () => ({ type: "visits-before-final-answer", node: "" }) },
  { type: "final-message-contains", label: "the final message contains '<text>'", inputs: [{ name: "text", kind: "text" }], blank: () => ({ type: "final-message-contains", text: "" }) },
  {
    type: "field-equals",
    label: "state field <field> equals <value>",
    inputs: [
      { name: "field", kind: "field" },
      { name: "value", kind: "json" },
    ],
    blank: () => ({ type: "field-equals", field: "", value: "" }),
  },
  { type: "ends", label: "ends (does not stay paused)", inputs: [], blank: () => ({ type: "ends" }) },
  { type: "no-errors", label: "no node errors", inputs: [], blank: () => ({ type: "no-errors" }) },
  { type: "max-steps", label: "at most <steps> steps", inputs: [{ name: "steps", kind: "count" }], blank: () => ({ type: "max-steps", steps: 10 }) },
];
