import { create } from "zustand";

/** The "Add subgraph node" chooser: open at a canvas position (where the node goes), or closed. */
export const useSubgraphChooser = create<{ position: { x: number; y: number } | null }>()(() => ({ position: null }));

export const openSubgraphChooser = (position: { x: number; y: number }) => useSubgraphChooser.setState({ position });
export const closeSubgraphChooser = () => useSubgraphChooser.setState({ position: null });
