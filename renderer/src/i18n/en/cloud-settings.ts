// English texts of Cloud-Zugangsdaten, renderer/src/features/cloud-settings/: key for key those of
// de/cloud-settings.ts (DeepStrings), part of en.ts.
import type { cloudSettingsDe } from '../de/cloud-settings';
import type { DeepStrings } from '../keys';

export const cloudSettingsEn: DeepStrings<typeof cloudSettingsDe> = {
  cloudOnly: {
    title: 'Only in the cloud',
    intro:
      'Platforms of this cloud account that do not exist in this application (created on another computer, or left over).',
    none: 'None – every platform of the cloud account exists here.',
    name: 'Name',
    region: 'Region',
    status: 'Status',
    actions: 'Action',
    adopt: 'Adopt',
    adoptLabel: 'Adopt: “{{name}}”',
    delete: 'Delete in the cloud',
    deleteLabel: 'Delete in the cloud: “{{name}}”',
    confirmDelete: 'Delete “{{name}}” for good',
    adopted: '“{{name}}” adopted – the platform is now in the list, its sign-in still holds.',
    deleted: '“{{name}}” deleted in the cloud.',
  },
  cloudDialog: {
    title: 'Cloud credentials',
    kind: 'Kind: Cloud (PARAMETERS – OTHER – CREDENTIALS)',
    url: 'Cloud URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    secretStored: 'stored in the keychain',
    secretKeep: 'Leave empty to keep the stored secret.',
    test: 'TEST',
    testing: 'Testing …',
    testOk: 'Connection successful: tenant {{tenantName}}',
    savingTest: 'The connection is tested before saving …',
    untestedTitle: 'Connection not confirmed',
    untested: 'The test before saving failed:',
    untestedQuestion: 'Save the values anyway? {{btnSignIn}} only works once the connection stands.',
    saveAnyway: 'Save anyway',
    backToForm: 'Back to the form',
    save: 'Save',
    cancel: 'Cancel',
  },
};
