import { nodeKindNames, nodeKinds, type NodeKindName } from "../../shared/node-kinds";
import { Icon } from "../app/Icon";
import { useSearchList } from "../app/use-search-list";
import { KindSummary } from "./KindSummary";
import { useUiStore } from "../stores/ui-store";
import { addNodeAtCenter } from "./Palette";

/** A searchable list of node kinds on a shortcut (A or Ctrl+K): type, arrow, Enter. */
export function QuickAdd() {
  const close = () => useUiStore.setState({ quickAddOpen: false });
  const choose = (kind: NodeKindName | undefined) => {
    if (!kind) return;
    close();
    addNodeAtCenter(kind);
  };
  const { query, setQuery, active, setActive, input, matches, onKeyDown } = useSearchList(kindsMatching, choose, close);

  return (
    <div className="sy-overlay" onMouseDown={close}>
      <div className="sy-quickadd" role="dialog" aria-modal="true" aria-label="Quick add node" onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-quickadd-search">
          <Icon name="search" size={16} />
          <input
            ref={input}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Add a node: type to search kinds…"
            aria-label="Search node kinds"
            role="combobox"
            aria-expanded="true"
            aria-controls="sy-quickadd-list"
            aria-activedescendant={matches[active] ? `sy-quickadd-${matches[active]}` : undefined}
          />
        </div>
        <ul id="sy-quickadd-list" role="listbox" aria-label="Node kinds">
          {matches.map((kind, i) => {
            const info = nodeKinds[kind];
            return (
              <li
                key={kind}
                id={`sy-quickadd-${kind}`}
                role="option"
                aria-selected={i === active}
                aria-label={info.label}
                className={i === active ? "is-active" : ""}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(kind)}
                style={{ "--kind": info.color } as React.CSSProperties}
              >
                <KindSummary kind={kind} />
              </li>
            );
          })}
          {matches.length === 0 && <li className="sy-quickadd-none">No node kind matches “{query}”</li>}
        </ul>
      </div>
    </div>
  );
}

/** The node kinds whose name, label or description hold every word of the query. */
function kindsMatching(query: string): NodeKindName[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return nodeKindNames.filter((kind) => {
    const info = nodeKinds[kind];
    const text = `${kind} ${info.label} ${info.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
