import type { StateField } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface UpdateStateFieldInput {
  name: string;
  field: StateField;
}

/** Changes a state field's type, reducer, default or description. Enters history. */
export const updateStateField = docCommand<UpdateStateFieldInput>({
  title: "Edit state field",
  entersHistory: true,
  apply(doc, { name, field }) {
    if (!(name in doc.state.fields) || doc.state.fields[name] === field) return { doc };
    return { doc: { ...doc, state: { ...doc.state, fields: { ...doc.state.fields, [name]: field } } } };
  },
});

/** The reducer that fits a type, for when the type changes and the old reducer no longer fits. */
export function reducerFor(type: StateField["type"], current: StateField["reducer"]): StateField["reducer"] {
  if (type === "messages") return "messages";
  if (current === "messages") return type === "list" ? "append" : "replace";
  if (current === "append" && type !== "list" && type !== "any") return "replace";
  if (current === "sum" && type !== "number" && type !== "any") return "replace";
  if (current === "merge" && type !== "object" && type !== "any") return "replace";
  return current;
}
