// English texts of the register ZUGANGSDATEN, renderer/src/features/credentials/: key for key those of
// de/credentials.ts (DeepStrings), part of en.ts.
import type { credentialsDe } from '../de/credentials';
import type { DeepStrings } from '../keys';

export const credentialsEn: DeepStrings<typeof credentialsDe> = {
  cred: {
    cloudMissing: 'The cloud credentials (cloud URL, Client-ID, Client-Secret) needed to sign in are missing.',
    openCloudSettings: 'Open cloud credentials',
    region: 'Region',
    regionLocked: 'The region cannot be changed while a sign-in is running.',
    regionConfirmTitle: 'Change the region?',
    regionConfirmText:
      'This platform’s sign-in (seller ID {{id}}) is valid for {{from}} only. With “{{country}}” the platform moves to {{to}}: the current sign-in ends here, and you need to sign in with {{btnSignIn}} to the Amazon account of that region.',
    regionConfirmMarketplaces: 'The imported marketplaces belong to the previous region and are removed.',
    regionConfirmKeep: 'Keep the region',
    regionConfirmChange: 'Change the region',
    status: 'Sign-in status',
    authenticatedSince: 'Authenticated since {{date}} (seller ID {{id}})',
    authenticatedSinceStore: 'Authenticated since {{date}} – {{store}} (seller ID {{id}})',
    regionAccount:
      '{{country}} stands for the whole seller account of region {{region}}: one sign-in covers all marketplaces of that region.',
    switched: 'Switched from seller account {{old}}. Please import the settings for the new account.',
    duplicateSeller:
      'Attention: this seller account is also connected to the platform “{{names}}”. Orders would be imported twice. Connect each Amazon account to one platform only.',
    changeName: 'Change name',
    cancelledByUser: 'You cancelled the sign-in. Click {{btnSignIn}} to start again.',
    renewalDue: 'Renewal due on {{date}}',
    renewalSoon: 'Renewal due on {{date}} – please {{btnRefresh}} in time',
    renewalOverdue: 'The Amazon authorization expired on {{date}} – please authorize again with {{btnSignIn}}',
    remaining: 'Time left',
    previousValid: 'The previous sign-in (seller ID {{id}}, since {{date}}) stays valid until the new one completes.',
    previousKept: 'The previous sign-in (seller ID {{id}}, since {{date}}) stays valid.',
    otherSeller:
      'Attention: Amazon returned a different seller account (before {{old}}, now {{new}}). Check that you signed in with the right account.',
    cloudUnreachable: 'Cloud unreachable – still trying (since {{time}}).',
    signIn: 'SIGN IN',
    refresh: 'REFRESH',
    refreshHint:
      '{{btnRefresh}} opens Seller Central with the account already signed in in your browser. For another seller account, choose “Switch accounts” there (or “Sign out”) and sign in with the other account.',
    cancel: 'Cancel',
    cancelLabel: 'Cancel sign-in',
    consentLink: 'Sign-in link',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying is not possible – the link is selected, copy it with Ctrl+C.',
    openBrowser: 'Open in browser',
    browserNotOpened: 'The browser could not be opened. Copy the link and open it in your browser.',
    infoTitle: 'How the sign-in works',
    sellerChangeTitle: 'Another seller account',
    sellerChangeQuestion:
      'Amazon returned another seller account on {{btnRefresh}}. Which account should be connected to this platform?',
    sellerChangeOld: 'Connected so far: {{seller}}',
    sellerChangeNew: 'Newly signed in: {{seller}}',
    sellerChangeValid: 'Until you decide, the previous connection stays valid.',
    sellerChangeKeep: 'Keep the previous account',
    sellerChangeKeepHint: 'The new sign-in is discarded.',
    sellerChangeSwitch: 'Switch to the new account',
    sellerChangeSwitchHint:
      'The marketplaces imported for the previous account are removed; please import the settings again afterwards.',
    sellerChangeAlsoOn: 'The new account is already connected to the platform “{{names}}”.',
    info1: 'After {{btnSignIn}} your default browser opens Amazon Seller Central.',
    info2: 'Sign in and confirm with the one-time code (two-step verification).',
    info3: 'Confirm the app’s access.',
    info4: 'Afterwards a page with JSON text appears – it can simply be closed.',
    info5: 'The status here changes by itself.',
    startedOnAmazon:
      'The sign-in was started in Seller Central (Re-Authorize) or in the Appstore. Finish it there – the status here changes by itself.',
  },
  pairing: {
    title: 'Sign in from Amazon (Seller Central / Appstore)',
    text: 'You can also start the yearly renewal in Seller Central under "Manage Your Apps" → "Re-Authorize", or in the Appstore with "Authorize now". If the page asks for a pairing code, show it here and enter it there.',
    show: 'Show pairing code',
    again: 'Show a new code',
    codeLabel: 'Pairing code',
    validUntil: 'valid until {{time}}, once only',
  },
  preflight: {
    summary: 'Before {{btnSignIn}}, check: primary user, Professional selling plan, region {{region}}',
    primary:
      'Sign in to Seller Central as the account’s primary user – or as a user with the “Manage Authorized Partners” permission.',
    plan: 'The account is on the Professional selling plan. Amazon allows no apps on the Individual selling plan.',
    region:
      'The account belongs to the region chosen here, {{region}}. For an account of another region, change “Region” above.',
  },
  connection: {
    disconnect: 'Disconnect',
    title: 'Disconnect?',
    text: 'The platform “{{name}}” is disconnected from the Amazon account: the cloud deletes this platform’s Amazon access (the token), the imported marketplaces are removed, and the status becomes “Not authenticated”. The platform itself stays; {{btnSignIn}} connects it again.',
    amazonNote:
      'On Amazon’s side the app stays authorized until you remove it in Seller Central under “Manage Your Apps”.',
    openManageApps: 'Open Seller Central “Manage Your Apps”',
    cancel: 'Cancel',
    busy: 'Disconnecting …',
    done: 'Disconnected – the platform is no longer authenticated.',
  },
  autoImport: {
    running: 'The marketplaces are being imported automatically after the sign-in …',
    failed: 'The automatic import after the sign-in failed; the sign-in stays valid.',
  },
  market: {
    title: 'Settings',
    import: 'Import settings',
    importing: 'Importing …',
    importedAt: 'Imported on {{date}}',
    importedCount_one: '{{count}} marketplace taken over',
    importedCount_other: '{{count}} marketplaces taken over',
    none: 'No marketplaces imported yet.',
    caption: 'Marketplaces',
    name: 'Name',
    country: 'Country',
    currency: 'Currency',
    participating: 'Participating',
    suspended: 'Suspended listings',
    use: 'Use',
    useLabel: 'Use {{name}}',
  },
  scErrors: {
    toggle: 'Does Seller Central show an error?',
    title: 'What does Seller Central show?',
    intro:
      'Enter the error code from Amazon’s page or choose the message – you get the cause and the next step at once; the sign-in keeps waiting.',
    introTimeout: 'Did Seller Central show one of these errors?',
    accountIn: 'My account: {{region}}',
    regionUnknown: 'Region unknown',
    codeLabel: 'Error code from the Amazon page',
    explain: 'Explain',
    unknownCode: 'We do not know the code “{{code}}”. Pick the text Amazon shows above, or give the code to support.',
    labels: { browser_closed: 'No error message: I closed the browser window or cannot find it any more.' },
    searchLabel: 'Or search the message text',
    listLabel: 'Messages of Seller Central',
    noMatch: 'No message matches. Tell support the text or code Amazon shows.',
    introOffered:
      'No answer from Amazon for 2 minutes. Does Seller Central show an error? Enter the code or choose the message.',
    stillWaiting: 'The sign-in keeps waiting: if it still succeeds in the browser, it counts. Otherwise end it here.',
    stop: 'End sign-in',
    toggleAgain: 'Choose another message',
  },
};
