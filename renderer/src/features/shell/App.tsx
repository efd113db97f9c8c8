import { Suspense, useEffect } from 'react';
import { usePlatforms } from '../../store/platforms';
import { useUi } from '../../store/ui';
import { PlatformList } from '../platform-list/PlatformList';
import { TokenInvalidPage } from './TokenInvalidPage';
import { LanguageSelect } from './LanguageSelect';
import { lazyComponent } from '../../components/lazy-component';
import { errorText, loadGermanRest, useTranslation } from '../../i18n';
import { whenIdle } from '../../when-idle';
import { bestEffort } from '../../../../shared/best-effort';

// Not on the first screen (the list): each its own chunk, fetched once the list is shown.
const PlatformDetail = lazyComponent(() => import('../platform-detail/PlatformDetail').then((m) => m.PlatformDetail));
const NewPlatformDialog = lazyComponent(() =>
  import('../platform-list/NewPlatformDialog').then((m) => m.NewPlatformDialog),
);
const DeleteFlow = lazyComponent(() => import('../platform-list/DeleteFlow').then((m) => m.DeleteFlow));
const CloudSettingsDialog = lazyComponent(() =>
  import('../cloud-settings/CloudSettingsDialog').then((m) => m.CloudSettingsDialog),
);
// Shown only in the sandbox or without a keychain: fetched when needed, not with every start.
const KeychainBanner = lazyComponent(() => import('./KeychainBanner').then((m) => m.KeychainBanner));
const SandboxScenarioBanner = lazyComponent(() =>
  import('../support/SandboxScenarioBanner').then((m) => m.SandboxScenarioBanner),
);
const ReplayImportButton = lazyComponent(() =>
  import('../support/ReplayImportButton').then((m) => m.ReplayImportButton),
);
/**
 * After a delete the focus goes to the platform now at the deleted one's place (or the one before it),
 * selected; with none left, to "Neu". After the dialog has given focus back to its opener, which may be gone.
 */
function focusAfterDelete(index: number): void {
  requestAnimationFrame(() => {
    const { platforms, select } = usePlatforms.getState();
    const next = platforms[Math.min(index, platforms.length - 1)];
    if (next) select(next.id);
    requestAnimationFrame(() => document.getElementById(next ? `row-${next.id}` : 'list-new')?.focus());
  });
}

/** Fetches every part not on the first screen (the app does so once the list is shown; tests before they start). */
export const preloadRest = () =>
  Promise.all([
    ...[
      PlatformDetail,
      NewPlatformDialog,
      DeleteFlow,
      CloudSettingsDialog,
      KeychainBanner,
      SandboxScenarioBanner,
      ReplayImportButton,
    ].map((c) => c.preload()),
    loadGermanRest(),
  ]);

export function App() {
  const { t } = useTranslation();
  const { platforms, selectedId, loaded, appInfo, error, connect, select, create, clearError } = usePlatforms();
  const { openId, modal, notice, open, showModal, announce } = useUi();

  useEffect(() => connect(), [connect]);
  // Once the list is up, fetch the rest in the background, so opening a platform or a dialog is instant.
  useEffect(() => {
    if (!loaded) return;
    const preload = () => void bestEffort('preloading the other tabs', preloadRest); // fetched again when actually needed
    // After the list is painted, so the fetch does not compete with the first screen.
    return whenIdle(preload, 2000, 50);
  }, [loaded]);

  const selected = platforms.find((p) => p.id === selectedId);
  const opened = platforms.find((p) => p.id === openId);
  const toDelete = modal?.kind === 'delete' ? platforms.find((p) => p.id === modal.id) : undefined;
  const deleteIndex = toDelete ? platforms.indexOf(toDelete) : -1;
  const back = () => {
    open(null);
    if (openId) requestAnimationFrame(() => document.getElementById(`row-${openId}`)?.focus());
  };

  if (error?.code === 'HOST_TOKEN_INVALID') return <TokenInvalidPage />;

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
          <LanguageSelect />
        </div>
      </header>
      {/* Everything between title bar and status bar is the main landmark (banners, tool bar, list or form). */}
      <main className="main" aria-busy={!loaded}>
        <Suspense fallback={null}>
          {appInfo && (!appInfo.keychain.available || appInfo.keychain.plaintextFallback) && (
            <KeychainBanner keychain={appInfo.keychain} />
          )}
          {appInfo?.amazon.kind === 'sandbox' && <SandboxScenarioBanner />}
        </Suspense>
        {appInfo?.storeWarning && (
          <p className="banner warning" role="alert">
            {errorText(t, { code: appInfo.storeWarning.code, params: { backupPath: appInfo.storeWarning.backupPath } })}
          </p>
        )}
        {appInfo?.unreadableProfiles && (
          <p className="banner warning" role="note" data-testid="unreadable-profiles">
            {errorText(t, {
              code: appInfo.unreadableProfiles.code,
              params: { count: appInfo.unreadableProfiles.count, file: appInfo.unreadableProfiles.file },
            })}
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
          <Suspense fallback={null}>
            <PlatformDetail
              key={opened.id}
              platform={opened}
              sandbox={appInfo?.amazon.kind === 'sandbox'}
              onBack={back}
              onDelete={() => showModal({ kind: 'delete', id: opened.id })}
            />
          </Suspense>
        ) : (
          <>
            <div className="toolbar" role="toolbar" aria-label={t('app.title')}>
              <button type="button" id="list-new" onClick={() => showModal({ kind: 'new' })} accessKey="n">
                {t('list.new')}
              </button>
              <button type="button" disabled={!selected} onClick={() => selected && open(selected.id)}>
                {t('list.open')}
              </button>
              <button
                type="button"
                disabled={!selected}
                onClick={() => selected && showModal({ kind: 'delete', id: selected.id })}
              >
                {t('list.delete')}
              </button>
              <span className="toolbar-spacer" />
              {appInfo?.amazon.kind === 'sandbox' && (
                <Suspense fallback={null}>
                  <ReplayImportButton />
                </Suspense>
              )}
              <button type="button" onClick={() => showModal({ kind: 'cloudSettings' })}>
                {t('app.cloudSettings')}
              </button>
            </div>
            <div className="content">
              {loaded && (
                <PlatformList
                  platforms={platforms}
                  pendingDeletions={appInfo?.pendingCloudDeletionList}
                  selectedId={selectedId}
                  onSelect={select}
                  onOpen={(id) => open(id)}
                  onDelete={(id) => showModal({ kind: 'delete', id })}
                  onNew={() => showModal({ kind: 'new' })}
                />
              )}
            </div>
          </>
        )}
        {/* Dialogs inside the landmark too: axe's "region" rule wants all content in one. */}
        <Suspense fallback={null}>
          {modal?.kind === 'new' && (
            <NewPlatformDialog
              onCreate={async (name) => {
                // The new platform opens at once (selected, its details shown): the next step is there.
                const r = await create(name);
                if (r.ok) open(r.value.id);
                return r;
              }}
              onClose={() => showModal(null)}
            />
          )}
          {modal?.kind === 'cloudSettings' && <CloudSettingsDialog onClose={() => showModal(null)} />}
          {toDelete && (
            <DeleteFlow
              platform={toDelete}
              onDone={(deleted) => {
                showModal(null);
                if (!deleted) return;
                if (openId === toDelete.id) open(null);
                announce({ kind: deleted.cloud === 'queued' ? 'deletedQueued' : 'deleted', name: toDelete.name });
                focusAfterDelete(deleteIndex);
              }}
            />
          )}
        </Suspense>
      </main>
      <footer className="statusbar">
        <span>{t('list.count', { count: platforms.length })}</span>
        {/* Always there, so a screen reader announces what is put in (a polite live region). */}
        <span role="status" data-testid="app-notice">
          {notice && t(notice.kind === 'deleted' ? 'list.deleted' : 'list.deletedQueued', { name: notice.name })}
        </span>
        {(appInfo?.pendingCloudDeletions ?? 0) > 0 && (
          <span className="statusbar-warn" data-testid="pending-deletions">
            {t('list.pendingDeletions', { count: appInfo?.pendingCloudDeletions ?? 0 })}
          </span>
        )}
      </footer>
    </div>
  );
}
