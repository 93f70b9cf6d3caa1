import { create } from "zustand";

/** Which tools node "Add tools from server..." is choosing tools for (null: the dialog is closed). */
export const useMcpToolsDialogStore = create<{ nodeId: string | null }>()(() => ({ nodeId: null }));

export const openMcpToolsDialog = (nodeId: string) => useMcpToolsDialogStore.setState({ nodeId });
export const closeMcpToolsDialog = () => useMcpToolsDialogStore.setState({ nodeId: null });
