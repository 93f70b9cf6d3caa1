import { Send } from "@langchain/langgraph";
import type { ForEachCondition } from "../../shared/conditions";
import type { GraphEdge } from "../../shared/graph-doc";

/**
 * A for-each edge as LangGraph's map step: one `Send` to the target per item of the list, each with
 * the state plus the item under `as`. The function is named so that several for-each edges of one
 * source are distinct branches.
 */
export function fanOutFor(edge: GraphEdge & { when: ForEachCondition }) {
  const { field, as } = edge.when;
  const name = `for_each_${edge.id.replace(/\W/g, "_")}`;
  const send = {
    [name]: (state: Record<string, unknown>): Send[] => {
      const items = state[field];
      return (Array.isArray(items) ? items : []).map((item) => new Send(edge.target, { ...state, [as]: item }));
    },
  }[name];
  return send;
}
