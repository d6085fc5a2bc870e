/** Marks the moment an island first renders, so `npm run bench` can time screens from there. */
let marked = false;
export function markIslandReady(): void {
  if (!marked && typeof performance !== 'undefined') {
    marked = true;
    performance.mark('cap-progres:island');
  }
}
