import { useEffect, useRef } from "react";
import type { FlowTestResult } from "../../../shared/flow-test-result";
import { Icon } from "../../app/Icon";
import { openFailingRun } from "../../commands/tests/open-failing-run";
import { firstFailure, STATUS_WORDS } from "../../commands/tests/tests-model";

/** The last result of a test: every check passed or not, and for a failure what really happened. */
export function TestResultView({ result }: { result: FlowTestResult }) {
  const failure = firstFailure(result);
  const failed = result.status === "failed" || result.status === "error";
  const ref = useRef<HTMLElement>(null);
  // A new result is what the person waits for after Run: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [result]);
  return (
    <section ref={ref} className={`sy-test-result is-${result.status}`} aria-label="Last result">
      <div className="sy-test-result-head">
        <span className={`sy-test-dot is-${result.status}`} aria-hidden="true" />
        <strong>Last run: {STATUS_WORDS[result.status]}</strong>
        <span className="sy-help">
          {result.steps.length} step{result.steps.length === 1 ? "" : "s"} · {result.duration_ms} ms{result.ended ? ` · ${result.ended}` : ""}
        </span>
        <span className="sy-spacer" />
        {failed && result.thread_id && (
          <button type="button" className="sy-button is-small" onClick={() => void openFailingRun(result)}>
            <Icon name="search" size={13} /> Open failing run
          </button>
        )}
      </div>
      {result.message && (
        <p className="sy-test-message" role={failed ? "alert" : undefined}>
          {result.message}
        </p>
      )}
      {failure && (
        <div className="sy-test-failure" aria-label="Failing check">
          <div>
            Failing check: <strong>{failure.description}</strong>
          </div>
          <div>
            Actual: <code data-testid="failing-actual">{failure.actual}</code>
          </div>
        </div>
      )}
      <ul className="sy-test-check-results" aria-label="Check results">
        {result.checks.map((check, index) => (
          <li key={index} className={check.passed ? "is-passed" : "is-failed"}>
            <Icon name={check.passed ? "check" : "x"} size={12} /> {check.description}
            {!check.passed && <span className="sy-help"> — actual: {check.actual}</span>}
          </li>
        ))}
      </ul>
      {result.unused_answers > 0 && <p className="sy-help">{result.unused_answers} answer(s) were not used: the graph paused fewer times than the test expected.</p>}
    </section>
  );
}
