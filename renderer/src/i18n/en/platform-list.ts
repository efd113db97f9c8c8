// English texts of the list's dialogs (Neu, Löschen), renderer/src/features/platform-list/: key for key those of
// de/platform-list.ts (DeepStrings), part of en.ts.
import type { platformListDe } from '../de/platform-list';
import type { DeepStrings } from '../keys';

export const platformListEn: DeepStrings<typeof platformListDe> = {
  newDialog: {
    title: 'New platform',
    type: 'Type',
    name: 'Name',
    namePlaceholder: 'e.g. Amazon 123456',
    useSuggestion: 'Use “{{suggestion}}”',
    create: 'Create',
    cancel: 'Cancel',
  },
  deleteDialog: {
    title: 'Delete platform',
    question: 'Really delete the platform “{{name}}”?',
    cloudWarning:
      'The platform is deleted in the cloud too, with every Amazon access stored there. Afterwards a new Amazon sign-in is needed.',
    confirm: 'Delete',
    cancel: 'Cancel',
    busy: 'Deleting …',
  },
  unreachableDialog: {
    title: 'Cloud unreachable',
    text: 'The platform “{{name}}” could not be deleted in the cloud because the cloud cannot be reached.',
    localHint:
      '“Delete locally only” removes the platform from this list at once. The cloud deletion is queued and retried automatically until it succeeds.',
    retry: 'Try again',
    local: 'Delete locally only',
    cancel: 'Cancel',
  },
};
