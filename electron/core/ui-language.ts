// The UI's language as the core knows it: set by the renderer (`setLanguage`, validated by the IPC
// contract), kept in the store so that a notification raised after a restart — before any window
// has said anything, e.g. the renewal reminder at start — is in the language last chosen.
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from '../../shared/ui-language';
import { NOTIFICATION_TEXTS, type NotificationTexts } from './notification-texts';
import type { KeyValueStore } from './profile-store';

export class UiLanguageSetting {
  constructor(private readonly kv: KeyValueStore) {}

  /** The stored language; anything else in the file (hand-edited, a newer version's) reads as German. */
  get(): UiLanguage {
    const stored = this.kv.get('uiLanguage');
    return isUiLanguage(stored) ? stored : DEFAULT_UI_LANGUAGE;
  }

  set(language: UiLanguage): UiLanguage {
    if (language !== this.get()) this.kv.set('uiLanguage', language);
    return language;
  }

  texts(): NotificationTexts {
    return NOTIFICATION_TEXTS[this.get()];
  }
}
