import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatforms } from '../store/platforms';
import { useUi } from '../store/ui';
import { PlatformList } from './PlatformList';
import { PlatformDetail } from './PlatformDetail';
import { NewPlatformDialog } from './NewPlatformDialog';
import { DeleteFlow } from './DeleteFlow';
import { CloudSettingsDialog } from './CloudSettingsDialog';
import { KeychainBanner } from './KeychainBanner';
import { SandboxScenarioBanner } from './SandboxScenarioBanner';
import { ReplayImportButton } from './ReplayImportButton';
import { errorText } from '../i18n';

export function App() {
  const { t, i18n } = useTranslation();
  const { platforms, selectedId, loaded, appInfo, error, connect, select, create, clearError } = usePlatforms();
  const { openId, modal, open, showModal } = useUi();

  useEffect(() => connect(), [connect]);

  const selected = platforms.find((p) => p.id === selectedId);
  const opened = platforms.find((p) => p.id === openId);
  const toDelete = modal?.kind === 'delete' ? platforms.find((p) => p.id === modal.id) : undefined;
  const back = () => {
    open(null);
    if (openId) requestAnimationFrame(() => document.getElementById(`row-${openId}`)?.focus());
  };

  return (
    <div className="app">
      <header className="titlebar">
        <h1>{t('app.title')}</h1>
        <div className="titlebar-right">
          {appInfo && (
            <span className={`badge ${appInfo.amazon.kind}`}>
              {appInfo.amazon.kind === 'sandbox' ? t('app.sandboxBadge') : t('app.productionBadge')}
            </span>
          )}
          <label>
            {t('app.language')}{' '}
            <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)} aria-label={t('app.language')}>
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      {appInfo && <KeychainBanner keychain={appInfo.keychain} />}
      {appInfo?.amazon.kind === 'sandbox' && <SandboxScenarioBanner />}
      {appInfo?.storeWarning && (
        <p className="banner warning" role="alert">
          {errorText(t, { code: appInfo.storeWarning.code, params: { backupPath: appInfo.storeWarning.backupPath } })}
        </p>
      )}
      {appInfo?.unreadableProfiles && (
        <p className="banner warning" role="note" data-testid="unreadable-profiles">
          {errorText(t, { code: appInfo.unreadableProfiles.code, params: { count: appInfo.unreadableProfiles.count, file: appInfo.unreadableProfiles.file } })}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert">
          <span>{errorText(t, error)}</span>
          <button type="button" className="banner-close" aria-label={t('app.dismiss')} onClick={clearError}>
            ×
          </button>
        </div>
      )}
      {opened ? (
        <PlatformDetail key={opened.id} platform={opened} sandbox={appInfo?.amazon.kind === 'sandbox'} onBack={back} onDelete={() => showModal({ kind: 'delete', id: opened.id })} />
      ) : (
        <>
          <div className="toolbar" role="toolbar" aria-label={t('app.title')}>
            <button type="button" onClick={() => showModal({ kind: 'new' })} accessKey="n">
              {t('list.new')}
            </button>
            <button type="button" disabled={!selected} onClick={() => selected && open(selected.id)}>
              {t('list.open')}
            </button>
            <button type="button" disabled={!selected} onClick={() => selected && showModal({ kind: 'delete', id: selected.id })}>
              {t('list.delete')}
            </button>
            <span className="toolbar-spacer" />
            {appInfo?.amazon.kind === 'sandbox' && <ReplayImportButton />}
            <button type="button" onClick={() => showModal({ kind: 'cloudSettings' })}>
              {t('app.cloudSettings')}
            </button>
          </div>
          <main className="content" aria-busy={!loaded}>
            {loaded && (
              <PlatformList
                platforms={platforms}
                selectedId={selectedId}
                onSelect={select}
                onOpen={(id) => open(id)}
                onDelete={(id) => showModal({ kind: 'delete', id })}
                onNew={() => showModal({ kind: 'new' })}
              />
            )}
          </main>
        </>
      )}
      <footer className="statusbar">
        <span>{t('list.count', { count: platforms.length })}</span>
        {(appInfo?.pendingCloudDeletions ?? 0) > 0 && (
          <span className="statusbar-warn" data-testid="pending-deletions">
            {t('list.pendingDeletions', { count: appInfo?.pendingCloudDeletions })}
          </span>
        )}
      </footer>
      {modal?.kind === 'new' && <NewPlatformDialog onCreate={create} onClose={() => showModal(null)} />}
      {modal?.kind === 'cloudSettings' && <CloudSettingsDialog onClose={() => showModal(null)} />}
      {toDelete && (
        <DeleteFlow
          platform={toDelete}
          onDone={(deleted) => {
            showModal(null);
            if (deleted && openId === toDelete.id) open(null);
          }}
        />
      )}
    </div>
  );
}
