// The app's own origin (app://renderer) and the decisions that hang on it: which frame may use IPC,
// where the window may navigate, which permission a page gets. No Electron import, so it is tested
// under plain Node.
//
// Not `new URL(url).origin === APP_ORIGIN`: Node's WHATWG URL parser gives an opaque origin, the
// string "null", for schemes it does not know, such as app: (whether the main process's parser learns
// about schemes registered with Chromium is not documented). Scheme and host are compared instead,
// which is right either way.
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Whether `url` is a page of the app itself (app://renderer/…). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * The one permission the app uses: writing to the clipboard ("Link kopieren"), and only for the app's
 * own page. Everything else (camera, notifications from pages, geolocation, HID, …) is denied, in
 * permission checks (synchronous queries such as navigator.permissions) and requests alike.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined | null): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}
