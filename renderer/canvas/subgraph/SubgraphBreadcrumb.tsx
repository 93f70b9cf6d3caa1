import { Fragment } from "react";
import { useShallow } from "zustand/react/shallow";
import { Icon } from "../../app/Icon";
import { keyLabels } from "../../app/keys";
import { leaveSubgraph } from "../../commands/subgraph/subgraph-navigation";
import { subgraphDepth, useOpenGraph } from "../../stores/open-graph-store";

/** Above the canvas while a subgraph is open: `agent > researcher`, each crumb goes back there (as do Esc and Alt+Left). */
export function SubgraphBreadcrumb() {
  const { path, via, depth } = useOpenGraph(useShallow((state) => ({ path: state.path, via: state.via, depth: subgraphDepth(state) })));
  if (depth === 0) return null;
  const back = keyLabels("canvas.leave-subgraph")[0];
  return (
    <nav className="sy-breadcrumb" aria-label="Subgraph path">
      <button type="button" className="sy-breadcrumb-back" aria-label="Back to the parent graph" title={`Back to ${path[depth - 1]} (Esc, ${back})`} onClick={() => void leaveSubgraph()}>
        <Icon name="chevronRight" size={13} />
      </button>
      <ol>
        {path.slice(0, depth + 1).map((graph, i) => (
          <Fragment key={`${i}:${graph}`}>
            {i > 0 && (
              <li className="sy-breadcrumb-sep" aria-hidden="true">
                &gt;
              </li>
            )}
            <li>
              {i < depth ? (
                <button type="button" className="sy-breadcrumb-crumb" title={`Back to ${graph}`} onClick={() => void leaveSubgraph(i)}>
                  {graph}
                </button>
              ) : (
                <span className="sy-breadcrumb-crumb is-current" aria-current="page" title={via[i - 1] && via[i - 1] !== graph ? `run by node ${via[i - 1]} of ${path[i - 1]}` : undefined}>
                  {graph}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
