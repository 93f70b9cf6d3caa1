import { describeCheck, describeValue, type FlowCheck } from "../../shared/flow-test";
import type { CheckResult } from "../../shared/flow-test-result";
import { toWire } from "../engine";
import { checkpointIdOf, type RunTrace } from "./thread-trace";

const ACTUAL_TEXT_LIMIT = 300;

type Outcome = Omit<CheckResult, "check" | "description">;

/** Every check of a test against the run, each with what actually happened in words. */
export function evaluateChecks(checks: FlowCheck[], trace: RunTrace): CheckResult[] {
  const results = checks.map((check) => ({ check, description: describeCheck(check), ...evaluate(check, trace) }));
  const checksErrors = checks.some((check) => check.type === "no-errors");
  if (trace.errors.length > 0 && !checksErrors) {
    // A node that fails fails the test, even when the test forgot to say "no node errors".
    const check: FlowCheck = { type: "no-errors" };
    results.push({ check, description: describeCheck(check), ...evaluate(check, trace), implicit: true });
  }
  return results;
}

function evaluate(check: FlowCheck, trace: RunTrace): Outcome {
  const finalId = checkpointIdOf(trace.final) ?? null;
  switch (check.type) {
    case "visits": {
      const visit = trace.steps.find((step) => step.node === check.node);
      if (visit) return { passed: true, actual: `visited ${check.node} at step ${visit.step} (${path(trace)})`, checkpoint_id: visit.checkpoint_id };
      return { passed: false, actual: `${check.node} was never visited (${path(trace)})`, checkpoint_id: finalId };
    }
    case "visits-before-final-answer": {
      const answer = trace.finalAnswer;
      if (!answer) return { passed: false, actual: `there is no final answer: ${howItEnded(trace)} (${path(trace)})`, checkpoint_id: finalId };
      const visit = trace.steps.slice(0, answer.stepIndex).find((step) => step.node === check.node);
      if (visit) return { passed: true, actual: `visited ${check.node} at step ${visit.step}, before the final answer (${path(trace)})`, checkpoint_id: visit.checkpoint_id };
      return { passed: false, actual: `${check.node} was not visited before the final answer (${path(trace)})`, checkpoint_id: answer.checkpointId };
    }
    case "final-message-contains": {
      const text = trace.lastMessageText;
      const checkpoint = trace.finalAnswer?.checkpointId ?? finalId;
      if (text === undefined) return { passed: false, actual: "there are no messages", checkpoint_id: finalId };
      const passed = text.toLowerCase().includes(check.text.toLowerCase());
      return { passed, actual: `the final message is ${quote(text)}`, checkpoint_id: checkpoint };
    }
    case "field-equals": {
      const values = (trace.final.values ?? {}) as Record<string, unknown>;
      const actual = toWire(values[check.field]);
      const passed = JSON.stringify(actual) === JSON.stringify(check.value);
      return { passed, actual: `${check.field} is ${limit(describeValue(actual))}`, checkpoint_id: finalId };
    }
    case "ends":
      return { passed: trace.ended === "finished", actual: howItEnded(trace), checkpoint_id: finalId };
    case "no-errors": {
      if (trace.errors.length === 0) return { passed: true, actual: "no node failed", checkpoint_id: finalId };
      const described = trace.errors.map((error) => (error.node ? `${error.node} failed: ${error.message}` : `the run failed: ${error.message}`));
      return { passed: false, actual: limit(described.join("; ")), checkpoint_id: finalId };
    }
    case "max-steps": {
      const count = trace.steps.length;
      if (count <= check.steps) return { passed: true, actual: `took ${count} step${count === 1 ? "" : "s"} (${path(trace)})`, checkpoint_id: finalId };
      return { passed: false, actual: `took ${count} steps (${path(trace)})`, checkpoint_id: trace.steps[check.steps].checkpoint_id };
    }
  }
}

export function howItEnded(trace: RunTrace): string {
  if (trace.ended === "finished") return "the run finished";
  if (trace.ended === "paused") return `the run stayed paused before ${trace.final.next.join(", ")}`;
  const first = trace.errors[0];
  return first?.node ? `the run stopped with an error in ${first.node}: ${limit(first.message)}` : `the run stopped with an error: ${limit(first?.message ?? "unknown")}`;
}

function path(trace: RunTrace): string {
  return trace.steps.length > 0 ? `path: ${trace.steps.map((step) => step.node).join(" → ")}` : "no node ran";
}

function quote(text: string): string {
  return `"${limit(text)}"`;
}

function limit(text: string): string {
  return text.length > ACTUAL_TEXT_LIMIT ? `${text.slice(0, ACTUAL_TEXT_LIMIT)}…` : text;
}
