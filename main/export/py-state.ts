import type { FieldType, StateField } from "../../shared/graph-doc";
import type { ImportSet } from "./imports";
import { oneLine, pyLiteral } from "./names";
import type { ExportPlan } from "./plan";

/**
 * The state schema as a TypedDict with Annotated reducers. LangGraph Python has no field
 * defaults: sums, lists and dicts start empty, and a default from the document is written
 * as a comment (pass it in the input to get it).
 */
export function emitPyState(plan: ExportPlan, imports: ImportSet): string {
  imports.use("typing", "TypedDict");
  const fields = Object.entries(plan.doc.state.fields).map(([name, field]) => {
    const notes = [field.description && oneLine(field.description), field.default !== undefined ? oneLine(`default ${pyLiteral(field.default)}: pass it in the input`) : undefined].filter(Boolean);
    return `    ${name}: ${annotationOf(field, imports)}${notes.length ? `  # ${notes.join("; ")}` : ""}`;
  });
  return [`class State(TypedDict, total=False):`, `    """The graph state: one key per field, with its reducer."""`, "", ...fields].join("\n");
}

function annotationOf(field: StateField, imports: ImportSet): string {
  const annotated = (type: string, reducer: string) => `${imports.use("typing", "Annotated")}[${type}, ${reducer}]`;
  switch (field.reducer) {
    case "messages":
      imports.use("langchain_core.messages", "AnyMessage");
      return annotated("list[AnyMessage]", imports.use("langgraph.graph.message", "add_messages"));
    case "append":
      return annotated("list", "append_values");
    case "sum":
      return annotated("float", "sum_values");
    case "merge":
      return annotated("dict", "merge_values");
    case "replace":
      return pyTypeOf(field.type, imports);
  }
}

export function pyTypeOf(type: FieldType, imports: ImportSet): string {
  switch (type) {
    case "messages":
      return `list[${imports.use("langchain_core.messages", "AnyMessage")}]`;
    case "string":
      return "str";
    case "number":
      return "float";
    case "boolean":
      return "bool";
    case "list":
      return "list";
    case "object":
      return "dict";
    case "any":
      return imports.use("typing", "Any");
  }
}
