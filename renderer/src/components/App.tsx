import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatforms } from '../store/platforms';
import { PlatformList } from './PlatformList';
import { NewPlatformDialog } from './NewPlatformDialog';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { errorText } from '../i18n';

type Modal = { kind: 'new' } | { kind: 'delete'; id: string } | null;

export function App() {
  const { t, i18n } = useTranslation();
  const { platforms, selectedId, loaded, appInfo, error, connect, select, create, remove, clearError } = usePlatforms();
  const [modal, setModal] = useState<Modal>(null);
  const [, setOpenId] = useState<string | null>(null);

  useEffect(() => connect(), [connect]);

  const selected = platforms.find((p) => p.id === selectedId);
  const toDelete = modal?.kind === 'delete' ? platforms.find((p) => p.id === modal.id) : undefined;

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
      <div className="toolbar" role="toolbar" aria-label={t('app.title')}>
        <button type="button" onClick={() => setModal({ kind: 'new' })} accessKey="n">
          {t('list.new')}
        </button>
        <button type="button" disabled={!selected} onClick={() => selected && setOpenId(selected.id)}>
          {t('list.open')}
        </button>
        <button type="button" disabled={!selected} onClick={() => selected && setModal({ kind: 'delete', id: selected.id })}>
          {t('list.delete')}
        </button>
      </div>
      {appInfo?.storeWarning && (
        <p className="banner warning" role="alert">
          {errorText(t, { code: appInfo.storeWarning.code, params: { backupPath: appInfo.storeWarning.backupPath } })}
        </p>
      )}
      {error && (
        <p className="banner error" role="alert" onClick={clearError}>
          {errorText(t, error)}
        </p>
      )}
      <main className="content" aria-busy={!loaded}>
        {loaded && (
          <PlatformList
            platforms={platforms}
            selectedId={selectedId}
            onSelect={select}
            onOpen={(id) => setOpenId(id)}
            onDelete={(id) => setModal({ kind: 'delete', id })}
            onNew={() => setModal({ kind: 'new' })}
          />
        )}
      </main>
      <footer className="statusbar">{t('list.count', { count: platforms.length })}</footer>
      {modal?.kind === 'new' && <NewPlatformDialog onCreate={create} onClose={() => setModal(null)} />}
      {toDelete && (
        <ConfirmDeleteDialog
          name={toDelete.name}
          onClose={() => setModal(null)}
          onConfirm={() => {
            setModal(null);
            void remove(toDelete.id);
          }}
        />
      )}
    </div>
  );
}
