// `target.push(...items)` passes every item as an argument: past ≈ 100,000 items (the findings of
// a hostile archive) V8 throws « Maximum call stack size exceeded ». Input-sized lists are appended
// with a loop instead.

/** Appends every item of `items` to `target` and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
