// English texts: the first screen's here, every other screen's in en/<feature>.ts (one file per folder of
// renderer/src/features/, each typed against its German twin in de/), the error texts in errors.en.ts. One
// chunk, fetched when English is chosen. DeepStrings: every German key needs its English text.
import type { Messages } from './de';
import type { DeepStrings } from './keys';
import { errorsEn } from './errors.en';
import { platformListEn } from './en/platform-list';
import { platformDetailEn } from './en/platform-detail';
import { credentialsEn } from './en/credentials';
import { timelineEn } from './en/timeline';
import { cloudSettingsEn } from './en/cloud-settings';
import { supportEn } from './en/support';
import { shellEn } from './en/shell';

export const en: DeepStrings<Messages> = {
  app: {
    title: 'E-COMMERCE – PLATFORMS',
    language: 'Language',
    sandboxBadge: 'Sandbox',
    productionBadge: 'Amazon (production)',
    cloudSettings: 'Cloud credentials',
    dismiss: 'Dismiss message',
    errorLoading: 'Error {{code}} – loading its description …',
    tokenInvalidTitle: 'This link is no longer valid',
    tokenInvalidText:
      'This page belongs to an earlier start of the app, or the link is incomplete. Open the new link from the console where “npm start” runs: the line “Browser host: http://127.0.0.1:…/#token=…”.',
  },
  list: {
    new: 'New',
    open: 'Open',
    delete: 'Delete',
    empty: 'No platform yet. Use “New” to create an Amazon platform.',
    columns: {
      name: 'Name',
      type: 'Type',
      active: 'Active',
      cloud: 'Cloud',
      region: 'Region',
      seller: 'Seller account',
      status: 'Sign-in status',
    },
    renewalSoon: 'Authenticated – renew by {{date}}',
    renewalOverdue: 'Renewal overdue (since {{date}})',
    yes: 'Yes',
    no: 'No',
    count_one: '{{count}} platform',
    count_other: '{{count}} platforms',
    pendingDeletions_one: '{{count}} cloud deletion pending – retried automatically',
    pendingDeletions_other: '{{count}} cloud deletions pending – retried automatically',
    pendingDeletion: 'Deleted – cloud deletion pending',
    deleted: 'Platform “{{name}}” deleted.',
    deletedQueued: 'Platform “{{name}}” deleted locally; the cloud deletion will follow.',
  },
  types: { amazon: 'Amazon' },
  regions: { NA: 'North America (NA)', EU: 'Europe (EU)', FE: 'Far East (FE)' },
  fields: {
    name: 'Name',
    url: 'Cloud URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    countryCode: 'Region',
    marketplaceIds: 'Marketplaces',
  },
  status: {
    not_authenticated: 'Not authenticated',
    waiting: 'Signing in …',
    authenticated: 'Authenticated',
    failed: 'Error',
    expired: 'Timed out',
    cancelled: 'Cancelled',
    seller_changed: 'Question: another seller account',
    sign_in_required: 'Sign-in required again',
  },
  seller: { named: '{{store}} (seller ID {{id}})', idOnly: 'seller ID {{id}}' },
  ...platformListEn,
  ...platformDetailEn,
  ...credentialsEn,
  ...timelineEn,
  ...cloudSettingsEn,
  ...supportEn,
  ...shellEn,
  errors: errorsEn,
};
