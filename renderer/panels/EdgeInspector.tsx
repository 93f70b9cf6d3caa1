import { describeCondition, isForEach, type Condition } from "../../shared/conditions";
import { chooseForEach, ForEachFields } from "./forms/ForEachFields";
import { END, type GraphDoc, type GraphEdge } from "../../shared/graph-doc";
import { deleteElements } from "../commands/delete-elements";
import { moveRule } from "../commands/move-rule";
import { rulesFrom } from "../commands/rules";
import { selectElement } from "../commands/select-element";
import { setEdgeRule } from "../commands/set-edge-rule";
import { Icon } from "../app/Icon";
import { useProblems } from "../stores/problems-store";
import { IconButton, SelectInput } from "./forms/controls";
import { conditionLabels, conditionTypes, ConditionFields, emptyCondition } from "./forms/ConditionFields";

const endName = (id: string) => (id === END ? "END" : id);

/** The selected edge: its rule, and the ordered list of all rules leaving its source. */
export function EdgeInspector({ doc, edge }: { doc: GraphDoc; edge: GraphEdge }) {
  const problems = useProblems((index) => index.byEdge.get(edge.id));
  const rules = rulesFrom(doc, edge.source);
  const kind = edge.when?.type ?? "always";
  const options = [{ value: "always", label: "Always (plain edge)" }, ...conditionTypes.map((type) => ({ value: type, label: conditionLabels[type] })), { value: "for-each", label: "For each item of a list (map)" }];
  const setKind = (next: string) => {
    if (next === "for-each") return chooseForEach(doc, edge);
    setEdgeRule.run({ id: edge.id, when: next === "always" ? undefined : emptyCondition(next as Condition["type"], doc) });
  };
  return (
    <div className="sy-inspector-body" aria-label={`Edge ${edge.source} to ${endName(edge.target)}`}>
      <header className="sy-inspector-head">
        <span className="sy-node-icon is-edge" aria-hidden="true">
          <Icon name="chevronRight" size={16} />
        </span>
        <div>
          <div className="sy-inspector-title">
            {edge.source} → {endName(edge.target)}
          </div>
          <div className="sy-inspector-sub">{edge.when ? `Taken when: ${describeCondition(edge.when)}` : "Always taken after the source node"}</div>
        </div>
      </header>
      {problems && (
        <ul className="sy-inline-problems" aria-label="Problems of this edge">
          {problems.map((problem, i) => (
            <li key={i}>
              <Icon name="alert" size={12} /> {problem.message}
            </li>
          ))}
        </ul>
      )}
      <SelectInput label="Rule" value={kind} options={options} onChange={setKind} help="Rules from one node are tried top to bottom; “Otherwise” is always last." />
      {isForEach(edge.when) && <ForEachFields doc={doc} edge={edge} condition={edge.when} />}
      {edge.when && edge.when.type !== "for-each" && <ConditionFields condition={edge.when} doc={doc} onChange={(when) => setEdgeRule.run({ id: edge.id, when }, { coalesceKey: `edge:${edge.id}` })} />}
      {rules.length > 0 && (
        <section className="sy-rules" aria-label={`Rules of ${edge.source}`}>
          <div className="sy-section-title">Rules of {edge.source}, in order</div>
          <ol>
            {rules.map((rule, index) => {
              const text = `${describeCondition(rule.when!)} → ${endName(rule.target)}`;
              return (
                <li key={rule.id} className={rule.id === edge.id ? "is-current" : ""}>
                  <span className="sy-rule-rank">{index + 1}</span>
                  <button type="button" className="sy-rule-text" onClick={() => selectElement({ edgeId: rule.id })} aria-label={`Select rule ${text}`}>
                    {text}
                  </button>
                  <IconButton icon="chevronUp" label={`Try ${text} earlier`} onClick={() => moveRule.run({ id: rule.id, by: -1 })} disabled={index === 0 || rule.when?.type === "otherwise"} />
                  <IconButton icon="chevronDown" label={`Try ${text} later`} onClick={() => moveRule.run({ id: rule.id, by: 1 })} disabled={index >= rules.length - 1 || rule.when?.type === "otherwise" || rules[index + 1]?.when?.type === "otherwise"} />
                  <IconButton icon="trash" label={`Delete rule ${text}`} onClick={() => deleteElements.run({ nodes: [], edges: [rule.id] })} className="is-danger" />
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <button type="button" className="sy-button is-danger-ghost" onClick={() => deleteElements.run({ nodes: [], edges: [edge.id] })}>
        <Icon name="trash" size={14} /> Delete edge
      </button>
    </div>
  );
}
