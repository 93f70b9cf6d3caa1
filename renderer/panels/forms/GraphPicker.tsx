import { useShallow } from "zustand/react/shallow";
import { useGraphStore } from "../../stores/graph-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { SelectInput } from "./controls";

/** The graph a subgraph node runs: one of the workspace's document graphs, other than this one. */
export function GraphPicker({ label, value, onChange, help }: { label: string; value: string; onChange: (graph: string) => void; help?: string }) {
  const self = useGraphStore((state) => state.graphName);
  const graphs = useWorkspaceStore(useShallow((state) => state.graphs.filter((graph) => graph.source !== "code" && graph.name !== self).map((graph) => graph.name)));
  const options = [{ value: "", label: graphs.length ? "Choose a graph…" : "No other graph in this workspace" }, ...graphs.map((name) => ({ value: name, label: name }))];
  // A name the workspace does not have (a deleted file) stays visible so the person sees what the node runs.
  if (value && !graphs.includes(value)) options.push({ value, label: `${value} (not in this workspace)` });
  return <SelectInput label={label} value={value} options={options} onChange={onChange} help={help} />;
}
