// Text that crosses a boundary (HTTP bodies, queries, paths, headers, Amazon's answers) must not carry
// control characters: PostgreSQL refuses NUL in text (a 500 instead of a 400), and tabs, line breaks,
// escape sequences or C1 controls in a name or an id are never meant. Lone UTF-16 surrogates cannot be
// stored as UTF-8 either. One rule for every string schema of the cloud contract and the cloud itself.
import { z } from 'zod';

/** C0 controls (including NUL, tab, CR, LF, ESC), DEL and the C1 controls U+0080–U+009F. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;
/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters or broken Unicode';

export function isSafeText(value: string): boolean {
  return !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

/** For text the cloud writes itself from someone else's words (Amazon's error descriptions). */
export function stripUnsafeText(value: string): string {
  return value
    .replace(new RegExp(CONTROL_CHARACTER.source, 'gu'), ' ')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** `z.string()` that refuses control characters and lone surrogates: use it for every string schema. */
export function safeText() {
  return z.string().refine(isSafeText, { message: CONTROL_CHARACTER_MESSAGE });
}
