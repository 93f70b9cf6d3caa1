import type { Condition } from "../../shared/conditions";
import { END as DOC_END } from "../../shared/graph-doc";
import type { ImportSet } from "./imports";
import { camelCase, type NameTable, tsKey, tsLiteral, tsString } from "./names";
import type { ConditionalRoute, ExportPlan } from "./plan";

/** A rule of shared/conditions.ts as a TypeScript expression over `state`. */
export function tsCondition(condition: Condition, plan: ExportPlan, imports: ImportSet): string {
  const messages = `state.${plan.messagesField}`;
  const support = (name: string) => imports.use("./support.js", name);
  switch (condition.type) {
    case "calls-tool":
      return `${support("callsTool")}(${messages}, ${tsString(condition.tool)})`;
    case "has-tool-calls":
      return `${support("hasToolCalls")}(${messages})`;
    case "field-equals":
      return `${support("sameJson")}(state.${condition.field}, ${tsLiteral(condition.value)})`;
    case "last-message-contains":
      return `${support("lastMessageContains")}(${messages}, ${tsString(condition.text)})`;
    case "last-message-from":
      return `${support("lastMessageFrom")}(${[messages, tsString(condition.role), ...(condition.tool ? [tsString(condition.tool)] : [])].join(", ")})`;
    case "otherwise":
      return "true";
  }
}

/** A node id or END as the expression the builder takes. */
export function tsTarget(target: string, imports: ImportSet): string {
  if (target === DOC_END) return imports.use("@langchain/langgraph", "END");
  return tsString(target);
}

/** One plain function per source with conditional edges: the first rule that holds picks the next node. */
export function emitTsRouter(route: ConditionalRoute, plan: ExportPlan, imports: ImportSet, names: NameTable): { name: string; code: string } {
  const name = names.claim(camelCase(`route after ${route.source}`));
  const lines = [`/** Where to go after "${route.source}": the first rule that holds. */`, `function ${name}(state: State) {`];
  for (const rule of route.rules) lines.push(`  if (${tsCondition(rule.condition, plan, imports)}) return ${tsTarget(rule.target, imports)};`);
  lines.push(`  return ${tsTarget(route.fallback, imports)};`, "}");
  return { name, code: lines.join("\n") };
}

/** A for-each edge as LangGraph's map step: one Send to the target per item of the list, the item under `as`. */
export function emitTsFanOut(fanOut: ExportPlan["fanOuts"][number], imports: ImportSet, names: NameTable): { name: string; code: string } {
  const name = names.claim(camelCase(`for each ${fanOut.field} to ${fanOut.target}`));
  const send = imports.use("@langchain/langgraph", "Send");
  const list = `state.${fanOut.field}`;
  return {
    name,
    code: [
      `/** For each item of ${fanOut.field}: one "${fanOut.target}" task with ${fanOut.as} set to it. */`,
      `function ${name}(state: State) {`,
      `  return (Array.isArray(${list}) ? ${list} : []).map((item) => new ${send}(${tsString(fanOut.target)}, { ...state, ${tsKey(fanOut.as)}: item }));`,
      "}",
    ].join("\n"),
  };
}
