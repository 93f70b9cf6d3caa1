import { memo } from "react";

/** Stroke icons in the style of Lucide (24×24 grid, 1.75 stroke), drawn inline so the app works offline. */
const paths: Record<string, string[]> = {
  sparkles: ["M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9z", "M19 3v4", "M21 5h-4", "M5 17v4", "M7 19H3"],
  wrench: ["M14.7 6.3a4 4 0 0 0-5.4 5.2L3 17.8V21h3.2l6.3-6.3a4 4 0 0 0 5.2-5.4l-2.6 2.6-2.5-.6-.6-2.5z"],
  user: ["M20 21a8 8 0 0 0-16 0", "M12 13a5 5 0 1 0 0-10 5 5 0 0 0 0 10z"],
  pencil: ["M17 3l4 4L8 20H4v-4z", "M14 6l4 4"],
  play: ["M7 4l13 8-13 8z"],
  stop: ["M6 6h12v12H6z"],
  save: ["M5 3h11l3 3v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z", "M7 3v5h8V3", "M7 21v-7h10v7"],
  undo: ["M9 14L4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  redo: ["M15 14l5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"],
  plus: ["M12 5v14", "M5 12h14"],
  trash: ["M3 6h18", "M8 6V4h8v2", "M19 6l-1 14H6L5 6", "M10 11v6", "M14 11v6"],
  copy: ["M9 9h11v11H9z", "M5 15H4V4h11v1"],
  layout: ["M4 4h6v6H4z", "M14 14h6v6h-6z", "M7 10v4a2 2 0 0 0 2 2h5"],
  help: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3", "M12 17h.01"],
  sun: ["M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10z", "M12 1v2", "M12 21v2", "M4.2 4.2l1.4 1.4", "M18.4 18.4l1.4 1.4", "M1 12h2", "M21 12h2", "M4.2 19.8l1.4-1.4", "M18.4 5.6l1.4-1.4"],
  moon: ["M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"],
  search: ["M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z", "M21 21l-4.3-4.3"],
  graph: ["M6 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6z", "M18 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6z", "M6 9v3a3 3 0 0 0 3 3h6"],
  more: ["M12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z", "M19 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z", "M5 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z"],
  x: ["M18 6L6 18", "M6 6l12 12"],
  alert: ["M12 3l10 18H2z", "M12 10v4", "M12 18h.01"],
  error: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M15 9l-6 6", "M9 9l6 6"],
  check: ["M20 6L9 17l-5-5"],
  fork: ["M12 21v-8", "M12 13L5 6", "M12 13l7-7", "M5 10V6h4", "M19 10V6h-4"],
  merge: ["M12 21v-8", "M5 4l7 9", "M19 4l-7 9"],
  map: ["M4 12h6", "M10 12l8-6", "M10 12h8", "M10 12l8 6"],
  chevronUp: ["M18 15l-6-6-6 6"],
  chevronDown: ["M6 9l6 6 6-6"],
  chevronRight: ["M9 18l6-6-6-6"],
  grid: ["M3 3h18v18H3z", "M3 9h18", "M3 15h18", "M9 3v18", "M15 3v18"],
  fit: ["M3 8V3h5", "M21 8V3h-5", "M3 16v5h5", "M21 16v5h-5"],
  sidebar: ["M3 3h18v18H3z", "M9 3v18"],
  panelBottom: ["M3 3h18v18H3z", "M3 15h18"],
  panelRight: ["M3 3h18v18H3z", "M15 3v18"],
  code: ["M16 18l6-6-6-6", "M8 6l-6 6 6 6"],
  form: ["M4 6h16", "M4 12h10", "M4 18h7"],
  pause: ["M8 5v14", "M16 5v14"],
  rename: ["M4 20h4L19 9l-4-4L4 16z"],
  file: ["M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z", "M14 3v6h6"],
  cloud: ["M17.5 19H8a6 6 0 1 1 5.7-7.9A4.5 4.5 0 1 1 17.5 19z"],
  download: ["M12 3v12", "M7 10l5 5 5-5", "M5 21h14"],
  refresh: ["M21 12a9 9 0 0 1-15.5 6.3L3 16", "M3 12a9 9 0 0 1 15.5-6.3L21 8", "M21 3v5h-5", "M3 21v-5h5"],
  keyboard: ["M2 6h20v12H2z", "M6 10h.01", "M10 10h.01", "M14 10h.01", "M18 10h.01", "M7 14h10"],
  pin: ["M12 17v5", "M9 10.8a2 2 0 0 1-1.1 1.8l-1.8.9A2 2 0 0 0 5 15.2V16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-.8a2 2 0 0 0-1.1-1.8l-1.8-.9a2 2 0 0 1-1.1-1.8V7a1 1 0 0 1 1-1 2 2 0 0 0 0-4H8a2 2 0 0 0 0 4 1 1 0 0 1 1 1z"],
  replay: ["M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8", "M3 3v5h5"],
  zap: ["M13 2L3 14h9l-1 8 10-12h-9l1-8z"],
  drag: ["M9 5h.01", "M15 5h.01", "M9 12h.01", "M15 12h.01", "M9 19h.01", "M15 19h.01"],
};

export type IconName = keyof typeof paths;

export const Icon = memo(function Icon({ name, size = 16, className }: { name: IconName | string; size?: number; className?: string }) {
  const d = paths[name] ?? paths.graph;
  return (
    <svg className={className ? `icon ${className}` : "icon"} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {d.map((path) => (
        <path key={path} d={path} />
      ))}
    </svg>
  );
});

const imageCache = new Map<string, string>();

/**
 * The same icon as an <img> of a data URL, in a fixed colour. The canvas draws one per node this
 * way: an image is a plain paint for the compositor, where an inline <svg> adds a transform node
 * per node (measurably slower to pan and drag with hundreds of nodes).
 */
export function iconImageUrl(name: string, color: string): string {
  const key = `${name}|${color}`;
  let url = imageCache.get(key);
  if (!url) {
    const d = paths[name] ?? paths.graph;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${d.map((path) => `<path d="${path}"/>`).join("")}</svg>`;
    url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    imageCache.set(key, url);
  }
  return url;
}
