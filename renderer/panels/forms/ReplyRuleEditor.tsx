import type { Condition } from "../../../shared/conditions";
import { SelectInput, TextInput } from "./controls";
import { conditionLabels, conditionTypes, ConditionFields, emptyCondition } from "./ConditionFields";
import { useFormContext } from "./form-context";

type ReplyRule = Condition | { type: "turn"; index: number } | undefined;

/** When a scripted reply is used: always (fallback), on a given turn, or when a condition holds. */
export function ReplyRuleEditor({ label, value, onChange }: { label: string; value: unknown; onChange: (value: ReplyRule) => void }) {
  const ctx = useFormContext();
  const rule = value as ReplyRule;
  const kind = rule?.type ?? "always";
  const options = [
    { value: "always", label: "Otherwise (fallback reply)" },
    { value: "turn", label: "On model turn number…" },
    ...conditionTypes.filter((type) => type !== "otherwise").map((type) => ({ value: type, label: conditionLabels[type] })),
  ];
  const setKind = (next: string) => {
    if (next === "always") onChange(undefined);
    else if (next === "turn") onChange({ type: "turn", index: 0 });
    else onChange(emptyCondition(next as Condition["type"], ctx.doc));
  };
  return (
    <div className="sy-rule">
      <SelectInput label={label} value={kind} options={options} onChange={setKind} />
      {rule?.type === "turn" && <TextInput label="Turn (0 = first)" type="number" value={String(rule.index)} onChange={(text) => onChange({ type: "turn", index: Math.max(0, Math.floor(Number(text) || 0)) })} />}
      {rule && rule.type !== "turn" && <ConditionFields condition={rule} doc={ctx.doc} onChange={onChange} />}
    </div>
  );
}
