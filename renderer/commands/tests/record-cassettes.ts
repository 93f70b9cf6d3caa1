import { useTestsStore } from "../../stores/tests-store";
import { showToast } from "../../stores/ui-store";
import { runTests } from "./run-tests";

/**
 * "Record" / "Re-record missing": runs the graph's real-provider tests against their providers
 * and writes their cassettes, the same runner as `switchyard test --record` / `--record-missing`.
 */
export async function recordCassettes(mode: "record" | "record-missing"): Promise<void> {
  const real = useTestsStore.getState().tests.filter((test) => test.provider === "real").map((test) => test.name);
  if (real.length === 0) {
    showToast('No test of this graph is marked "provider": "real": only those have cassettes (scripted tests need none)', "error", 6000);
    return;
  }
  await runTests(real, mode);
}
