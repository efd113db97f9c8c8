// English texts of the register Protokoll, renderer/src/features/timeline/: key for key those of
// de/timeline.ts (DeepStrings), part of en.ts.
import type { timelineDe } from '../de/timeline';
import type { DeepStrings } from '../keys';

export const timelineEn: DeepStrings<typeof timelineDe> = {
  timeline: {
    title: 'Sign-in log',
    intro: 'Every step of this platform’s Amazon sign-in (without credentials, codes or tokens) – for support.',
    export: 'Export log',
    empty: 'No entries yet. They are written from {{btnSignIn}} on.',
    at: 'Time',
    step: 'Step',
    outcome: 'Outcome',
    detail: 'Details',
    outcomes: { ok: 'OK', error: 'Error', info: 'Info' },
  },
};
