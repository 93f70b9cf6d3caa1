import { createContext, useContext } from "react";

/**
 * Below this zoom the canvas draws node boxes, badges and edges only: text is unreadable there,
 * and not creating it keeps big graphs (which open zoomed out) cheap to load, pan and drag.
 * The person can turn this off (command "canvas.simplify-far", ui-store `simplifyFarZoom`): then
 * every zoom draws full detail.
 */
export const FAR_ZOOM = 0.45;

const FullDetail = createContext(true);

/** Set by the canvas; one change re-renders each node once, not on every viewport move. */
export const FullDetailProvider = FullDetail.Provider;

export function useFullDetail(): boolean {
  return useContext(FullDetail);
}
