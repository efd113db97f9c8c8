// English texts of the platform's form (Allgemein, banners), renderer/src/features/platform-detail/:
// key for key those of de/platform-detail.ts (DeepStrings), part of en.ts.
import type { platformDetailDe } from '../de/platform-detail';
import type { DeepStrings } from '../keys';

export const platformDetailEn: DeepStrings<typeof platformDetailDe> = {
  detail: {
    back: 'Back to the list',
    tabs: 'Tabs',
    tabGeneral: 'General',
    tabCredentials: 'CREDENTIALS',
    tabTimeline: 'Log',
    name: 'Name',
    type: 'Type',
    active: 'Active',
    useCloud: 'Use cloud',
    useCloudHint: 'With “Use cloud” the Amazon account is connected through the cloud; the CREDENTIALS tab appears.',
    saved: 'Saved',
    main: 'Platform {{name}}',
  },
  inactive: {
    note: 'The platform is not active and is not used: no sign-in, no import. Activate it on the “General” tab with “Active”.',
    hint: 'Only active platforms are used. An inactive platform keeps its connection, but is not signed in, imports no settings and is shown greyed in the list.',
  },
  renewal: {
    soon_other:
      'This platform’s Amazon authorization must be renewed by {{date}} ({{count}} days left). Amazon requires this once a year; after that the cloud can no longer access the seller account.',
    soon_one:
      'This platform’s Amazon authorization must be renewed by {{date}} ({{count}} day left). Amazon requires this once a year; after that the cloud can no longer access the seller account.',
    today:
      'This platform’s Amazon authorization expires today ({{date}}). Amazon requires renewal once a year; after that the cloud can no longer access the seller account.',
    overdue:
      'This platform’s Amazon authorization expired on {{date}}. Amazon requires renewal once a year; please authorize the app again.',
    how: 'Renew it with {{btnRefresh}} (sign in to Amazon in the browser) or in Seller Central under “Manage Your Apps” with “Re-Authorize”.',
    refresh: 'REFRESH',
    sellerCentral: 'Renew in Seller Central',
  },
  renameNotice: {
    nameClash:
      'An upgrade of the cloud renamed this platform in your cloud account on {{date}} from “{{oldName}}” to “{{newName}}”: another platform of the account had the same name (upper and lower case and blanks at either end no longer count as a difference).',
    normalised:
      'An upgrade of the cloud tidied this platform’s name in your cloud account on {{date}} from “{{oldName}}” to “{{newName}}” (blanks at either end removed).',
    how: 'The connection to Amazon is unchanged. To use another name, enter it under “General” in “Name”.',
    acknowledge: 'Got it',
  },
  cloudOff: {
    title: 'Stop using the cloud?',
    connected: 'The platform is connected through the cloud to the seller account {{seller}}.',
    waiting:
      'A sign-in with Amazon is running for this platform. It will be cancelled; its sign-in link then no longer works.',
    effect:
      'Without “Use cloud” this platform fetches nothing through the cloud any more. The connection in your cloud account remains and applies again as soon as you tick “Use cloud” again. To remove it completely, delete the platform.',
    confirm: 'Stop using',
    cancel: 'Cancel',
  },
};
