// The desktop notifications the core raises (sign-in done / failed / another seller, renewal reminder),
// in the UI's language: one table per language, each a full NotificationTexts, so a text missing in one
// language is a compile error. The UI tells the core its language (`setLanguage`, ui-language.ts).
import type { UiLanguage } from '../../shared/ui-language';

export interface NotificationTexts {
  signInDone: { title: string; body(name: string, sellerId: string): string };
  signInFailed: { title: string; body(name: string, expired: boolean): string };
  sellerChanged: { title: string; body(name: string): string };
  renewal: { title: string; soon(name: string, date: string): string; overdue(name: string, date: string): string };
  /** For dates in a text (Intl locale). */
  locale: string;
}

export const NOTIFICATION_TEXTS: Record<UiLanguage, NotificationTexts> = {
  de: {
    signInDone: {
      title: 'Amazon-Anmeldung abgeschlossen',
      body: (name, sellerId) => `${name}: authentifiziert (Händler-ID ${sellerId}).`,
    },
    signInFailed: {
      title: 'Amazon-Anmeldung fehlgeschlagen',
      body: (name, expired) => `${name}: ${expired ? 'Zeitüberschreitung' : 'Fehler'} – Details in der Anwendung.`,
    },
    sellerChanged: {
      title: 'Amazon-Anmeldung: anderes Verkäuferkonto',
      body: (name) => `${name}: Bitte entscheiden Sie in der Anwendung, welches Konto verbunden bleibt.`,
    },
    renewal: {
      title: 'Amazon-Autorisierung erneuern',
      soon: (name, date) =>
        `${name}: Die Amazon-Autorisierung läuft am ${date} ab. Bitte mit AKTUALISIEREN oder in Seller Central unter „Apps verwalten“ erneuern.`,
      overdue: (name, date) =>
        `${name}: Die Amazon-Autorisierung ist am ${date} abgelaufen. Bitte mit ANMELDEN neu autorisieren.`,
    },
    locale: 'de-DE',
  },
  en: {
    signInDone: {
      title: 'Amazon sign-in complete',
      body: (name, sellerId) => `${name}: authenticated (seller ID ${sellerId}).`,
    },
    signInFailed: {
      title: 'Amazon sign-in failed',
      body: (name, expired) => `${name}: ${expired ? 'timed out' : 'error'} – details in the application.`,
    },
    sellerChanged: {
      title: 'Amazon sign-in: another seller account',
      body: (name) => `${name}: Please decide in the application which account stays connected.`,
    },
    renewal: {
      title: 'Renew the Amazon authorization',
      soon: (name, date) =>
        `${name}: The Amazon authorization expires on ${date}. Please renew it with REFRESH or in Seller Central under “Manage Your Apps”.`,
      overdue: (name, date) =>
        `${name}: The Amazon authorization expired on ${date}. Please authorize again with SIGN IN.`,
    },
    locale: 'en-GB',
  },
};
