import type { FieldType, StateField } from "../../shared/graph-doc";
import type { ImportSet } from "./imports";
import { tsLiteral } from "./names";
import type { ExportPlan } from "./plan";

/** The state schema as a LangGraph annotation: one channel per field with the reducer of main/engine/state-schema.ts. */
export function emitTsState(plan: ExportPlan, imports: ImportSet): string {
  imports.use("@langchain/langgraph", "Annotation");
  const channels = Object.entries(plan.doc.state.fields).map(([name, field]) => {
    const doc = field.description ? `  /** ${field.description.replaceAll("*/", "* /")} */\n` : "";
    return `${doc}  ${name}: ${channelOf(field, imports)},`;
  });
  return [
    "export const StateAnnotation = Annotation.Root({",
    ...channels,
    "});",
    "",
    "export type State = typeof StateAnnotation.State;",
    "export type Update = typeof StateAnnotation.Update;",
  ].join("\n");
}

function channelOf(field: StateField, imports: ImportSet): string {
  switch (field.reducer) {
    case "messages":
      imports.use("@langchain/langgraph", "messagesStateReducer");
      imports.use("@langchain/core/messages", "BaseMessage", true);
      return "Annotation<BaseMessage[]>({ reducer: messagesStateReducer, default: () => [] })";
    case "append":
      return `Annotation<unknown[]>({ reducer: (current, update) => current.concat(update), default: () => ${initial(field.default, [])} })`;
    case "sum":
      return `Annotation<number>({ reducer: (current, update) => current + Number(update), default: () => ${initial(field.default, 0)} })`;
    case "merge":
      return `Annotation<Record<string, unknown>>({ reducer: (current, update) => ({ ...current, ...update }), default: () => ${initial(field.default, {})} })`;
    case "replace":
      // No default: the field is absent until a node writes it, as with a plain LangGraph field.
      if (field.default === undefined) return `Annotation<${tsTypeOf(field.type)}>()`;
      return `Annotation<${tsTypeOf(field.type)}>({ reducer: (_current, update) => update, default: () => ${initial(field.default, null)} })`;
  }
}

/** A fresh literal per call, like the engine's structuredClone of the default. */
function initial(value: unknown, empty: unknown): string {
  return `(${tsLiteral(value ?? empty)})`;
}

export function tsTypeOf(type: FieldType): string {
  switch (type) {
    case "messages":
      return "BaseMessage[]";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "list":
      return "unknown[]";
    case "object":
      return "Record<string, unknown>";
    case "any":
      return "unknown";
  }
}
