// Work that should not compete with the first screen: run once the page is idle (at the latest after
// `timeoutMs`), or after `fallbackMs` where there are no idle callbacks (jsdom). Returns a cancel.
export function whenIdle(fn: () => void, timeoutMs: number, fallbackMs = 0): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, fallbackMs);
  return () => clearTimeout(timer);
}
