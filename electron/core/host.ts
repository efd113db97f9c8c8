// What a host (Electron main, or the Node browser host) hands to the core. Small interfaces only:
// the core never imports Electron.

export interface CoreHost {
  kind: 'electron' | 'browser';
  appVersion: string;
  /** Opens a URL in the system's default browser. Called only after the core's allow-list check. */
  openExternal(url: string): Promise<void>;
  /** A desktop notification; the host decides whether the window is focused. */
  notify(title: string, body: string): void;
  /** True while the app window has focus (notifications are raised only when it has not). */
  isFocused(): boolean;
}

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (msg, data) => console.log(`[core] ${msg}`, data ?? ''),
  warn: (msg, data) => console.warn(`[core] ${msg}`, data ?? ''),
  error: (msg, data) => console.error(`[core] ${msg}`, data ?? ''),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
