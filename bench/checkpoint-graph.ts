import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import { Annotation, END, START, StateGraph, messagesStateReducer } from "@langchain/langgraph";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";

export const CYCLE_NODES = 20;
export const ENTRY_BYTES = 200;

const State = Annotation.Root({
  step: Annotation<number>({ reducer: (_, next) => next, default: () => 0 }),
  entries: Annotation<string[]>({ reducer: (list, added) => list.concat(added), default: () => [] }),
  messages: Annotation<BaseMessage[]>({ reducer: messagesStateReducer, default: () => [] }),
});

export type ListKind = "entries" | "messages";

/** A 20-node cycle; every node runs one step, appending one ~200-byte item to `kind`, until `steps` ran. */
export function buildCycleGraph(kind: ListKind, steps: number, checkpointer: BaseCheckpointSaver) {
  const graph = new StateGraph(State);
  const name = (i: number) => `node${i % CYCLE_NODES}`;
  for (let i = 0; i < CYCLE_NODES; i++) {
    graph.addNode(name(i), (state: typeof State.State) => {
      const text = entryText(state.step);
      return kind === "entries"
        ? { step: state.step + 1, entries: [text] }
        : { step: state.step + 1, messages: [new AIMessage({ content: text, id: `m${state.step}` })] };
    });
  }
  // addConditionalEdges is typed for node names known at compile time; these are built in a loop.
  const g = graph as unknown as StateGraph<typeof State.spec, typeof State.State, typeof State.Update, string>;
  g.addEdge(START, name(0));
  for (let i = 0; i < CYCLE_NODES; i++) {
    g.addConditionalEdges(name(i), (state: typeof State.State) => (state.step >= steps ? END : name(i + 1)), [name(i + 1), END]);
  }
  return g.compile({ checkpointer });
}

export function entryText(step: number): string {
  const head = `entry ${step} `;
  return head + "x".repeat(ENTRY_BYTES - head.length);
}
