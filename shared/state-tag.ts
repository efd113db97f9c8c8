// Node only (tsconfig.web.json leaves it out): the core and the sandbox use it, never the renderer.
// The tag by which the sandbox and the desktop name one sign-in without the `state` itself: a hash of it.
import { createHash } from 'node:crypto';

/** The tag both sides compute from a consent URL's `state`. */
export function stateTag(state: string): string {
  return createHash('sha256').update(state).digest('hex').slice(0, 32);
}
