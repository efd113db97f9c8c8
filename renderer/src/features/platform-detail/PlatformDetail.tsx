// The detail form of one platform profile: back to the list, the name as the title, tabs "Allgemein"
// and (only while "Cloud verwenden" is ticked) "ZUGANGSDATEN". Escape goes back to the list.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Platform } from '../../../../shared/platform';
import { Tabs, type TabDef } from '../../components/Tabs';
import { GeneralTab } from './GeneralTab';
import { CredentialsTab } from '../credentials/CredentialsTab';
import { TimelineTab } from '../timeline/TimelineTab';
import { useUi } from '../../store/ui';
import { RenewalBanner } from './RenewalBanner';
import { RenameNoticeBanner } from './RenameNoticeBanner';

interface Props {
  platform: Platform;
  sandbox: boolean;
  onBack(): void;
  onDelete(): void;
}

export function PlatformDetail({ platform, sandbox, onBack, onDelete }: Props) {
  const { t } = useTranslation();
  // A platform armed for a sandbox replay opens where its ANMELDEN is.
  const [tab, setTab] = useState(platform.sandboxArmed && platform.useCloud ? 'credentials' : 'general');
  const root = useRef<HTMLElement>(null);
  const nameEdit = useUi((s) => s.nameEdit);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);
  // A name clash found on ZUGANGSDATEN: the Bezeichnung is on "Allgemein".
  useEffect(() => {
    if (nameEdit?.id === platform.id) setTab('general');
  }, [nameEdit, platform.id]);

  // Ticking "Cloud verwenden" leads on to ZUGANGSDATEN; the focus goes with it (its box is gone with the tab).
  // Looked up in this detail only: closed before the frame, it must not take the focus of what came next.
  const cloudOn = () => {
    setTab('credentials');
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('#tab-credentials')?.focus());
  };
  const tabs: TabDef[] = [
    { id: 'general', label: t('detail.tabGeneral'), content: <GeneralTab platform={platform} onCloudOn={cloudOn} /> },
  ];
  if (platform.useCloud) {
    tabs.push({
      id: 'credentials',
      label: t('detail.tabCredentials'),
      content: <CredentialsTab platform={platform} sandbox={sandbox} />,
    });
    tabs.push({ id: 'timeline', label: t('detail.tabTimeline'), content: <TimelineTab platform={platform} /> });
  }

  return (
    <section
      ref={root}
      className="detail"
      aria-labelledby="detail-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('[role="dialog"]')) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <div className="toolbar" role="toolbar" aria-label={platform.name}>
        <button type="button" onClick={onBack}>
          <span aria-hidden="true">◀ </span>
          {t('detail.back')}
        </button>
        <button type="button" onClick={onDelete}>
          {t('list.delete')}
        </button>
      </div>
      <div className="content">
        <h2 id="detail-title" className="form-title" title={platform.name}>
          {platform.name} <span className="hint">({t(`types.${platform.type}`)})</span>
        </h2>
        <RenameNoticeBanner platform={platform} />
        <RenewalBanner platform={platform} />
        <Tabs
          label={t('detail.tabs')}
          tabs={tabs}
          active={platform.useCloud && tabs.some((x) => x.id === tab) ? tab : 'general'}
          onChange={setTab}
        />
      </div>
    </section>
  );
}
