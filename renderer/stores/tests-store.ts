import { create } from "zustand";
import type { FlowTest } from "../../shared/flow-test";
import type { CassetteStatus, FlowTestResult } from "../../shared/flow-test-result";
import type { Problem } from "../../shared/problem";

/**
 * The open graph's flow tests as the Tests panel edits them: a draft list saved through
 * PUT /switchyard/tests/:graph, the last result of each test, and which test is being edited.
 */
export interface TestsState {
  graph: string | null;
  /** The tests as edited; `savedTests` is what the file holds (dirty when they differ). */
  tests: FlowTest[];
  savedTests: FlowTest[];
  /** The file's hash when read, sent back as `baseHash` so an outside edit is not overwritten. */
  hash: string | null;
  file: string;
  /** Schema errors of the file, or warnings where tests no longer fit the graph. */
  problems: Problem[];
  /** Last result by test name. */
  results: Record<string, FlowTestResult>;
  /** Real-provider tests' cassettes by test name: recorded, missing or stale. */
  cassettes: Record<string, CassetteStatus>;
  /** Tests renamed since the file was read (its name -> the draft's), so their results move along on save. */
  renames: Record<string, string>;
  /** Index in `tests` of the test open in the editor. */
  selected: number | null;
  /** Names of the tests running now. */
  running: string[];
  /** What "Save run as test" could not record exactly. */
  notes: string[];
  loading: boolean;
  error: string | null;
}

export const emptyTests = (): Omit<TestsState, "graph"> => ({
  tests: [],
  savedTests: [],
  hash: null,
  file: "",
  problems: [],
  results: {},
  cassettes: {},
  renames: {},
  selected: null,
  running: [],
  notes: [],
  loading: false,
  error: null,
});

export const useTestsStore = create<TestsState>()(() => ({ ...emptyTests(), graph: null }));

export const testsDirty = (state: Pick<TestsState, "tests" | "savedTests">): boolean => state.tests !== state.savedTests;
