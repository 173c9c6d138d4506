/**
 * "Did you mean": the name among the known ones nearest a misspelt one (`acessKey` → `accessKey`,
 * `--name-regx` → `--name-regex`), by edit distance, when it is near enough to be a likely typo.
 */

/** Levenshtein distance, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The known name nearest `name`, when at most a third of its letters (at least one) differ. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (best === undefined || d < best.distance) best = { name: candidate, distance: d };
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && best.distance <= allowed ? best.name : undefined;
}

/** `; did you mean X?` for a message, or "" when no known name is near. */
export function didYouMean(
  name: string,
  known: readonly string[],
  show: (n: string) => string = (n) => n,
): string {
  const closest = closestName(name, known);
  return closest === undefined ? "" : `; did you mean ${show(closest)}?`;
}
