import { useEffect } from "react";
import { createPortal } from "react-dom";
import { describeConditionalBreakpoint, isConditionalBreakpoint } from "../../../shared/breakpoints";
import { Icon } from "../../app/Icon";
import { keyLabels, withShortcut } from "../../app/keys";
import { canRunCommand, runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { breakpointsOf, useOpenGraphView } from "../../stores/open-graph-facts";
import { closeNodeMenu, useNodeMenu } from "./node-menu-store";
import { SubgraphNodeMenuItems } from "../../canvas/subgraph/SubgraphNodeMenuItems";
import { NodeMenuReplayItems } from "../replay/NodeMenuReplayItems";

/** Right-click on a node: pause before / pause after (the same command as F9 / Shift+F9), its condition, re-run from here, pin, run alone. */
export function NodeContextMenu() {
  const { node: id, x, y } = useNodeMenu();
  const view = useOpenGraphView();
  const breakpoint = id ? breakpointsOf(view)[id] : undefined;
  useEffect(() => {
    if (!id) return;
    const close = () => closeNodeMenu();
    // Escape closes the menu only (taken before the window's shortcuts, which would clear the selection or leave a subgraph).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      closeNodeMenu();
    };
    window.addEventListener("pointerdown", close);
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("pointerdown", close);
      window.removeEventListener("keydown", onKey, true);
    };
  }, [id]);
  if (!id) return null;
  const conditionsApply = canRunCommand("run.edit-breakpoint", { ...commandContext(), selectedNodes: [id] });
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
      <SubgraphNodeMenuItems id={id} onClose={closeNodeMenu} />
      {conditionsApply && (
        <button
          type="button"
          role="menuitem"
          className="sy-menu-item"
          title={isConditionalBreakpoint(breakpoint) ? describeConditionalBreakpoint(breakpoint!) : "Pause only when a rule holds, or only the Nth time"}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => {
            runCommand("run.edit-breakpoint", { ...commandContext(), selectedNodes: [id] });
            closeNodeMenu();
          }}
        >
          <span className="sy-menu-check" />
          <span className={`sy-menu-dot is-before ${isConditionalBreakpoint(breakpoint) ? "is-conditional" : ""}`} aria-hidden="true" />
          Edit breakpoint...
        </button>
      )}
      <NodeMenuReplayItems node={id} onDone={closeNodeMenu} />
    </div>,
    document.body,
  );
}
