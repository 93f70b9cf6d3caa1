import { docCommand } from "./command";

/** Removes a state field. Enters history. */
export const removeStateField = docCommand<{ name: string }>({
  title: "Remove state field",
  entersHistory: true,
  apply(doc, { name }) {
    if (!(name in doc.state.fields)) return { doc };
    const fields = { ...doc.state.fields };
    delete fields[name];
    return { doc: { ...doc, state: { ...doc.state, fields } } };
  },
});
