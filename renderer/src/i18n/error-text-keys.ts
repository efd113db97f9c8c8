// The shape both error text files must have: a sentence for every ErrorCode (a missing one is a compile
// error), optional variants of a code (`_generic` when a parameter the sentence needs is missing, `_one`
// for a count of one, `_dialog` inside the dialog the text would send the user to, `_cloud` for a name
// clash in the cloud account), and UNKNOWN for codes this version does not know. A key that is none of these —
// a misspelt or removed code — is a compile error too (excess property check of `satisfies`).
import type { ErrorCode } from '../../../shared/error-codes';

export type ErrorTexts = Record<ErrorCode, string> &
  Partial<Record<`${ErrorCode}_${'generic' | 'one' | 'dialog' | 'cloud'}`, string>> & { UNKNOWN: string };
