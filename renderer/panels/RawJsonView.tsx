import { useEffect, useState } from "react";
import type { GraphDoc, GraphEdge, GraphNode } from "../../shared/graph-doc";
import { sortKeys } from "../../shared/graph-serialize";
import { parseJsonEdit, replaceFromJson } from "../commands/replace-from-json";

/** The selected node (or the whole graph) as JSON, editable for power users; applied only when it fits the schema. */
export function RawJsonView({ doc, node, edge }: { doc: GraphDoc; node?: GraphNode; edge?: GraphEdge }) {
  const value = node ?? edge ?? doc;
  const text = JSON.stringify(sortKeys(value), null, 2);
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(text);
    setError(null);
  }, [text]);
  const apply = () => {
    const result = parseJsonEdit(draft, node ? "node" : "doc");
    if (!result.ok) return setError(result.message);
    setError(null);
    replaceFromJson.run({ nodeId: node?.id, value: result.value });
  };
  const what = node ? `node ${node.id}` : edge ? `edge ${edge.id}` : "graph";
  return (
    <div className="sy-inspector-body sy-json">
      <div className="sy-help">{edge ? "Edges are edited in the form; this is the edge as stored." : `The ${what} as stored in the file. Edit and apply; the schema is checked first.`}</div>
      <textarea className="sy-input is-mono sy-json-text" aria-label={`JSON of ${what}`} value={draft} spellCheck={false} readOnly={!!edge} onChange={(event) => setDraft(event.target.value)} />
      {error && (
        <div className="sy-field-error" role="alert">
          {error}
        </div>
      )}
      {!edge && (
        <div className="sy-inline">
          <button type="button" className="sy-button is-primary is-small" onClick={apply} disabled={draft === text}>
            Apply JSON
          </button>
          <button type="button" className="sy-button is-ghost is-small" onClick={() => setDraft(text)} disabled={draft === text}>
            Revert
          </button>
        </div>
      )}
    </div>
  );
}
