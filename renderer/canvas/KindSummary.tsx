import { nodeKinds, type NodeKindName } from "../../shared/node-kinds";
import { Icon } from "../app/Icon";

/** A node kind's icon, name and one-line description, as the palette and quick-add list show it. */
export function KindSummary({ kind }: { kind: NodeKindName }) {
  const info = nodeKinds[kind];
  return (
    <>
      <span className="sy-palette-icon" aria-hidden="true">
        <Icon name={info.icon} size={14} />
      </span>
      <span className="sy-palette-text">
        <span className="sy-palette-label">{info.label}</span>
        <span className="sy-palette-desc">{info.description}</span>
      </span>
    </>
  );
}
