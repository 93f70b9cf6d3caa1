import type { Condition } from "../../shared/conditions";
import { END as DOC_END } from "../../shared/graph-doc";
import type { ImportSet } from "./imports";
import { type NameTable, pyLiteral, pyString, snakeCase } from "./names";
import type { ConditionalRoute, ExportPlan } from "./plan";

/** A rule of shared/conditions.ts as a Python expression over `state`. */
export function pyCondition(condition: Condition, plan: ExportPlan): string {
  const messages = `state.get(${pyString(plan.messagesField)}, [])`;
  switch (condition.type) {
    case "calls-tool":
      return `calls_tool(${messages}, ${pyString(condition.tool)})`;
    case "has-tool-calls":
      return `has_tool_calls(${messages})`;
    case "field-equals":
      return `same_json(state.get(${pyString(condition.field)}), ${pyLiteral(condition.value)})`;
    case "last-message-contains":
      return `last_message_contains(${messages}, ${pyString(condition.text)})`;
    case "last-message-from":
      return `last_message_from(${[messages, pyString(condition.role), ...(condition.tool ? [pyString(condition.tool)] : [])].join(", ")})`;
    case "otherwise":
      return "True";
  }
}

/** A node id or END as the expression the builder takes. */
export function pyTarget(target: string, imports: ImportSet): string {
  if (target === DOC_END) return imports.use("langgraph.graph", "END");
  return pyString(target);
}

/** One plain function per source with conditional edges: the first rule that holds picks the next node. */
export function emitPyRouter(route: ConditionalRoute, plan: ExportPlan, imports: ImportSet, names: NameTable): { name: string; code: string } {
  const name = names.claim(snakeCase(`route after ${route.source}`));
  const lines = [`def ${name}(state: State) -> str:`, `    """Where to go after "${route.source}": the first rule that holds."""`];
  for (const rule of route.rules) lines.push(`    if ${pyCondition(rule.condition, plan)}:`, `        return ${pyTarget(rule.target, imports)}`);
  lines.push(`    return ${pyTarget(route.fallback, imports)}`);
  return { name, code: lines.join("\n") };
}

/** A for-each edge as LangGraph's map step: one Send to the target per item of the list, the item under `as`. */
export function emitPyFanOut(fanOut: ExportPlan["fanOuts"][number], imports: ImportSet, names: NameTable): { name: string; code: string } {
  const name = names.claim(snakeCase(`for each ${fanOut.field} to ${fanOut.target}`));
  const send = imports.use("langgraph.types", "Send");
  return {
    name,
    code: [
      `def ${name}(state: State) -> list:`,
      `    """For each item of ${fanOut.field}: one "${fanOut.target}" task with ${fanOut.as} set to it."""`,
      `    return [${send}(${pyString(fanOut.target)}, {**state, ${pyString(fanOut.as)}: item}) for item in state.get(${pyString(fanOut.field)}) or []]`,
    ].join("\n"),
  };
}
