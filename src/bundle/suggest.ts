// "Did you mean": the closest known id to a mistyped one, when it is close enough to be a typo.

export function closestId(wanted: string, known: Iterable<string>): string | undefined {
  const target = wanted.toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const id of known) {
    const distance = editDistance(target, id.toLowerCase());
    if (!best || distance < best.distance || (distance === best.distance && id < best.id)) best = { id, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 4)) ? best.id : undefined;
}

/** Levenshtein distance, two rows of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
