// The German texts not on the first screen: every other screen's, and the error texts (errors.de.ts). A
// chunk of its own (translator.ts, loadGermanRest): fetched once the list is shown, with the first lazy
// screen, or when an error is to be shown before that. Same conventions as de.ts; one file per folder of
// renderer/src/features/ in de/.
import { errorsDe } from './errors.de';
import { platformListDe } from './de/platform-list';
import { platformDetailDe } from './de/platform-detail';
import { credentialsDe } from './de/credentials';
import { timelineDe } from './de/timeline';
import { cloudSettingsDe } from './de/cloud-settings';
import { supportDe } from './de/support';
import { shellDe } from './de/shell';

export const deRest = {
  ...platformListDe,
  ...platformDetailDe,
  ...credentialsDe,
  ...timelineDe,
  ...cloudSettingsDe,
  ...supportDe,
  ...shellDe,
  errors: errorsDe,
} as const;
