/**
 * Work that must not delay a paint (the filters, panels fetched later, figures kept in this browser, secondary
 * charts) runs once the frame that paints has run, then one task more. Returns a function that cancels it if
 * it has not run yet.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
