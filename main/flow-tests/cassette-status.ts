import type { CassetteStatus } from "../../shared/flow-test-result";
import type { FlowTest } from "../../shared/flow-test";
import type { GraphDoc } from "../../shared/graph-doc";
import { CassetteFileError, cassettePath, readCassette, recordedForOf } from "./cassette";

/**
 * Whether a real-provider test has its cassette: recorded (for this graph and test as they are),
 * missing, or stale (recorded for another version of the graph or the test: it may no longer
 * match, re-record missing). Scripted tests need none (undefined).
 */
export function cassetteStatusOf(workspaceDir: string, graph: string, doc: GraphDoc | undefined, test: FlowTest): CassetteStatus | undefined {
  if (test.provider !== "real") return undefined;
  let cassette;
  try {
    cassette = readCassette(cassettePath(workspaceDir, graph, test.name));
  } catch (error) {
    if (error instanceof CassetteFileError) return { status: "stale", reason: error.message };
    throw error;
  }
  if (!cassette) return { status: "missing" };
  if (!cassette.recordedFor || !doc) return { status: "recorded" };
  const now = recordedForOf(doc, test);
  if (now.test !== cassette.recordedFor.test) return { status: "stale", reason: "the test changed since its cassette was recorded" };
  if (now.graph !== cassette.recordedFor.graph) return { status: "stale", reason: "the graph changed since the cassette was recorded" };
  return { status: "recorded" };
}
