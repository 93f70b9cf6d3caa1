import { useGraphStore } from "../stores/graph-store";
import { appClipboard, clipOf, parseClip, type GraphClip } from "./clipboard";
import { pasteNodes } from "./paste-nodes";

export function selectedNodeIds(): string[] {
  return useGraphStore
    .getState()
    .nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end")
    .map((node) => node.id);
}

/** Copies the selected nodes (and the edges among them). Does not change the document. */
export function copySelection(): GraphClip | null {
  const { doc } = useGraphStore.getState();
  if (!doc) return null;
  const clip = clipOf(doc, selectedNodeIds());
  if (!clip) return null;
  appClipboard.set(clip);
  navigator.clipboard?.writeText(JSON.stringify(clip, null, 2)).catch(() => {});
  return clip;
}

/** Pastes what was copied, offset so the copies are visible next to the originals. Enters history. */
export async function pasteClipboard(): Promise<void> {
  let clip = appClipboard.get();
  try {
    const text = await navigator.clipboard?.readText();
    clip = (text && parseClip(text)) || clip;
  } catch {}
  if (clip) pasteNodes.run({ clip, offset: { x: 40, y: 40 } });
}

/** Copy + paste in one step, leaving the clipboard alone. Enters history. */
export function duplicateSelection(): void {
  const { doc } = useGraphStore.getState();
  if (!doc) return;
  const clip = clipOf(doc, selectedNodeIds());
  if (clip) pasteNodes.run({ clip, offset: { x: 40, y: 40 } });
}
