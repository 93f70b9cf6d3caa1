import { useEffect, useMemo, useRef, useState } from "react";
import type React from "react";

/**
 * The keyboard of a search box over a list (the command palette, quick add): the box is focused on
 * open, the highlight goes back to the first match when the query changes, arrows move it, Enter
 * chooses the highlighted match, Escape closes. `matchesOf` should be stable (useCallback): the
 * matches are recomputed when it or the query changes.
 */
export function useSearchList<T>(matchesOf: (query: string) => T[], choose: (match: T | undefined) => void, close: () => void) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => matchesOf(query), [matchesOf, query]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
    else if (event.key === "Enter") choose(matches[active]);
    else if (event.key === "Escape") close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return { query, setQuery, active, setActive, input, matches, onKeyDown };
}
