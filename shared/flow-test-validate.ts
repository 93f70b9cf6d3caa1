import { normalAnswer, type FlowTestsFile } from "./flow-test";
import type { GraphDoc } from "./graph-doc";
import type { WorkspaceGraphs } from "./graph-validate-subgraphs";
import { nodePathsOf } from "./node-paths";
import type { Problem } from "./problem";

/**
 * What in a tests file no longer fits its graph (a renamed node, a removed field). These are
 * warnings for the editor: the file still saves, and the tests run and fail where they should.
 */
export function flowTestProblems(file: FlowTestsFile, doc: GraphDoc, workspace?: WorkspaceGraphs): Problem[] {
  // Nodes inside subgraphs are named by their path (`research > search`) when the workspace is given.
  const nodes = new Set(nodePathsOf(doc, workspace));
  const fields = Object.keys(doc.state.fields);
  const problems: Problem[] = [];
  const unknownNode = (path: string, node: string | undefined) => {
    if (node !== undefined && !nodes.has(node)) problems.push({ path, message: `no node "${node}" in graph "${doc.name}"`, nodeId: node });
  };
  file.tests.forEach((test, t) => {
    if (typeof test.input === "object") {
      for (const field of Object.keys(test.input)) {
        if (!fields.includes(field)) problems.push({ path: `tests[${t}].input.${field}`, message: `no state field "${field}" (fields: ${fields.join(", ")})` });
      }
    }
    test.answers.forEach((raw, a) => {
      const answer = normalAnswer(raw);
      unknownNode(`tests[${t}].answers[${a}].node`, answer.node);
      // Inside a subgraph, `asNode` may name the node by its own id: it is applied in that subgraph.
      const prefix = answer.node?.includes(">") ? answer.node.slice(0, answer.node.lastIndexOf(">") + 1) + " " : "";
      if (answer.kind === "edit" && !nodes.has(`${prefix}${answer.asNode}`)) unknownNode(`tests[${t}].answers[${a}].asNode`, answer.asNode);
    });
    test.checks.forEach((check, c) => {
      if (check.type === "visits" || check.type === "visits-before-final-answer") unknownNode(`tests[${t}].checks[${c}].node`, check.node);
      if (check.type === "field-equals" && !fields.includes(check.field)) {
        problems.push({ path: `tests[${t}].checks[${c}].field`, message: `no state field "${check.field}" (fields: ${fields.join(", ")})` });
      }
    });
  });
  return problems;
}
