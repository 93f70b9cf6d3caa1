import type { MouseEvent } from "react";
import { create } from "zustand";

/** The canvas's context menus of this area: on an edge, or on a selection of nodes; where. */
export type CanvasMenu = { kind: "edge"; edge: string; x: number; y: number } | { kind: "selection"; nodes: string[]; x: number; y: number };

export const useCanvasMenu = create<{ menu: CanvasMenu | null }>()(() => ({ menu: null }));

export function openEdgeMenu(event: MouseEvent, edge: string): void {
  event.preventDefault();
  useCanvasMenu.setState({ menu: { kind: "edge", edge, x: event.clientX, y: event.clientY } });
}

export function openSelectionMenu(event: MouseEvent, nodes: string[]): void {
  event.preventDefault();
  useCanvasMenu.setState({ menu: { kind: "selection", nodes, x: event.clientX, y: event.clientY } });
}

export const closeCanvasMenu = () => useCanvasMenu.setState({ menu: null });
