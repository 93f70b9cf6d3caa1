import type { ForEachCondition } from "../../../shared/conditions";
import type { GraphDoc, GraphEdge } from "../../../shared/graph-doc";
import { defaultForEach, ForEachChoiceError, itemFieldsOf, listFieldsOf, setForEach } from "../../commands/set-for-each";
import { showToast } from "../../stores/ui-store";
import { useWorkspaceGraphsStore, workspaceGraphs } from "../../stores/workspace-graphs-store";
import { SelectInput } from "./controls";

/** Makes the edge a for-each with the first fitting choice; says why when none fits (the document is unchanged). */
export function chooseForEach(doc: GraphDoc, edge: GraphEdge): void {
  try {
    setForEach.run({ id: edge.id, forEach: defaultForEach(doc, edge, workspaceGraphs()) });
  } catch (error) {
    if (!(error instanceof ForEachChoiceError)) throw error;
    showToast(error.message, "error");
  }
}

/** The list a for-each edge maps over (a list field of this graph) and the field each task gets its item in (a field of the target's graph). */
export function ForEachFields({ doc, edge, condition }: { doc: GraphDoc; edge: GraphEdge; condition: ForEachCondition }) {
  const workspace = useWorkspaceGraphsStore((state) => state.graphs);
  const choose = (values: string[], current: string) => [...new Set([current, ...values].filter(Boolean))].map((value) => ({ value, label: value }));
  const change = (next: { field: string; as: string }) => setForEach.run({ id: edge.id, forEach: next });
  return (
    <>
      <SelectInput label="For each item of" value={condition.field} options={choose(listFieldsOf(doc), condition.field)} onChange={(field) => change({ field, as: condition.as })} help="A list field of this graph: one task per item, run in parallel (LangGraph Send)." />
      <SelectInput label="Item goes in" value={condition.as} options={choose(itemFieldsOf(doc, edge, workspace), condition.as)} onChange={(as) => change({ field: condition.field, as })} help={`A state field of ${edge.target}'s graph; each task's results merge through the reducers.`} />
    </>
  );
}
