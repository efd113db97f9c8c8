import type { Messages } from './de';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const en: DeepStrings<Messages> = {
  app: {
    title: 'E-COMMERCE – PLATFORMS',
    language: 'Language',
    sandboxBadge: 'Sandbox',
    productionBadge: 'Amazon (production)',
  },
  list: {
    new: 'New',
    open: 'Open',
    delete: 'Delete',
    empty: 'No platform yet. Use “New” to create an Amazon platform.',
    columns: { name: 'Name', type: 'Type', active: 'Active', cloud: 'Cloud', region: 'Region', status: 'Sign-in status' },
    yes: 'Yes',
    no: 'No',
    count_one: '{{count}} platform',
    count_other: '{{count}} platforms',
  },
  types: { amazon: 'Amazon' },
  newDialog: {
    title: 'New platform',
    type: 'Type',
    name: 'Name',
    namePlaceholder: 'e.g. Amazon 123456',
    create: 'Create',
    cancel: 'Cancel',
  },
  deleteDialog: {
    title: 'Delete platform',
    question: 'Really delete the platform “{{name}}”?',
    confirm: 'Delete',
    cancel: 'Cancel',
  },
  status: {
    not_authenticated: 'Not authenticated',
    waiting: 'Signing in …',
    authenticated: 'Authenticated',
    failed: 'Error',
    expired: 'Timed out',
    cancelled: 'Cancelled',
  },
  errors: {
    INVALID_INPUT: 'The input is invalid ({{field}}). Please check the field.',
    NAME_REQUIRED: 'Please enter a name.',
    NAME_TOO_LONG: 'The name is too long (80 characters at most).',
    PLATFORM_NAME_TAKEN: 'The name “{{name}}” is already taken. Please choose a unique name, e.g. “Amazon 123456”.',
    PLATFORM_NOT_FOUND: 'The platform no longer exists. The list was refreshed.',
    HOST_DISCONNECTED: 'The connection to the app was lost. Please reload the page.',
    HOST_UNREACHABLE: 'The app cannot be reached. Is “npm start” still running?',
    FORBIDDEN_SENDER: 'This request was refused for security reasons.',
    INTERNAL: 'An unexpected error occurred. Please try again; details are in the log.',
    UNKNOWN: 'Unknown error ({{code}}). Please try again.',
    STORE_CORRUPT: 'The saved settings were damaged and were moved to {{backupPath}}. Started with empty settings.',
  },
};
