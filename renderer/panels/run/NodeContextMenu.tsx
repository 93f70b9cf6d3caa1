import { useEffect } from "react";
import { createPortal } from "react-dom";
import { Icon } from "../../app/Icon";
import { keyLabels, withShortcut } from "../../app/keys";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { useGraphStore } from "../../stores/graph-store";
import { closeNodeMenu, useNodeMenu } from "./node-menu-store";
import { NodeMenuReplayItems } from "../replay/NodeMenuReplayItems";

/** Right-click on a node: pause before / pause after (the same command as F9 / Shift+F9), re-run from here, pin, run alone. */
export function NodeContextMenu() {
  const { node: id, x, y } = useNodeMenu();
  const breakpoint = useGraphStore((state) => state.doc?.nodes.find((node) => node.id === id)?.breakpoint);
  useEffect(() => {
    if (!id) return;
    const close = () => closeNodeMenu();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeNodeMenu();
    window.addEventListener("pointerdown", close);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("pointerdown", close);
      window.removeEventListener("keydown", onKey);
    };
  }, [id]);
  if (!id) return null;
  const item = (side: "before" | "after", label: string, shortcut: "run.toggle-breakpoint" | "run.toggle-breakpoint-after") => (
    <button
      type="button"
      role="menuitemcheckbox"
      aria-checked={!!breakpoint?.[side]}
      className="sy-menu-item"
      title={withShortcut(label, shortcut)}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => {
        // The same command as F9 / Shift+F9, on the node right-clicked.
        runCommand(shortcut, { ...commandContext(), selectedNodes: [id] });
        closeNodeMenu();
      }}
    >
      <span className={`sy-menu-check ${breakpoint?.[side] ? "is-on" : ""}`}>{breakpoint?.[side] && <Icon name="check" size={12} />}</span>
      <span className={`sy-menu-dot is-${side}`} aria-hidden="true" />
      {label}
      <kbd>{keyLabels(shortcut)[0]}</kbd>
    </button>
  );
  return createPortal(
    <div className="sy-menu" role="menu" aria-label={`Node ${id}`} style={{ left: x, top: y }}>
      <div className="sy-menu-title">{id}</div>
      {item("before", "Pause before", "run.toggle-breakpoint")}
      {item("after", "Pause after", "run.toggle-breakpoint-after")}
      <NodeMenuReplayItems node={id} onDone={closeNodeMenu} />
    </div>,
    document.body,
  );
}
