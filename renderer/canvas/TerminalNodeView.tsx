import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { TerminalNode } from "../stores/flow-from-doc";

/** START and END: round terminals, START only connects out (to choose the entry), END only in. */
export const TerminalNodeView = memo(function TerminalNodeView({ data }: NodeProps<TerminalNode>) {
  const isStart = data.terminal === "start";
  return (
    <div className={`sy-terminal ${isStart ? "is-start" : "is-end"}`} title={isStart ? "Where every run begins: connect it to the first node" : "Where a run finishes"}>
      {!isStart && <Handle type="target" position={Position.Top} className="sy-handle" aria-label="Connect into END" />}
      <span className="sy-terminal-dot" aria-hidden="true" />
      {isStart ? "START" : "END"}
      {isStart && <Handle type="source" position={Position.Bottom} className="sy-handle" aria-label="Connect from START" />}
    </div>
  );
});
