import type { StateSnapshot } from "@langchain/langgraph";
import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import { NODE_PATH_SEPARATOR } from "../../shared/node-paths";
import type { CompiledGraph } from "../engine";
import { pauseOf, type Pause } from "./answers";

/** A pause somewhere in the run: at the top, inside a subgraph, or one of several parallel branches. */
export interface PlacedPause extends Pause {
  /** The node's path from the tested graph (`research > approve`): what an answer's `node` names. */
  node: string;
  /** The node's id in its own graph: what a state edit is applied as. */
  nodeId: string;
  /** Where a state edit goes: the thread's config, or the subgraph's (with its checkpoint_ns). */
  config: { configurable: Record<string, unknown> };
  /** Set when paused by interrupt(): resumes of several pauses are sent together by id. */
  interruptId?: string;
}

/**
 * Every pause of a paused run: one per waiting task, looking inside subgraph tasks (their state is
 * in their own checkpoint namespace), so parallel branches and inner nodes each get their answer.
 */
export async function pausesOf(graph: CompiledGraph, state: StateSnapshot, doc: GraphDoc, graphs: WorkspaceGraphs | undefined, messagesField: string, prefix = ""): Promise<PlacedPause[]> {
  const pauses: PlacedPause[] = [];
  const config = state.config as { configurable: Record<string, unknown> };
  for (const task of state.tasks) {
    if (task.result !== undefined || task.error) continue;
    const namespace = (task.state as { configurable?: { checkpoint_ns?: string } } | undefined)?.configurable?.checkpoint_ns;
    const node = doc.nodes.find((candidate) => candidate.id === task.name);
    if (namespace && node?.kind === "subgraph") {
      const child = graphs ? graphOf(node.config.graph, doc, graphs) : undefined;
      if (!child) continue;
      const inner = await graph.getState({ configurable: { thread_id: config.configurable.thread_id, checkpoint_ns: namespace } });
      pauses.push(...(await pausesOf(graph, inner, child, graphs, messagesField, `${prefix}${task.name}${NODE_PATH_SEPARATOR}`)));
      continue;
    }
    const interrupt = (task.interrupts ?? [])[0];
    if (!interrupt && !state.next.includes(task.name)) continue;
    const pause = pauseOf({ ...state, tasks: [task], next: [task.name] } as StateSnapshot, doc, messagesField);
    pauses.push({ ...pause, node: `${prefix}${task.name}`, nodeId: task.name, config, ...(interrupt?.id ? { interruptId: interrupt.id } : {}) });
  }
  return pauses;
}
