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
import { compareFromPalette } from "../run/compare-checkpoints";
import { editBreakpoint } from "../run/edit-breakpoint";
import { toggleBreakpoint } from "../run/toggle-breakpoint";
import { addRouterAtCenter } from "../tools/add-router-at-center";
import { openAddMcpTools, selectedToolsNode } from "../tools/open-mcp-tools";
import { debugNodesOf, openGraphView } from "../../stores/open-graph-facts";
import { openPinDialog, openRunNodeDialog, rerunSelected } from "../replay/replay-commands";
import { unpinNode } from "../replay/pins";
import { saveGraph } from "../save-graph";
import { recordCassettes } from "../tests/record-cassettes";
import { selectAll } from "../select-all";
import { openSettings } from "../settings/settings";
import { redo, undo } from "../undo-redo";
import { commandContext, type CommandContext } from "./command-context";
import { commandRegistry, runIn, type CommandBehaviour } from "./command-registry";
import { subgraphBehaviours } from "./subgraph-commands";
import { subgraphDepth } from "../../stores/open-graph-store";
import { leaveSubgraph } from "../subgraph/subgraph-navigation";

const always = () => true;
const onGraph = (context: CommandContext) => !!context.graph;
const onEditable = (context: CommandContext) => !!context.graph?.editable;
const canGoOn = (context: CommandContext) => context.hasThread && (context.runStatus === "paused" || context.runStatus === "error" || context.runStatus === "cancelled");
const canRerunLive = (context: CommandContext) => context.hasThread && !!context.selectedCheckpoint && context.runStatus !== "running";
/** Replaying needs the thread's recording: this workspace's server. */
const canRerun = (context: CommandContext) => context.recorded && canRerunLive(context);
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

const hasSelection = () => {
  const { nodes, edges } = useGraphStore.getState();
  return nodes.some((node) => node.selected) || edges.some((edge) => edge.selected);
};

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
      } else if (hasSelection() || subgraphDepth() === 0) selectOnly({ nodes: [], edges: [] });
      // Nothing left to close or clear: Esc goes back up to the parent graph.
      else void leaveSubgraph();
    },
  },

  "canvas.quick-add": { canRun: onEditable, run: () => useUiStore.setState({ quickAddOpen: true }) },
  "canvas.layout": { canRun: onGraph, run: () => autoLayout() },
  "canvas.add-router": { canRun: onEditable, run: () => addRouterAtCenter() },
  "edit.add-mcp-tools": { canRun: (context) => !!selectedToolsNode(context), run: (context) => openAddMcpTools(selectedToolsNode(context)!) },
  "view.fit": { canRun: onGraph, run: () => canvasApi.fitView() },
  "view.zoom-in": { canRun: onGraph, run: () => canvasApi.zoomIn() },
  "view.zoom-out": { canRun: onGraph, run: () => canvasApi.zoomOut() },
  "canvas.snap": toggleUi("snapToGrid"),
  ...subgraphBehaviours,
  "canvas.simplify-far": toggleUi("simplifyFarZoom"),
  "canvas.minimap": {
    canRun: always,
    run: () => {
      const count = debugNodesOf(openGraphView()).length;
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
  // A conditional pause is compiled into the node by Switchyard's engine: graph files only, not code or remote graphs.
  "run.edit-breakpoint": { canRun: (context) => onEditable(context) && context.selectedNodes.length === 1, run: (context) => editBreakpoint(context.selectedNodes[0]) },
  "run.compare-checkpoints": { canRun: (context) => context.hasThread, run: () => compareFromPalette() },
  "tests.record": { canRun: onEditable, run: () => recordCassettes("record") },
  "tests.record-missing": { canRun: onEditable, run: () => recordCassettes("record-missing") },
  "run.rerun-replay": { canRun: canRerun, run: (context) => rerunSelected(context, { replay: true }) },
  "run.rerun-live": { canRun: canRerunLive, run: (context) => rerunSelected(context, { replay: false }) },
  "run.pin-output": { canRun: (context) => context.recorded && context.selectedNodes.length === 1, run: (context) => openPinDialog(context.selectedNodes[0], context.selectedCheckpoint) },
  "run.unpin": { canRun: (context) => context.recorded && context.selectedNodes.some((node) => context.pinnedNodes.includes(node)), run: (context) => context.selectedNodes.filter((node) => context.pinnedNodes.includes(node)).forEach((node) => void unpinNode(node)) },
  "run.run-node": { canRun: (context) => context.recorded && context.hasThread && context.selectedNodes.length === 1 && context.runStatus !== "running", run: (context) => openRunNodeDialog(context.selectedNodes[0], context.selectedCheckpoint) },
  "view.pins": { canRun: (context) => context.recorded, run: () => useUiStore.setState({ bottomOpen: true, bottomTab: "pins" }) },

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
