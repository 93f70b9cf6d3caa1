import { memo, type DragEvent } from "react";
import { nodeKindNames, nodeKinds, type NodeKindName } from "../../shared/node-kinds";
import { addNode } from "../commands/add-node";
import { runCommand } from "../commands/registry/app-commands";
import { Icon } from "../app/Icon";
import { KindSummary } from "./KindSummary";
import { NODE_HEIGHT, NODE_WIDTH } from "../stores/flow-from-doc";
import { canvasApi } from "./canvas-api";
import { openSubgraphChooser } from "./subgraph/subgraph-chooser-store";

export const PALETTE_MIME = "application/x-switchyard-kind";

/** Add a node at the middle of the visible canvas (clicks, quick-add). */
export function addNodeAtCenter(kind: NodeKindName): void {
  const center = canvasApi.center();
  const jitter = (Math.random() - 0.5) * 40;
  addNodeAt(kind, { x: center.x - NODE_WIDTH / 2 + jitter, y: center.y - NODE_HEIGHT / 2 + jitter });
}

/** Adds a node of a kind there; a subgraph node first asks which graph it runs (or to make one of the selection). */
export function addNodeAt(kind: NodeKindName, position: { x: number; y: number }): void {
  if (kind === "subgraph") return openSubgraphChooser(position);
  addNode.run({ kind, position });
}

/** The node kinds, each draggable onto the canvas (or clicked to add at the centre). */
export const Palette = memo(function Palette({ disabled }: { disabled: boolean }) {
  const onDragStart = (event: DragEvent, kind: NodeKindName) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <ul className="sy-palette" aria-label="Node kinds">
      {nodeKindNames.map((kind) => {
        const info = nodeKinds[kind];
        return (
          <li key={kind}>
            <button
              type="button"
              className="sy-palette-item"
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(event) => onDragStart(event, kind)}
              onClick={() => addNodeAtCenter(kind)}
              aria-label={`Add ${info.label} node`}
              title={`${info.description}\nDrag onto the canvas, or click to add.`}
              style={{ "--kind": info.color } as React.CSSProperties}
            >
              <KindSummary kind={kind} />
            </button>
          </li>
        );
      })}
      <li>
        <button
          type="button"
          className="sy-palette-item is-preset"
          disabled={disabled}
          onClick={() => runCommand("canvas.add-router")}
          aria-label="Add Router preset"
          title={"An LLM node that answers with a route (an enum output field), and one edge per value to a new node.\nClick to add."}
          style={{ "--kind": nodeKinds.llm.color } as React.CSSProperties}
        >
          <span className="sy-palette-icon" aria-hidden="true">
            <Icon name="fork" size={14} />
          </span>
          <span className="sy-palette-text">
            <span className="sy-palette-label">Router</span>
            <span className="sy-palette-desc">A model picks a route (billing / tech); one edge per value.</span>
          </span>
        </button>
      </li>
    </ul>
  );
});
