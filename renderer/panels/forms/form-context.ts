import { createContext, useContext } from "react";
import type { GraphDoc, GraphNode } from "../../../shared/graph-doc";

/** What generated form widgets may need to know beyond their own value (tool names, state fields). */
export interface FormContextValue {
  doc: GraphDoc;
  node: GraphNode;
  /** Tools a model can call: those of tools nodes and human nodes' ask tools. */
  knownTools: string[];
  stateFields: string[];
  /** Applies a change at a path inside the node's config. */
  change: (path: (string | number)[], value: unknown) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error("form widgets must be inside a FormContext");
  return value;
}
