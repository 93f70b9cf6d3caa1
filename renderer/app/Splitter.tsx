import { useCallback } from "react";

/** A drag handle between panels; reports the new size, clamped. Keyboard: arrows resize by 16 px. */
export function Splitter({ orientation, label, size, min, max, onResize, invert }: { orientation: "vertical" | "horizontal"; label: string; size: number; min: number; max: number; onResize: (size: number) => void; invert?: boolean }) {
  const clamp = useCallback((value: number) => Math.max(min, Math.min(max, Math.round(value))), [min, max]);
  const onPointerDown = (event: React.PointerEvent) => {
    event.preventDefault();
    const start = orientation === "vertical" ? event.clientX : event.clientY;
    const move = (moveEvent: PointerEvent) => {
      const delta = (orientation === "vertical" ? moveEvent.clientX : moveEvent.clientY) - start;
      onResize(clamp(size + (invert ? -delta : delta)));
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      document.body.classList.remove("is-resizing");
    };
    document.body.classList.add("is-resizing");
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const grow = orientation === "vertical" ? (invert ? "ArrowLeft" : "ArrowRight") : invert ? "ArrowUp" : "ArrowDown";
    const shrink = orientation === "vertical" ? (invert ? "ArrowRight" : "ArrowLeft") : invert ? "ArrowDown" : "ArrowUp";
    if (event.key === grow) onResize(clamp(size + 16));
    else if (event.key === shrink) onResize(clamp(size - 16));
  };
  return (
    <div
      className={`sy-splitter is-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
