import type { FlowAnswer, FlowCheck, FlowTest, FlowTestsFile } from "./flow-test";
import { sortKeys } from "./graph-serialize";

/**
 * Git-friendly text for `NAME.tests.json`, in the style of graph files: a fixed key order for
 * what people read (test, answer, check), sorted keys inside state values, tests in the order
 * the user put them, 2-space indent and a trailing newline. Saving a loaded file changes no byte.
 */
export function serializeFlowTests(file: FlowTestsFile): string {
  return `${JSON.stringify({ version: file.version, tests: file.tests.map(orderTest) }, null, 2)}\n`;
}

function orderTest(test: FlowTest) {
  return {
    name: test.name,
    description: test.description,
    provider: test.provider,
    input: sortKeys(test.input),
    answers: test.answers.map(orderAnswer),
    checks: test.checks.map(orderCheck),
  };
}

function orderAnswer(answer: FlowAnswer) {
  if (typeof answer === "string") return answer;
  if ("text" in answer) return { node: answer.node, text: answer.text };
  if ("asNode" in answer) return { node: answer.node, asNode: answer.asNode, values: sortKeys(answer.values) };
  return { node: answer.node, resume: sortKeys(answer.resume) };
}

function orderCheck(check: FlowCheck) {
  const { type, ...rest } = check;
  return { type, ...sortKeys(rest) };
}
