import { hasUnsavedEdits } from "../stores/unsaved-edits";
import { ReactFlowProvider } from "@xyflow/react";
import { useEffect } from "react";
import { Canvas } from "../canvas/Canvas";
import { QuickAdd } from "../canvas/QuickAdd";
import { startAutosave } from "../commands/autosave";
import { handleWorkspaceEvent } from "../commands/external-change";
import { subscribeWorkspaceEvents } from "../client/workspace-events";
import { BottomPanel } from "../panels/BottomPanel";
import { GraphInspector } from "../panels/code-graph/DrawnGraphInspector";
import { Sidebar } from "../panels/Sidebar";
import { useGraphStore } from "../stores/graph-store";
import { MINIMAP_AUTO_LIMIT, useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { isEditable, useOpenGraph } from "../stores/open-graph-store";
import { debugEdgesOf, debugNodesOf, useIsGraphShown, useOpenGraphView } from "../stores/open-graph-facts";
import { CompareDialog } from "../panels/compare/CompareDialog";
import { Dialogs } from "./Dialogs";
import { HelpOverlay } from "./HelpOverlay";
import { Icon } from "./Icon";
import { withShortcut } from "./keys";
import { runCommand } from "../commands/registry/app-commands";
import { Splitter } from "./Splitter";
import { Toasts } from "./Toasts";
import { TopBar } from "./TopBar";
import { AboutDialog } from "./AboutDialog";
import { CommandPalette } from "./CommandPalette";
import { useMenuState } from "./use-menu-state";
import { useMenuCommands, useShortcuts } from "./use-shortcuts";

/** The window: top bar; sidebar | canvas | inspector; bottom panel. */
export function App() {
  const ui = useUiStore();
  const hasGraph = useGraphStore((state) => !!state.graphName);
  // A workspace graph's document, or a graph defined in code or deployed (drawn, never a document).
  const hasDoc = useIsGraphShown();
  const readOnly = useOpenGraph((state) => !isEditable(state.graph));
  useShortcuts();
  useMenuCommands();
  useMenuState();
  useWorkspaceSession();
  useEffect(() => {
    document.documentElement.dataset.theme = ui.theme;
  }, [ui.theme]);

  const columns = [ui.sidebarOpen ? `${ui.sidebarWidth}px 0px` : "0px 0px", "minmax(0, 1fr)", ui.inspectorOpen && hasDoc ? `0px ${ui.inspectorWidth}px` : "0px 0px"].join(" ");
  return (
    <ReactFlowProvider>
      <div className="sy-app">
        <TopBar />
        <div className="sy-main" style={{ gridTemplateColumns: columns }}>
          <div className="sy-cell">{ui.sidebarOpen && <Sidebar />}</div>
          {ui.sidebarOpen ? <Splitter orientation="vertical" label="Resize sidebar" size={ui.sidebarWidth} min={180} max={420} onResize={(sidebarWidth) => useUiStore.setState({ sidebarWidth })} /> : <div />}
          <div className="sy-center" style={{ gridTemplateRows: ui.bottomOpen ? `minmax(0, 1fr) 0px ${ui.bottomHeight}px` : "minmax(0, 1fr) 0px 0px" }}>
            <main className="sy-canvas-wrap" aria-label="Editor">
              {hasDoc ? <Canvas /> : <NoGraph hasGraph={hasGraph} />}
            </main>
            {ui.bottomOpen ? <Splitter orientation="horizontal" label="Resize bottom panel" size={ui.bottomHeight} min={90} max={520} invert onResize={(bottomHeight) => useUiStore.setState({ bottomHeight })} /> : <div />}
            <div className="sy-cell">{ui.bottomOpen && <BottomPanel />}</div>
          </div>
          {ui.inspectorOpen && hasDoc ? <Splitter orientation="vertical" label="Resize inspector" size={ui.inspectorWidth} min={260} max={640} invert onResize={(inspectorWidth) => useUiStore.setState({ inspectorWidth })} /> : <div />}
          <div className="sy-cell">{ui.inspectorOpen && hasDoc && <GraphInspector />}</div>
        </div>
        <StatusBar />
        {ui.quickAddOpen && hasDoc && !readOnly && <QuickAdd />}
        {ui.helpOpen && <HelpOverlay />}
        {ui.paletteOpen && <CommandPalette />}
        {ui.aboutOpen && <AboutDialog />}
        <Dialogs />
        <CompareDialog />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}

function NoGraph({ hasGraph }: { hasGraph: boolean }) {
  const loadProblems = useGraphStore((state) => state.loadProblems);
  const loadText = useGraphStore((state) => state.loadText);
  const graphs = useWorkspaceStore((state) => state.graphs.length);
  if (hasGraph) {
    return (
      <div className="sy-no-graph is-broken" role="alert">
        <Icon name="alert" size={28} />
        <strong>This file is not a valid graph document</strong>
        <span>Fix it in a text editor; it reloads here when saved. The problems are listed below.</span>
        <pre className="sy-broken-text">{loadText.slice(0, 2000)}</pre>
        {loadProblems.length === 0 && null}
      </div>
    );
  }
  return (
    <div className="sy-no-graph">
      <Icon name="graph" size={32} />
      <strong>{graphs ? "Open a graph from the sidebar" : "This workspace has no graphs yet"}</strong>
      <span>Graphs are files in the workspace folder (NAME.graph.json); the sidebar lists them.</span>
    </div>
  );
}

function StatusBar() {
  const path = useWorkspaceStore((state) => state.path);
  const connected = useWorkspaceStore((state) => state.connected);
  const snap = useUiStore((state) => state.snapToGrid);
  const minimapSetting = useUiStore((state) => state.minimap);
  const view = useOpenGraphView();
  const nodeCount = debugNodesOf(view).length;
  const minimap = minimapSetting ?? nodeCount <= MINIMAP_AUTO_LIMIT;
  const counts = view.doc ? `${view.doc.nodes.length} nodes · ${view.doc.edges.length} edges` : nodeCount ? `${nodeCount} nodes · ${debugEdgesOf(view).length} edges` : "";
  return (
    <footer className="sy-statusbar" aria-label="Status bar">
      <span className={`sy-conn ${connected ? "is-on" : ""}`} title={connected ? "Watching the workspace for changes" : "Not connected to the server's file events"}>
        <span className="sy-conn-dot" aria-hidden="true" /> {connected ? "Live" : "Offline"}
      </span>
      <span className="sy-status-path" title={path}>
        {path}
      </span>
      <span className="sy-spacer" />
      <span>{counts}</span>
      <button type="button" className={`sy-status-toggle ${snap ? "is-on" : ""}`} aria-pressed={snap} aria-label="Snap to grid" title={withShortcut("Snap to grid", "canvas.snap")} onClick={() => runCommand("canvas.snap")}>
        <Icon name="grid" size={12} /> Snap
      </button>
      <button type="button" className={`sy-status-toggle ${minimap ? "is-on" : ""}`} aria-pressed={minimap} aria-label="Minimap" title={`${withShortcut("Minimap", "canvas.minimap")}${minimapSetting === null ? ` · automatic: hidden above ${MINIMAP_AUTO_LIMIT} nodes` : ""}`} onClick={() => runCommand("canvas.minimap")}>
        <Icon name="panelRight" size={12} /> Minimap
      </button>
      <button type="button" className="sy-status-toggle" aria-label="Keyboard shortcuts help" title={withShortcut("Keyboard shortcuts", "help.shortcuts")} onClick={() => runCommand("help.shortcuts")}>
        <Icon name="help" size={12} /> Shortcuts
      </button>
    </footer>
  );
}

/** Follows file events, autosaves, warns before leaving with unsaved edits (main.tsx opened the workspace). */
function useWorkspaceSession(): void {
  useEffect(() => {
    const stopEvents = subscribeWorkspaceEvents(
      (event) => void handleWorkspaceEvent(event),
      () => useWorkspaceStore.setState({ connected: true }),
    );
    const stopAutosave = startAutosave();
    const warnUnsaved = (event: BeforeUnloadEvent) => {
      if (hasUnsavedEdits()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warnUnsaved);
    return () => {
      stopEvents();
      stopAutosave();
      window.removeEventListener("beforeunload", warnUnsaved);
    };
  }, []);
}
