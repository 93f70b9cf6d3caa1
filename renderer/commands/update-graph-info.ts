import { docCommand } from "./command";

export interface GraphInfoInput {
  description?: string;
  entry?: string;
}

/** Edits the graph's description or entry node. Enters history. */
export const updateGraphInfo = docCommand<GraphInfoInput>({
  title: "Edit graph",
  entersHistory: true,
  apply(doc, input) {
    const next = { ...doc };
    if (input.entry !== undefined) next.entry = input.entry;
    if (input.description !== undefined) {
      if (input.description) next.description = input.description;
      else delete next.description;
    }
    return { doc: next.entry === doc.entry && next.description === doc.description ? doc : next };
  },
});
