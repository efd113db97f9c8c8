// English texts of the window's banners, renderer/src/features/shell/: key for key those of
// de/shell.ts (DeepStrings), part of en.ts.
import type { shellDe } from '../de/shell';
import type { DeepStrings } from '../keys';

export const shellEn: DeepStrings<typeof shellDe> = {
  keychain: {
    unavailableTitle: 'No keychain available.',
    unavailable: 'No keychain (Secret Service) is available, so secrets such as the client secret cannot be stored.',
    fixLinux:
      'Linux: install and unlock a Secret Service, e.g. “sudo apt install gnome-keyring”, then log out and in again.',
    fixOther: 'macOS (Keychain) and Windows (Credential Manager) have it built in.',
    plaintext:
      'Warning: secrets are stored in plain text because the app was started with the explicit flag for it. Use for testing only!',
  },
};
