import { memo } from "react";
import { formatProblem, type Problem } from "../../shared/problem";
import { selectElement } from "../commands/select-element";
import { canvasApi } from "../canvas/canvas-api";
import { Icon } from "../app/Icon";
import { useGraphStore } from "../stores/graph-store";
import { problemNode } from "../stores/problems";
import { useProblems } from "../stores/problems-store";
import { useIsGraphShown } from "../stores/open-graph-facts";

/** Every problem of the open graph; clicking one selects (and shows) the node it is about. */
export const ProblemsList = memo(function ProblemsList() {
  const doc = useGraphStore((state) => state.doc);
  const loadProblems = useGraphStore((state) => state.loadProblems);
  const validated = useProblems((index) => index.all);
  // A workspace file that does not parse has its parse problems; any graph on screen, the open graph's.
  const problems = useIsGraphShown() ? validated : loadProblems;
  if (problems.length === 0) {
    return (
      <div className="sy-empty-note" role="status">
        <Icon name="check" size={14} /> No problems: this graph can run.
      </div>
    );
  }
  const reveal = (problem: Problem) => {
    if (!doc) return;
    const nodeId = problemNode(doc, problem);
    const edge = problem.edgeId && doc.edges.find((candidate) => candidate.id === problem.edgeId);
    const drawable = edge && doc.nodes.some((node) => node.id === edge.target || edge.target === "__end__");
    if (problem.edgeId && drawable) selectElement({ edgeId: problem.edgeId });
    else if (nodeId) selectElement({ nodeId });
    if (nodeId) canvasApi.focusNode(nodeId);
  };
  return (
    <ul className="sy-problems" aria-label="Problems">
      {problems.map((problem, i) => {
        const where = problem.nodeId ?? (doc && problem.edgeId ? problemNode(doc, problem) : undefined);
        return (
          <li key={i}>
            <button type="button" className="sy-problem" onClick={() => reveal(problem)} aria-label={`Problem: ${problem.message}`} title={formatProblem(problem)}>
              <Icon name="error" size={14} className="sy-problem-icon" />
              <span className="sy-problem-message">{problem.message}</span>
              {where && <span className="sy-problem-where">{where}</span>}
              <span className="sy-problem-path">{problem.path}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});
