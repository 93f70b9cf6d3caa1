import type { FlowTestsFile } from "../../shared/flow-test";
import type { CassetteRunMode, FlowTestReport, FlowTestsFileResponse, RecordedTestResponse } from "../../shared/flow-test-result";
import { requestJson } from "./request";

const testsPath = (graph: string) => `/switchyard/tests/${encodeURIComponent(graph)}`;

/** The flow-test routes of `switchyard serve`: `NAME.tests.json` beside each graph. */
export const testsApi = {
  read: (graph: string) => requestJson<FlowTestsFileResponse>("GET", testsPath(graph)),
  /**
   * 409 when the file changed on disk since `baseHash`; 422 when a test fails the schema.
   * `renamed`: tests renamed since the file was read (old name -> new), so their last results follow.
   */
  save: (graph: string, doc: FlowTestsFile, baseHash: string | null, renamed: Record<string, string> = {}) =>
    requestJson<FlowTestsFileResponse>("PUT", testsPath(graph), { doc, ...(baseHash ? { baseHash } : {}), ...(Object.keys(renamed).length ? { renamed } : {}) }),
  /**
   * Runs the named tests (all when `names` is absent) and remembers their results. Real-provider
   * tests replay their cassettes, or record them (`cassettes`: as `switchyard test --record / --record-missing`).
   */
  run: (graph: string, names?: string[], cassettes?: CassetteRunMode) => requestJson<FlowTestReport>("POST", `${testsPath(graph)}/run`, { ...(names ? { names } : {}), ...(cassettes ? { cassettes } : {}) }),
  /** A test proposed from a finished or paused thread; not saved. */
  fromThread: (graph: string, threadId: string, name: string) => requestJson<RecordedTestResponse>("POST", `${testsPath(graph)}/from-thread`, { thread_id: threadId, name }),
};
