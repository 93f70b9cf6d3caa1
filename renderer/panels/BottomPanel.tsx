import { Icon } from "../app/Icon";
import { useGraphStore } from "../stores/graph-store";
import { useProblems } from "../stores/problems-store";
import { useRunStore } from "../stores/run-store";
import { useTestsStore } from "../stores/tests-store";
import { useThreadStore } from "../stores/thread-store";
import { useUiStore, type BottomTab } from "../stores/ui-store";
import { EventLog } from "./event-log/EventLog";
import { RunPanel } from "./run/RunPanel";
import { Timeline } from "./timeline/Timeline";
import { ProblemsList } from "./ProblemsList";
import { TestsPanel } from "./tests/TestsPanel";
import { PinsPanel } from "./replay/PinsPanel";
import { usePinsStore } from "../stores/pins-store";

/** Bottom panel tabs. Only tabs that work are shown; Chat, Timeline and Tests join with the debugger. */
export function BottomPanel() {
  const tab = useUiStore((state) => state.bottomTab);
  const validated = useProblems((index) => index.all.length);
  const loadProblems = useGraphStore((state) => state.loadProblems.length);
  const problemCount = validated || loadProblems;
  const eventCount = useRunStore((state) => state.events.length);
  const checkpointCount = useThreadStore((state) => state.history.length);
  const graphName = useGraphStore((state) => state.graphName);
  const pinCount = usePinsStore((state) => (state.graph === graphName ? Object.keys(state.pins).length : 0));
  const testFailures = useTestsStore((state) => Object.values(state.results).filter((result) => result.status === "failed" || result.status === "error").length);
  const tabs: { id: BottomTab; label: string; count: number }[] = [
    { id: "run", label: "Run", count: 0 },
    { id: "events", label: "Events", count: eventCount },
    { id: "timeline", label: "Timeline", count: checkpointCount },
    { id: "tests", label: "Tests", count: testFailures },
    { id: "pins", label: "Pins", count: pinCount },
    { id: "problems", label: "Problems", count: problemCount },
  ];
  return (
    <section className="sy-bottom" aria-label="Bottom panel">
      <div className="sy-tabs" role="tablist" aria-label="Bottom panel tabs">
        {tabs.map((item) => (
          <button key={item.id} type="button" role="tab" id={`sy-tab-${item.id}`} aria-controls={`sy-tabpanel-${item.id}`} aria-selected={tab === item.id} className="sy-tab" onClick={() => useUiStore.setState({ bottomTab: item.id })}>
            {item.label}
            {item.count > 0 && <span className={`sy-badge ${item.id === "problems" ? "is-error" : ""}`}>{item.count}</span>}
          </button>
        ))}
        <span className="sy-spacer" />
        <button type="button" className="sy-icon-button" aria-label="Hide bottom panel" title="Hide bottom panel (Ctrl+J)" onClick={() => useUiStore.setState({ bottomOpen: false })}>
          <Icon name="x" size={14} />
        </button>
      </div>
      <div className="sy-tabpanel" role="tabpanel" id={`sy-tabpanel-${tab}`} aria-labelledby={`sy-tab-${tab}`}>
        {tab === "problems" ? <ProblemsList /> : tab === "run" ? <RunPanel /> : tab === "timeline" ? <Timeline /> : tab === "tests" ? <TestsPanel /> : tab === "pins" ? <PinsPanel /> : <EventLog />}
      </div>
    </section>
  );
}
