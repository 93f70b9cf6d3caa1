import type { CommandId } from "../../../shared/command-table";
import { canvasApi } from "../../canvas/canvas-api";
import { selectOnly, useGraphStore } from "../../stores/graph-store";
import { MINIMAP_AUTO_LIMIT, useUiStore } from "../../stores/ui-store";
import { autoLayout } from "../auto-layout";
import { closeGraph } from "../close-graph";
import { copySelection, duplicateSelection, pasteClipboard } from "../copy-selection";
import { deleteSelection } from "../delete-selection";
import { exportGraphFile, importGraphFile } from "../graph-file";
import { newGraph } from "../new-graph";
import { runGraph } from "../run-graph";
import { continueFromPause } from "../run/continue-from-pause";
import { cancelRun, stepRun } from "../run/continue-run";
import { toggleBreakpoint } from "../run/toggle-breakpoint";
import { saveGraph } from "../save-graph";
import { selectAll } from "../select-all";
import { openSettings } from "../settings/settings";
import { redo, undo } from "../undo-redo";
import { commandContext, type CommandContext } from "./command-context";
import { commandRegistry, runIn, type CommandBehaviour } from "./command-registry";

const always = () => true;
const onGraph = (context: CommandContext) => !!context.graph;
const onEditable = (context: CommandContext) => !!context.graph?.editable;
const canGoOn = (context: CommandContext) => context.hasThread && (context.runStatus === "paused" || context.runStatus === "error" || context.runStatus === "cancelled");
const toggleUi = (key: "sidebarOpen" | "bottomOpen" | "inspectorOpen" | "snapToGrid" | "simplifyFarZoom"): CommandBehaviour => ({
  canRun: always,
  run: () => useUiStore.setState((ui) => ({ [key]: !ui[key] })),
});
/** Inside a text field, undo, redo and select all act on the text (the browser's own editing). */
const textOr = (command: "undo" | "redo" | "selectAll", graph: CommandBehaviour): CommandBehaviour => ({
  canRun: (context) => context.typing || graph.canRun(context),
  run: (context) => (context.typing ? void document.execCommand(command) : graph.run(context)),
});
const breakpoint = (side: "before" | "after"): CommandBehaviour => ({
  canRun: (context) => !!context.graph && context.selectedNodes.length > 0,
  run: (context) => context.selectedNodes.forEach((node) => toggleBreakpoint.run(node, side)),
});

/** What each command of the shared table does. */
const behaviours: Record<CommandId, CommandBehaviour> = {
  "file.new-graph": { canRun: always, run: () => newGraph() },
  "file.import-graph": { canRun: always, run: () => importGraphFile() },
  "file.export-graph": { canRun: onEditable, run: () => exportGraphFile() },
  "file.save": { canRun: onEditable, run: () => saveGraph() },
  "file.close-graph": { canRun: (context) => context.graphOpen, run: () => closeGraph() },

  "edit.undo": textOr("undo", { canRun: (context) => onEditable(context) && context.canUndo, run: undo }),
  "edit.redo": textOr("redo", { canRun: (context) => onEditable(context) && context.canRedo, run: redo }),
  "edit.copy": { canRun: onEditable, run: () => void copySelection() },
  "edit.paste": { canRun: onEditable, run: () => pasteClipboard() },
  "edit.duplicate": { canRun: onEditable, run: duplicateSelection },
  "edit.select-all": textOr("selectAll", { canRun: onGraph, run: selectAll }),
  "edit.delete": { canRun: onEditable, run: () => deleteSelection() },
  "edit.deselect": {
    canRun: always,
    run: () => {
      const ui = useUiStore.getState();
      if (ui.helpOpen || ui.quickAddOpen || ui.runPopoverOpen || ui.paletteOpen || ui.aboutOpen) {
        useUiStore.setState({ helpOpen: false, quickAddOpen: false, runPopoverOpen: false, paletteOpen: false, aboutOpen: false });
      } else selectOnly({ nodes: [], edges: [] });
    },
  },

  "canvas.quick-add": { canRun: onEditable, run: () => useUiStore.setState({ quickAddOpen: true }) },
  "canvas.layout": { canRun: onGraph, run: () => autoLayout() },
  "view.fit": { canRun: onGraph, run: () => canvasApi.fitView() },
  "view.zoom-in": { canRun: onGraph, run: () => canvasApi.zoomIn() },
  "view.zoom-out": { canRun: onGraph, run: () => canvasApi.zoomOut() },
  "canvas.snap": toggleUi("snapToGrid"),
  "canvas.simplify-far": toggleUi("simplifyFarZoom"),
  "canvas.minimap": {
    canRun: always,
    run: () => {
      const count = useGraphStore.getState().doc?.nodes.length ?? 0;
      useUiStore.setState((ui) => ({ minimap: !(ui.minimap ?? count <= MINIMAP_AUTO_LIMIT) }));
    },
  },

  "view.command-palette": { canRun: always, run: () => useUiStore.setState((ui) => ({ paletteOpen: !ui.paletteOpen })) },
  "view.toggle-sidebar": toggleUi("sidebarOpen"),
  "view.toggle-bottom": toggleUi("bottomOpen"),
  "view.toggle-inspector": toggleUi("inspectorOpen"),
  "view.toggle-theme": { canRun: always, run: () => useUiStore.setState((ui) => ({ theme: ui.theme === "dark" ? "light" : "dark" })) },
  "view.settings": { canRun: always, run: () => openSettings() },

  "run.run": {
    canRun: (context) => !!context.graph && context.runStatus !== "running",
    // With problems, Run says what they are instead of asking for input.
    run: (context) => (context.problems ? runGraph("") : useUiStore.setState({ runPopoverOpen: true })),
  },
  "run.continue": { canRun: canGoOn, run: () => continueFromPause() },
  "run.step": { canRun: canGoOn, run: () => stepRun.run() },
  "run.cancel": { canRun: (context) => context.runStatus === "running", run: () => cancelRun.run() },
  "run.toggle-breakpoint": breakpoint("before"),
  "run.toggle-breakpoint-after": breakpoint("after"),

  "help.shortcuts": { canRun: always, run: () => useUiStore.setState((ui) => ({ helpOpen: !ui.helpOpen })) },
  "help.about": { canRun: always, run: () => useUiStore.setState({ aboutOpen: true }) },
};

/** Every command of the app: buttons, keys, the context menu, the native menu and the palette run these. */
export const appCommands = commandRegistry(behaviours);

/** Runs a command now, if it can run; returns whether it ran. */
export function runCommand(id: CommandId, context: CommandContext = commandContext()): boolean {
  return runIn(appCommands, id, context);
}

export function canRunCommand(id: CommandId, context: CommandContext = commandContext()): boolean {
  return appCommands[id].canRun(context);
}
