import { useEffect } from "react";
import type { CassetteStatus } from "../../../shared/flow-test-result";
import { runCommand } from "../../commands/registry/app-commands";
import { Icon } from "../../app/Icon";
import { loadTests } from "../../commands/tests/load-tests";
import { saveRunAsTest } from "../../commands/tests/record-test";
import { runTests } from "../../commands/tests/run-tests";
import { editTest } from "../../commands/tests/edit-test";
import { saveTests } from "../../commands/tests/save-tests";
import { blankTest, removeTest, shownStatus, STATUS_WORDS } from "../../commands/tests/tests-model";
import { useGraphStore } from "../../stores/graph-store";
import { useRunStore } from "../../stores/run-store";
import { testsDirty, useTestsStore } from "../../stores/tests-store";
import { askConfirm } from "../../stores/ui-store";
import { TestEditor } from "./TestEditor";

/** The TESTS tab: the open graph's flow tests with their last result, run, edit, record, save. */
export function TestsPanel() {
  const graph = useGraphStore((state) => state.graphName);
  const state = useTestsStore();
  useEffect(() => {
    if (graph) void loadTests(graph);
  }, [graph]);
  const dirty = testsDirty(state);
  const busy = state.running.length > 0;
  const selected = state.selected !== null ? state.tests[state.selected] : undefined;
  const add = () => {
    const tests = [...state.tests, blankTest(state.tests)];
    useTestsStore.setState({ tests, selected: tests.length - 1, notes: [] });
  };
  const remove = async (index: number) => {
    const ok = await askConfirm({ title: "Delete test", message: `Delete the test "${state.tests[index].name}"? It is removed from the file when you save.`, confirmLabel: "Delete", danger: true });
    if (ok) useTestsStore.setState({ tests: removeTest(useTestsStore.getState().tests, index), selected: null });
  };
  return (
    <div className="sy-tests" aria-label="Tests">
      <div className="sy-tests-toolbar" role="toolbar" aria-label="Test actions">
        <button type="button" className="sy-button is-run is-small" onClick={() => void runTests()} disabled={busy || state.tests.length === 0}>
          <Icon name="play" size={12} /> Run all
        </button>
        <button type="button" className="sy-button is-small" onClick={add}>
          <Icon name="plus" size={12} /> New test
        </button>
        <SaveRunButton />
        <RecordButtons busy={busy} />
        <span className="sy-spacer" />
        {state.file && <span className="sy-help">{state.file}</span>}
        <button type="button" className="sy-button is-primary is-small" onClick={() => void saveTests()} disabled={!dirty} aria-label="Save tests">
          <Icon name="save" size={12} /> {dirty ? "Save tests" : "Saved"}
        </button>
      </div>
      {state.error && (
        <p className="sy-field-error" role="alert">
          {state.error}
        </p>
      )}
      {state.problems.length > 0 && !state.error && (
        <ul className="sy-inline-problems sy-tests-problems" aria-label="Tests that no longer fit the graph">
          {state.problems.map((problem, i) => (
            <li key={i}>
              <Icon name="alert" size={12} /> {problem.path ? `${problem.path}: ` : ""}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      <div className="sy-tests-body">
        <ul className="sy-test-list" aria-label="Tests of this graph">
          {state.tests.length === 0 && <li className="sy-help">No tests yet: run the graph and "Save run as test", or add one.</li>}
          {state.tests.map((test, index) => {
            const status = shownStatus(test.name, state.results, state.running);
            return (
              <li key={index} className={`sy-test-item ${index === state.selected ? "is-selected" : ""}`} data-status={status}>
                <button type="button" className="sy-test-open" aria-pressed={index === state.selected} aria-label={`${test.name}: ${STATUS_WORDS[status]}${state.cassettes[test.name] ? `, ${CASSETTE_WORDS[state.cassettes[test.name].status]}` : ""}`} onClick={() => useTestsStore.setState({ selected: index })}>
                  <span className={`sy-test-dot is-${status}`} aria-hidden="true" />
                  <span className="sy-test-name">{test.name}</span>
                  <span className="sy-test-status">{STATUS_WORDS[status]}</span>
                  <CassetteChip status={state.cassettes[test.name]} />
                </button>
                <button type="button" className="sy-icon-button" aria-label={`Run ${test.name}`} title={`Run ${test.name}`} disabled={busy} onClick={() => void runTests([test.name])}>
                  <Icon name="play" size={12} />
                </button>
                <button type="button" className="sy-icon-button is-danger" aria-label={`Delete ${test.name}`} title={`Delete ${test.name}`} onClick={() => void remove(index)}>
                  <Icon name="trash" size={12} />
                </button>
              </li>
            );
          })}
        </ul>
        <div className="sy-test-pane">
          {selected && state.selected !== null ? <TestEditor key={state.selected} index={state.selected} test={selected} onChange={(test) => editTest(state.selected!, test)} /> : <p className="sy-help">Choose a test to edit it, or record the open run as a test.</p>}
        </div>
      </div>
    </div>
  );
}

const CASSETTE_WORDS = { recorded: "recorded", missing: "no cassette", stale: "stale cassette" } as const;
const CASSETTE_HINTS = {
  recorded: "Replays from its cassette: no network, no key",
  missing: "No cassette yet: Record runs it against the real provider and writes one",
  stale: "Recorded for another version of the graph or the test: Re-record missing adds the calls that changed",
} as const;

/** A real-provider test's cassette: recorded, missing or stale (scripted tests have none). */
function CassetteChip({ status }: { status: CassetteStatus | undefined }) {
  if (!status) return null;
  return (
    <span className={`sy-cassette-chip is-${status.status}`} aria-label={`Cassette: ${CASSETTE_WORDS[status.status]}`} title={status.reason ?? CASSETTE_HINTS[status.status]}>
      {CASSETTE_WORDS[status.status]}
    </span>
  );
}

/** Record / Re-record missing: the registry's commands, the same runner as `switchyard test --record / --record-missing`. */
function RecordButtons({ busy }: { busy: boolean }) {
  const real = useTestsStore((state) => state.tests.some((test) => test.provider === "real"));
  const why = real ? undefined : 'Only tests marked "provider": "real" have cassettes';
  return (
    <>
      <button type="button" className="sy-button is-small" disabled={busy || !real} title={why ?? "Run the real-provider tests against their providers and write every call to their cassettes (switchyard test --record)"} onClick={() => runCommand("tests.record")}>
        <Icon name="file" size={12} /> Record
      </button>
      <button type="button" className="sy-button is-small" disabled={busy || !real} title={why ?? "Record only the calls their cassettes do not hold yet (switchyard test --record-missing)"} onClick={() => runCommand("tests.record-missing")}>
        <Icon name="file" size={12} /> Re-record missing
      </button>
    </>
  );
}

/** "Save run as test": enabled when a thread is open and not running. */
function SaveRunButton() {
  const threadId = useRunStore((state) => state.threadId);
  const status = useRunStore((state) => state.status);
  const usable = !!threadId && status !== "running";
  return (
    <button type="button" className="sy-button is-small" disabled={!usable} title={usable ? "Record the open thread as a test" : "Run the graph (or open a thread) first"} onClick={() => void saveRunAsTest()}>
      <Icon name="file" size={12} /> Save run as test
    </button>
  );
}
