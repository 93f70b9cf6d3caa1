import type { RunnableConfig } from "@langchain/core/runnables";
import { currentCallScope } from "./call-scope";
import { CassetteToolMissError } from "./errors";
import { redactSecrets } from "./redact";

/**
 * Stands between an external tool (http, mcp) and what it reaches: in a flow test with a cassette,
 * a call on the cassette is answered from it (no network), a call not on it fails the test naming
 * the node, the tool and how its arguments differ ("cassette" mode) or goes out and is recorded
 * ("record", "record-missing"). Elsewhere the tool runs as it is.
 */
export async function tapedToolCall<T>(tool: string, args: unknown, config: RunnableConfig | undefined, live: () => Promise<T>): Promise<T> {
  const scope = currentCallScope();
  const tape = scope?.toolTape;
  if (!scope || !tape) return live();
  const node = nodeOf(config);
  if (scope.mode === "cassette" || scope.mode === "record-missing") {
    const entry = tape.take(tool, args);
    if (entry) return entry.result as T;
    if (scope.mode === "cassette") {
      const missed = new CassetteToolMissError(node, tool, args, tape.closestFor(node, tool)?.args);
      scope.missed ??= missed;
      throw missed;
    }
  }
  const result = await live();
  tape.add(redactSecrets({ node, tool, args, result }, scope.secrets));
  return result;
}

function nodeOf(config: RunnableConfig | undefined): string {
  const node = (config?.metadata as Record<string, unknown> | undefined)?.langgraph_node;
  return typeof node === "string" ? node : "?";
}
