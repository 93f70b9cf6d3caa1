/**
 * How well a typed query matches a command's label, as in VS Code's palette: the query's
 * letters must appear in order; a contiguous match beats a scattered one, and letters at word
 * starts count more. `null` when the letters do not all appear.
 */
export function fuzzyScore(query: string, label: string): number | null {
  const wanted = query.toLowerCase().replace(/\s+/g, "");
  const text = label.toLowerCase();
  if (!wanted) return 0;
  const at = text.indexOf(wanted);
  if (at >= 0) return 1000 - at + (isWordStart(text, at) ? 100 : 0);
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of wanted) {
    const index = text.indexOf(letter, from);
    if (index < 0) return null;
    score += 1 + (index === previous + 1 ? 5 : 0) + (isWordStart(text, index) ? 3 : 0);
    previous = index;
    from = index + 1;
  }
  return score;
}

const isWordStart = (text: string, index: number) => index === 0 || /[\s:/.-]/.test(text[index - 1]);

/** The items whose label matches, best first (ties keep their order). */
export function fuzzyFilter<T>(query: string, items: readonly T[], label: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, label(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
