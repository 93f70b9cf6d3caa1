import { useEffect, useMemo, useState } from "react";
import type { GraphDoc, GraphNode } from "../../shared/graph-doc";
import { knownToolNames } from "../../shared/graph-validate";
import { nodeKinds } from "../../shared/node-kinds";
import { renameNode, renameProblem } from "../commands/rename-node";
import { setJoin } from "../commands/set-join";
import { updateNodeConfig } from "../commands/update-node-config";
import { Icon } from "../app/Icon";
import { useProblems } from "../stores/problems-store";
import { BreakpointFields } from "./forms/BreakpointFields";
import { Checkbox, Field } from "./forms/controls";
import { FormContext, type FormContextValue } from "./forms/form-context";
import { SchemaField } from "./forms/SchemaField";
import { setIn, unwrap } from "./forms/zod-introspect";
import { NodeRunSummary } from "./run/NodeRunSummary";
import { NodeRecordedCalls } from "./replay/NodeRecordedCalls";
import { NodePinSummary } from "./replay/NodePinSummary";

/** The selected node: its name, pauses, problems and the form generated from its kind's schema. */
export function NodeInspector({ doc, node }: { doc: GraphDoc; node: GraphNode }) {
  const kind = nodeKinds[node.kind];
  const problems = useProblems((index) => index.byNode.get(node.id));
  const context = useMemo<FormContextValue>(
    () => ({
      doc,
      node,
      knownTools: [...knownToolNames(doc)],
      stateFields: Object.keys(doc.state.fields),
      change: (path, value) => updateNodeConfig.run({ id: node.id, config: setIn(node.config, path, value) }, { coalesceKey: `${node.id}:${path.join(".")}` }),
    }),
    [doc, node],
  );
  const shape = unwrap(kind.configSchema).def.shape ?? {};
  return (
    <div className="sy-inspector-body" aria-label={`Settings of ${node.id}`}>
      <header className="sy-inspector-head" style={{ "--kind": kind.color } as React.CSSProperties}>
        <span className="sy-node-icon" aria-hidden="true">
          <Icon name={kind.icon} size={16} />
        </span>
        <div>
          <div className="sy-inspector-title">{node.id}</div>
          <div className="sy-inspector-sub">{kind.label} node · {kind.description}</div>
        </div>
      </header>
      {problems && (
        <ul className="sy-inline-problems" aria-label="Problems of this node">
          {problems.map((problem, i) => (
            <li key={i}>
              <Icon name="alert" size={12} /> {problem.message}
            </li>
          ))}
        </ul>
      )}
      <NodeRunSummary id={node.id} />
      <NodePinSummary id={node.id} />
      <NodeRecordedCalls id={node.id} />
      <NodeNameField doc={doc} id={node.id} />
      <BreakpointFields doc={doc} node={node} />
      <div className="sy-row">
        <Checkbox label="Join (wait for all incoming branches)" checked={!!node.join} onChange={(on) => setJoin.run({ id: node.id, on })} hint="Runs once, after all its plain incoming edges of the same step arrived (LangGraph addEdge([a, b], node))" />
      </div>
      <div className="sy-section-title">Settings</div>
      <FormContext.Provider value={context}>
        {Object.entries(shape).map(([key, schema]) => (
          <SchemaField key={key} schema={schema} value={(node.config as Record<string, unknown>)[key]} path={[key]} name={key} />
        ))}
      </FormContext.Provider>
    </div>
  );
}

/** The node's id, which is also its name in the file and in runs. Applied on Enter or leaving the field. */
function NodeNameField({ doc, id }: { doc: GraphDoc; id: string }) {
  const [draft, setDraft] = useState(id);
  useEffect(() => {
    setDraft(id);
  }, [id]);
  const problem = renameProblem(doc, id, draft);
  const commit = () => {
    if (!problem && draft !== id) renameNode.run({ from: id, to: draft });
    else if (problem) setDraft(id);
  };
  return (
    <Field label="Node name" error={problem} htmlFor="sy-node-name">
      <input
        id="sy-node-name"
        className="sy-input is-mono"
        value={draft}
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setDraft(id);
        }}
      />
    </Field>
  );
}
