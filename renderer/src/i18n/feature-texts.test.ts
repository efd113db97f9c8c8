// The texts are split by feature (de/*.ts, en/*.ts, one file per folder of renderer/src/features/) and
// spread into de.rest.ts and en.ts. A spread hides a group of the same name in an earlier file without a
// compile error: no two files may share a top-level group, and the first screen's (de.ts) stay its own.
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { deRest } from './de.rest';
import { en } from './en';
import { cloudSettingsDe } from './de/cloud-settings';
import { credentialsDe } from './de/credentials';
import { platformDetailDe } from './de/platform-detail';
import { platformListDe } from './de/platform-list';
import { shellDe } from './de/shell';
import { supportDe } from './de/support';
import { timelineDe } from './de/timeline';
import { cloudSettingsEn } from './en/cloud-settings';
import { credentialsEn } from './en/credentials';
import { platformDetailEn } from './en/platform-detail';
import { platformListEn } from './en/platform-list';
import { shellEn } from './en/shell';
import { supportEn } from './en/support';
import { timelineEn } from './en/timeline';

const GERMAN = [de, cloudSettingsDe, credentialsDe, platformDetailDe, platformListDe, shellDe, supportDe, timelineDe];
const ENGLISH = [cloudSettingsEn, credentialsEn, platformDetailEn, platformListEn, shellEn, supportEn, timelineEn];

describe('texts split by feature', () => {
  it('no two German files share a group, and de.ts + de.rest.ts hold every one of them', () => {
    const groups = GERMAN.flatMap((part) => Object.keys(part));
    expect(groups.length).toBe(new Set(groups).size);
    expect(Object.keys({ ...de, ...deRest }).sort()).toEqual([...groups, 'errors'].sort());
  });

  it('no two English files share a group, and en.ts holds the same groups as German', () => {
    const groups = ENGLISH.flatMap((part) => Object.keys(part));
    expect(groups.length).toBe(new Set(groups).size);
    expect(Object.keys(en).sort()).toEqual(Object.keys({ ...de, ...deRest }).sort());
  });
});
