import { docCommand } from "./command";

export interface RenameStateFieldInput {
  from: string;
  to: string;
}

const FIELD = /^[a-zA-Z_]\w*$/;

/** Renames a state field, keeping its place, and the set-nodes and rules that name it. Enters history. */
export const renameStateField = docCommand<RenameStateFieldInput>({
  title: "Rename state field",
  entersHistory: true,
  apply(doc, { from, to }) {
    if (from === to || !FIELD.test(to) || to in doc.state.fields || !(from in doc.state.fields)) return { doc };
    const fields = Object.fromEntries(Object.entries(doc.state.fields).map(([key, value]) => [key === from ? to : key, value]));
    const nodes = doc.nodes.map((node) => {
      if (node.kind !== "set" || !(from in node.config.values)) return node;
      const values = Object.fromEntries(Object.entries(node.config.values).map(([key, value]) => [key === from ? to : key, value]));
      return { ...node, config: { ...node.config, values } };
    });
    const edges = doc.edges.map((edge) =>
      edge.when?.type === "field-equals" && edge.when.field === from ? { ...edge, when: { ...edge.when, field: to } } : edge,
    );
    return { doc: { ...doc, state: { ...doc.state, fields }, nodes, edges } };
  },
});

export function isValidFieldName(name: string): boolean {
  return FIELD.test(name);
}
