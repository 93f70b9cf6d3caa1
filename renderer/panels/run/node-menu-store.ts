import type { MouseEvent } from "react";
import { create } from "zustand";

/** The node context menu: which node, where. */
export const useNodeMenu = create<{ node: string | null; x: number; y: number }>()(() => ({ node: null, x: 0, y: 0 }));

export function openNodeMenu(event: MouseEvent, node: string): void {
  event.preventDefault();
  useNodeMenu.setState({ node, x: event.clientX, y: event.clientY });
}

export const closeNodeMenu = () => useNodeMenu.setState({ node: null });
