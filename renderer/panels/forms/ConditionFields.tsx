import { conditionSchema, type Condition } from "../../../shared/conditions";
import type { GraphDoc } from "../../../shared/graph-doc";
import { knownToolNames } from "../../../shared/graph-validate";
import { SelectInput, TextInput } from "./controls";
import { emptyValueOf, unionOptions } from "./zod-introspect";

/** Condition types in words, in the order a person thinks of them. */
export const conditionLabels: Record<Condition["type"], string> = {
  "calls-tool": "Last message calls a tool",
  "has-tool-calls": "Last message has tool calls",
  "last-message-from": "Last message is from…",
  "last-message-contains": "Last message says…",
  "field-equals": "A state field equals…",
  otherwise: "Otherwise",
};

export const conditionTypes = unionOptions(conditionSchema).map((option) => option.type as Condition["type"]);

export function emptyCondition(type: Condition["type"], doc: GraphDoc): Condition {
  const tools = [...knownToolNames(doc)];
  const fields = Object.keys(doc.state.fields);
  const option = unionOptions(conditionSchema).find((candidate) => candidate.type === type)!;
  const base = emptyValueOf(option.schema) as Record<string, unknown>;
  if (type === "calls-tool") base.tool = tools[0] ?? "tool";
  if (type === "field-equals") {
    base.field = fields.find((field) => doc.state.fields[field].type !== "messages") ?? fields[0] ?? "field";
    base.value = "";
  }
  if (type === "last-message-contains") base.text = "text";
  if (type === "last-message-from") base.role = "tool";
  return { ...base, type } as Condition;
}

/** The parameters of one condition (tool, field and value, text, role). */
export function ConditionFields({ condition, doc, onChange, labelPrefix = "" }: { condition: Condition; doc: GraphDoc; onChange: (next: Condition) => void; labelPrefix?: string }) {
  const tools = [...knownToolNames(doc)];
  const fields = Object.keys(doc.state.fields);
  const choose = (values: string[], current: string) => [...new Set([current, ...values].filter(Boolean))].map((value) => ({ value, label: value }));
  switch (condition.type) {
    case "calls-tool":
      return <SelectInput label={`${labelPrefix}Tool`} value={condition.tool} options={choose(tools, condition.tool)} onChange={(tool) => onChange({ ...condition, tool })} help={tools.length ? undefined : "Add a Tools or Human node to have tools to choose from."} />;
    case "field-equals":
      return (
        <>
          <SelectInput label={`${labelPrefix}Field`} value={condition.field} options={choose(fields, condition.field)} onChange={(field) => onChange({ ...condition, field })} />
          <TextInput label={`${labelPrefix}Value`} value={typeof condition.value === "string" ? condition.value : JSON.stringify(condition.value ?? "")} mono onChange={(text) => onChange({ ...condition, value: parseValue(text) })} help="Text, or JSON such as true, 3, [1,2]" />
        </>
      );
    case "last-message-contains":
      return <TextInput label={`${labelPrefix}Text`} value={condition.text} onChange={(text) => onChange({ ...condition, text })} error={condition.text ? null : "Required"} />;
    case "last-message-from":
      return (
        <>
          <SelectInput label={`${labelPrefix}From`} value={condition.role} options={[{ value: "human", label: "the person (human)" }, { value: "ai", label: "the model (ai)" }, { value: "tool", label: "a tool" }]} onChange={(role) => onChange({ ...condition, role: role as "human" | "ai" | "tool" })} />
          {condition.role === "tool" && (
            <SelectInput
              label={`${labelPrefix}Which tool`}
              value={condition.tool ?? ""}
              options={[{ value: "", label: "any tool" }, ...choose(tools, condition.tool ?? "").filter((option) => option.value)]}
              onChange={(tool) => {
                const next = { ...condition, tool: tool || undefined };
                if (!tool) delete next.tool;
                onChange(next);
              }}
            />
          )}
        </>
      );
    default:
      return null;
  }
}

function parseValue(text: string): unknown {
  if (/^(true|false|null|-?\d+(\.\d+)?|\[.*\]|\{.*\})$/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {}
  }
  return text;
}
