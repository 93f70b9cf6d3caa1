import { create } from "zustand";

/** "Edit breakpoint...": the node whose breakpoint fields the inspector should bring into view and focus. */
export const useBreakpointFocus = create<{ node: string | null }>()(() => ({ node: null }));
