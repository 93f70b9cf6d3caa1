import type { RunnableConfig } from "@langchain/core/runnables";
import type { GraphDoc, NodeOfKind } from "../../../shared/graph-doc";
import { runSandboxed } from "../sandbox/sandbox";
import { stateUpdateOf } from "../sandbox/state-update";
import { toWire } from "../wire-values";

/**
 * Runs the node's `(state) => update` in the QuickJS sandbox. The state goes in as JSON (messages
 * in their wire form); the update comes back as JSON and is checked against the state schema.
 * Any failure fails this node, so the thread stays at it and can be resumed after a fix.
 */
export function codeNode(node: NodeOfKind<"code">, doc: GraphDoc) {
  const subject = `code node "${node.id}"`;
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const output = await runSandboxed(
      { subject, source: node.config.source, input: toWire(state), timeoutMs: node.config.timeoutMs, memoryMb: node.config.memoryMb },
      config?.signal,
    );
    return stateUpdateOf(output, doc, subject);
  };
}
