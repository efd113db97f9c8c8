// The Bezeichnung field's state, the same in "Neue Plattform" and the register Allgemein: the value,
// the refusal shown next to it (the name rule of shared/platform-name.ts checked here first, for a
// German message before anything is sent), and the free name a clash suggests.
import { useRef, useState, type ChangeEvent } from 'react';
import { PLATFORM_NAME_MAX, platformNameProblem } from '../../../shared/platform-name';
import type { AppError } from '../../../shared/result';

/** The free name the core offers with a name clash (PLATFORM_NAME_TAKEN), if any. */
export function nameSuggestion(error: AppError | null): string | undefined {
  const suggestion = error?.code === 'PLATFORM_NAME_TAKEN' ? error.params?.suggestion : undefined;
  return typeof suggestion === 'string' ? suggestion : undefined;
}

export function useNameField(initial: string) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  /** Shows the refusal next to the field and puts the cursor back in it. */
  const refuse = (refusal: AppError) => {
    setError(refusal);
    input.current?.focus();
  };
  /** False (and the rule's message shown) when the value breaks the name rule; true when it may be sent. */
  const passesRule = (value: string): boolean => {
    const problem = platformNameProblem(value);
    if (problem) refuse({ code: problem });
    return !problem;
  };
  /** The input's own props: value, limit, the refusal tied to it by `errorId`; typing clears the refusal. */
  const inputProps = (errorId: string) => ({
    ref: input,
    value: name,
    maxLength: PLATFORM_NAME_MAX,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setName(e.target.value);
      setError(null);
    },
  });
  return { name, setName, error, setError, input, refuse, passesRule, inputProps, suggestion: nameSuggestion(error) };
}
