import { render } from '@testing-library/react';
import { I18nProvider } from '../i18n';
import type { ReactNode } from 'react';
import { testI18n } from './i18n';
import { usePlatforms } from '../store/platforms';
import { useUi } from '../store/ui';

export const wrap = (ui: ReactNode, lng: 'de' | 'en' = 'de') =>
  render(<I18nProvider i18n={testI18n(lng)}>{ui}</I18nProvider>);

/** Fresh stores between tests (zustand stores are module singletons). */
export function resetStores() {
  usePlatforms.setState({ loaded: false, platforms: [], selectedId: null, appInfo: null, error: null });
  useUi.setState({ openId: null, modal: null, nameEdit: null, notice: null });
}
