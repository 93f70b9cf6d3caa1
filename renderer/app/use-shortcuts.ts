import { useEffect } from "react";
import { autoLayout } from "../commands/auto-layout";
import { copySelection, duplicateSelection, pasteClipboard } from "../commands/copy-selection";
import { deleteSelection } from "../commands/delete-selection";
import { runGraph } from "../commands/run-graph";
import { cancelRun, continueRun, stepRun } from "../commands/run/continue-run";
import { selectedNodeIds, toggleBreakpoint } from "../commands/run/toggle-breakpoint";
import { saveGraph } from "../commands/save-graph";
import { selectAll } from "../commands/select-all";
import { openSettings } from "../commands/settings/settings";
import { redo, undo } from "../commands/undo-redo";
import { canvasApi } from "../canvas/canvas-api";
import { problemsOf } from "../stores/problems";
import { selectOnly, useGraphStore } from "../stores/graph-store";
import { MINIMAP_AUTO_LIMIT, useUiStore } from "../stores/ui-store";
import { isTypingTarget, shortcutFor, shortcutInfo, type ShortcutId } from "./shortcuts";

/** Window-level keyboard shortcuts; every one calls the same command as its button. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const id = shortcutFor(event);
      if (!id) return;
      const typing = isTypingTarget(event.target);
      if (typing && !shortcutInfo(id)?.inInputs) return;
      const ui = useUiStore.getState();
      const modalOpen = !!(ui.confirm || ui.prompt || ui.quickAddOpen);
      if (modalOpen && id !== "escape") return;
      if (run(id)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

function run(id: ShortcutId): boolean {
  const hasDoc = !!useGraphStore.getState().doc;
  const ui = useUiStore.getState();
  const docOnly: ShortcutId[] = ["undo", "redo", "copy", "paste", "duplicate", "selectAll", "delete", "quickAdd", "layout", "fit", "run"];
  if (!hasDoc && docOnly.includes(id)) return false;
  switch (id) {
    case "save":
      void saveGraph();
      return true;
    case "undo":
      undo();
      return true;
    case "redo":
      redo();
      return true;
    case "copy":
      copySelection();
      return true;
    case "paste":
      void pasteClipboard();
      return true;
    case "duplicate":
      duplicateSelection();
      return true;
    case "selectAll":
      selectAll();
      return true;
    case "delete":
      void deleteSelection();
      return true;
    case "quickAdd":
      useUiStore.setState({ quickAddOpen: true });
      return true;
    case "layout":
      void autoLayout();
      return true;
    case "fit":
      canvasApi.fitView();
      return true;
    case "snap":
      useUiStore.setState({ snapToGrid: !ui.snapToGrid });
      return true;
    case "minimap": {
      const count = useGraphStore.getState().doc?.nodes.length ?? 0;
      useUiStore.setState({ minimap: !(ui.minimap ?? count <= MINIMAP_AUTO_LIMIT) });
      return true;
    }
    case "settings":
      void openSettings();
      return true;
    case "help":
      useUiStore.setState({ helpOpen: !ui.helpOpen });
      return true;
    case "toggleSidebar":
      useUiStore.setState({ sidebarOpen: !ui.sidebarOpen });
      return true;
    case "toggleBottom":
      useUiStore.setState({ bottomOpen: !ui.bottomOpen });
      return true;
    case "toggleInspector":
      useUiStore.setState({ inspectorOpen: !ui.inspectorOpen });
      return true;
    case "theme":
      useUiStore.setState({ theme: ui.theme === "dark" ? "light" : "dark" });
      return true;
    case "run":
      if (problemsOf(useGraphStore.getState().doc).all.length) void runGraph("");
      else useUiStore.setState({ runPopoverOpen: true });
      return true;
    case "continueRun":
      void continueRun.run();
      return true;
    case "stepRun":
      void stepRun.run();
      return true;
    case "cancelRun":
      void cancelRun.run();
      return true;
    case "breakpointBefore":
    case "breakpointAfter":
      for (const node of selectedNodeIds()) toggleBreakpoint.run(node, id === "breakpointBefore" ? "before" : "after");
      return true;
    case "escape":
      if (ui.helpOpen || ui.quickAddOpen || ui.runPopoverOpen) useUiStore.setState({ helpOpen: false, quickAddOpen: false, runPopoverOpen: false });
      else selectOnly({ nodes: [], edges: [] });
      return true;
  }
}
