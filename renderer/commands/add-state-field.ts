import type { StateField } from "../../shared/graph-doc";
import { docCommand } from "./command";

export interface AddStateFieldInput {
  name?: string;
  field?: StateField;
}

/** Adds a state field (a free name like `field_2` unless given). Enters history. */
export const addStateField = docCommand<AddStateFieldInput>({
  title: "Add state field",
  entersHistory: true,
  apply(doc, { name, field }) {
    const fields = doc.state.fields;
    let key = name ?? "field";
    for (let i = 2; key in fields; i++) key = `${name ?? "field"}_${i}`;
    const value: StateField = field ?? { type: "string", reducer: "replace" };
    return { doc: { ...doc, state: { ...doc.state, fields: { ...fields, [key]: value } } } };
  },
});
