import type { GraphDoc } from "../../shared/graph-doc";
import { commitDoc, useGraphStore } from "../stores/graph-store";
import type { Selection } from "../stores/flow-from-doc";
import { isEditableGraph } from "../stores/open-graph-store";

/** What a document command produces: the next document and, optionally, what to select after it. */
export interface DocChange {
  doc: GraphDoc;
  select?: Selection;
}

export interface DocCommandSpec<Input> {
  /** Shown in menus, the quick-add list and the help overlay. */
  title: string;
  /** Whether running the command makes an undo step. */
  entersHistory: boolean;
  /** Pure: the same document and input give the same result; returns the same doc for "nothing to do". */
  apply(doc: GraphDoc, input: Input): DocChange;
}

export interface DocCommand<Input> extends DocCommandSpec<Input> {
  /** Applies the command to the open graph. `coalesceKey` merges a typing burst into one undo step. */
  run(input: Input, options?: { coalesceKey?: string }): void;
}

export function docCommand<Input>(spec: DocCommandSpec<Input>): DocCommand<Input> {
  return {
    ...spec,
    run(input, options) {
      const { doc } = useGraphStore.getState();
      if (!doc || !isEditableGraph()) return;
      const change = spec.apply(doc, input);
      commitDoc(change.doc, { history: spec.entersHistory, coalesceKey: options?.coalesceKey, select: change.select });
    },
  };
}
