// German sentence plus next step for every stable error code (desktop codes and the cloud's
// CLOUD_ERROR_CODES; ErrorTexts makes a missing one a compile error). A key ending in `_generic` is used
// when a parameter the main text needs is missing.
import type { ErrorTexts } from './error-text-keys';

export const errorsDe = {
  // Renderer and host
  INVALID_INPUT: 'Die Eingabe im Feld „{{field}}“ ist ungültig. Bitte prüfen Sie das Feld.',
  INVALID_INPUT_generic: 'Eine Eingabe ist ungültig. Bitte prüfen Sie die Felder.',
  NAME_REQUIRED: 'Bitte geben Sie eine Bezeichnung ein.',
  NAME_TOO_LONG: 'Die Bezeichnung ist zu lang (höchstens {{max}} Zeichen). Bitte kürzen Sie die Bezeichnung.',
  NAME_INVALID: 'Die Bezeichnung enthält unzulässige Steuerzeichen. Bitte geben Sie die Bezeichnung neu ein.',
  HOST_DISCONNECTED: 'Die Verbindung zur Anwendung wurde unterbrochen. Bitte laden Sie die Seite neu.',
  HOST_UNREACHABLE: 'Die Anwendung ist nicht erreichbar. Läuft „npm start“ noch?',
  HOST_TOKEN_INVALID:
    'Dieser Link gilt nicht mehr (die Anwendung wurde neu gestartet). Öffnen Sie den neuen Link aus der Konsole.',
  FORBIDDEN_SENDER: 'Diese Anfrage wurde aus Sicherheitsgründen abgelehnt.',
  UNKNOWN_REQUEST: 'Die Anwendung kennt diese Anfrage nicht. Bitte aktualisieren Sie die Anwendung.',
  INTERNAL: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut; Details stehen im Protokoll.',
  UNKNOWN: 'Unbekannter Fehler ({{code}}). Bitte versuchen Sie es erneut; Details stehen im Protokoll.',
  STORE_CORRUPT:
    'Die gespeicherten Einstellungen waren beschädigt und wurden nach {{backupPath}} verschoben. Es wurde mit leeren Einstellungen begonnen.',
  PROFILES_UNREADABLE:
    '{{count}} Plattform-Einträge in {{file}} konnten nicht gelesen werden (z. B. aus einer neueren Version oder von Hand geändert) und werden nicht angezeigt. Sie bleiben unverändert in der Datei erhalten. Aktualisieren Sie die Anwendung oder senden Sie die Datei an den Support.',
  PROFILES_UNREADABLE_generic:
    'Einige Plattform-Einträge konnten nicht gelesen werden und werden nicht angezeigt. Sie bleiben unverändert in der Einstellungsdatei erhalten. Aktualisieren Sie die Anwendung oder wenden Sie sich an den Support.',
  PROFILES_UNREADABLE_one:
    'Ein Plattform-Eintrag in {{file}} konnte nicht gelesen werden (z. B. aus einer neueren Version oder von Hand geändert) und wird nicht angezeigt. Er bleibt unverändert in der Datei erhalten. Aktualisieren Sie die Anwendung oder senden Sie die Datei an den Support.',
  // Desktop core
  KEYCHAIN_UNAVAILABLE:
    'Es ist kein Schlüsselbund (Secret Service) verfügbar, daher können keine Geheimnisse gespeichert werden. Installieren und entsperren Sie einen Schlüsselbund (z. B. gnome-keyring) und starten Sie die Anwendung neu.',
  CLOUD_NOT_CONFIGURED:
    'Die Cloud-Zugangsdaten fehlen. Bitte tragen Sie unter „Cloud-Zugangsdaten“ Cloud-URL, Client-ID und Client-Secret ein.',
  CLOUD_SECRET_REQUIRED:
    'Das gespeicherte Client-Secret wird nur an die gespeicherte Cloud-URL mit der gespeicherten Client-ID gesendet. Um eine andere Cloud-URL oder Client-ID zu testen, geben Sie das Client-Secret bitte erneut ein.',
  CLOUD_URL_INVALID:
    'Die Cloud-URL ist ungültig. Erlaubt ist eine https-Adresse (http nur für 127.0.0.1/localhost), ohne Benutzername und Passwort.',
  CLOUD_UNREACHABLE:
    'Die Cloud unter {{url}} ist nicht erreichbar. Prüfen Sie die Internetverbindung und die Cloud-URL unter „Cloud-Zugangsdaten“ und versuchen Sie es erneut.',
  CLOUD_UNREACHABLE_generic:
    'Die Cloud ist nicht erreichbar. Prüfen Sie die Internetverbindung und die Cloud-URL unter „Cloud-Zugangsdaten“ und versuchen Sie es erneut.',
  CLOUD_UNREACHABLE_dialog:
    'Unter der Cloud-URL {{url}} antwortet keine Cloud. Bitte prüfen Sie die Adresse und Ihre Internetverbindung.',
  INVALID_CLIENT_CREDENTIALS_dialog: 'Client-ID oder Client-Secret sind falsch. Bitte prüfen Sie beide Felder.',
  NOT_A_CLOUD:
    'Diese Adresse ist keine Cloud-Adresse: {{url}} antwortet, aber nicht als Cloud dieser Anwendung. Tragen Sie unter „Cloud-Zugangsdaten“ die Cloud-URL ein, die Ihnen der Cloud-Anbieter genannt hat, und prüfen Sie sie mit {{btnTest}}.',
  NOT_A_CLOUD_generic:
    'Diese Adresse ist keine Cloud-Adresse. Tragen Sie unter „Cloud-Zugangsdaten“ die Cloud-URL ein, die Ihnen der Cloud-Anbieter genannt hat, und prüfen Sie sie mit {{btnTest}}.',
  NOT_A_CLOUD_dialog:
    'Diese Adresse ist keine Cloud-Adresse: {{url}} antwortet, aber nicht als Cloud dieser Anwendung. Bitte tragen Sie die Cloud-URL ein, die Ihnen der Cloud-Anbieter genannt hat.',
  PLATFORM_INACTIVE:
    'Die Plattform ist nicht aktiv und wird daher nicht verwendet. Setzen Sie unter „Allgemein“ das Häkchen bei „Aktiv“, um sie anzumelden oder Einstellungen zu importieren.',
  NOT_FOUND_dialog: 'Unter dieser Adresse läuft keine Cloud. Bitte prüfen Sie die Cloud-URL.',
  CLOUD_ERROR:
    'Die Cloud hat mit einem unerwarteten Fehler (HTTP {{status}}) geantwortet. Bitte versuchen Sie es später erneut.',
  CLOUD_ERROR_generic: 'Die Cloud hat mit einem unerwarteten Fehler geantwortet. Bitte versuchen Sie es später erneut.',
  BROWSER_OPEN_FAILED: 'Der Browser konnte nicht geöffnet werden. Öffnen Sie {{url}} bitte selbst in Ihrem Browser.',
  BROWSER_OPEN_FAILED_generic:
    'Der Browser konnte nicht geöffnet werden. Öffnen Sie Seller Central bitte selbst und wählen Sie „Apps verwalten“.',
  CONSENT_URL_REJECTED:
    'Der Anmeldelink der Cloud zeigt nicht auf die Amazon-Seite der gewählten Region und wurde aus Sicherheitsgründen nicht geöffnet. Prüfen Sie die Cloud-URL unter „Cloud-Zugangsdaten“ und wenden Sie sich an den Support.',
  SIGN_IN_IN_PROGRESS:
    'Für diese Plattform läuft bereits eine Anmeldung. Schließen Sie sie im Browser ab oder brechen Sie sie ab.',
  NOT_AUTHENTICATED: 'Die Plattform ist noch nicht bei Amazon angemeldet. Bitte klicken Sie zuerst auf {{btnSignIn}}.',
  REGION_CHANGED:
    'Die Region wurde von {{previousRegion}} auf {{region}} geändert; die bisherige Anmeldung gilt nur für ihre Region. Bitte melden Sie sich mit {{btnSignIn}} beim Amazon-Konto der neuen Region an.',
  REGION_CHANGED_generic:
    'Die Region wurde geändert; die bisherige Anmeldung gilt nur für ihre Region. Bitte melden Sie sich mit {{btnSignIn}} beim Amazon-Konto der neuen Region an.',
  REGION_CHANGE_UNCONFIRMED:
    'Ein Wechsel der Region beendet die Anmeldung und muss erst bestätigt werden. Bitte wählen Sie das Land erneut und bestätigen Sie die Rückfrage.',
  NOT_IMPORTED: 'Für diese Plattform wurden noch keine Marktplätze eingelesen. Klicken Sie zuerst auf „{{btnImport}}“.',
  SANDBOX_UNREACHABLE:
    'Die Amazon-Sandbox unter {{url}} antwortet nicht. Läuft „npm start“ noch? Starten Sie die Anwendung sonst neu.',
  SANDBOX_UNREACHABLE_generic:
    'Die Amazon-Sandbox antwortet nicht. Läuft „npm start“ noch? Starten Sie die Anwendung sonst neu.',
  CLOUD_NOT_ENABLED:
    'Für diese Plattform ist „Cloud verwenden“ nicht angehakt. Bitte haken Sie es auf dem Register „Allgemein“ an.',
  AUTH_TIMEOUT:
    'Von Amazon ist rechtzeitig keine Bestätigung eingetroffen. Zeigte Seller Central einen Fehler? Wählen Sie ihn unten aus – Sie erhalten die genaue Ursache. Sonst klicken Sie erneut auf {{btnSignIn}}.',
  AUTH_CANCELLED: 'Die Anmeldung wurde abgebrochen. Klicken Sie auf {{btnSignIn}}, um neu zu beginnen.',
  ABORTED: 'Der Vorgang wurde abgebrochen. Bitte versuchen Sie es erneut.',
  INVALID_MESSAGE: 'Die Anwendung hat eine unverständliche Nachricht erhalten. Bitte laden Sie die Seite neu.',
  NO_SELLER_CHANGE:
    'Für diese Plattform ist keine Entscheidung über das Verkäuferkonto offen. Der Status wurde aktualisiert.',
  CLOUD_URL_REQUIRED: 'Bitte geben Sie die Cloud-URL ein (z. B. https://cloud.example.com).',
  CLOUD_URL_TOO_LONG: 'Die Cloud-URL ist zu lang (höchstens 300 Zeichen). Bitte prüfen Sie die Adresse.',
  CLIENT_ID_REQUIRED: 'Bitte geben Sie die Client-ID ein, die Sie vom Cloud-Anbieter erhalten haben.',
  CLIENT_ID_TOO_LONG:
    'Die Client-ID ist zu lang (höchstens 200 Zeichen). Bitte kopieren Sie sie erneut vom Cloud-Anbieter.',
  CLIENT_ID_INVALID:
    'Die Client-ID enthält Leer- oder Sonderzeichen, die nicht vorkommen dürfen. Bitte kopieren Sie sie erneut vom Cloud-Anbieter.',
  CLIENT_SECRET_REQUIRED: 'Bitte geben Sie das Client-Secret ein, das Sie vom Cloud-Anbieter erhalten haben.',
  CLIENT_SECRET_TOO_LONG:
    'Das Client-Secret ist zu lang (höchstens 500 Zeichen). Bitte kopieren Sie es erneut vom Cloud-Anbieter.',
  NOT_WAITING: 'Für diese Plattform läuft keine Anmeldung (mehr). Der Status wurde aktualisiert.',
  // Cloud: access and request shape
  INVALID_REQUEST:
    'Die Cloud hat die Anfrage als ungültig abgelehnt. Bitte aktualisieren Sie die Anwendung oder wenden Sie sich an den Support.',
  PAYLOAD_TOO_LARGE: 'Die Anfrage war für die Cloud zu groß. Bitte wenden Sie sich an den Support.',
  UNSUPPORTED_MEDIA_TYPE: 'Die Cloud hat das Datenformat der Anfrage abgelehnt. Bitte aktualisieren Sie die Anwendung.',
  NOT_FOUND: 'Die Cloud kennt diese Adresse nicht. Prüfen Sie die Cloud-URL unter „Cloud-Zugangsdaten“.',
  UNAUTHORIZED: 'Die Sitzung bei der Cloud ist abgelaufen. Bitte versuchen Sie es erneut.',
  INVALID_CLIENT_CREDENTIALS:
    'Client-ID oder Client-Secret der Cloud sind falsch. Bitte prüfen Sie die Angaben unter „Cloud-Zugangsdaten“ (TESTEN).',
  TENANT_DISABLED:
    'Der Betreiber der Cloud hat dieses Konto gesperrt. Bitte wenden Sie sich an den Anbieter der Cloud, um es wieder freischalten zu lassen.',
  ADMIN_UNAUTHORIZED: 'Die Cloud hat den Administrationszugang abgelehnt. Bitte wenden Sie sich an den Support.',
  TENANT_NOT_FOUND: 'Die Cloud kennt dieses Konto nicht. Bitte prüfen Sie die Client-ID unter „Cloud-Zugangsdaten“.',
  TENANT_NAME_TAKEN: 'Ein anderes Konto der Cloud trägt bereits diesen Namen. Bitte wenden Sie sich an den Support.',
  UNSUPPORTED_GRANT_TYPE: 'Die Cloud hat die Art der Anmeldung abgelehnt. Bitte aktualisieren Sie die Anwendung.',
  RATE_LIMITED: 'Zu viele Anfragen an die Cloud. Bitte warten Sie {{retryAfter}} Sekunden und versuchen Sie es erneut.',
  RATE_LIMITED_generic: 'Zu viele Anfragen an die Cloud. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  INTERNAL_ERROR: 'In der Cloud ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  // Cloud: platforms
  PLATFORM_NOT_FOUND: 'Die Plattform gibt es nicht mehr. Die Liste wurde aktualisiert.',
  PLATFORM_NAME_TAKEN:
    'Die Bezeichnung „{{name}}“ wird lokal bereits für eine andere Plattform verwendet. Bitte wählen Sie eine andere, z. B. „{{suggestion}}“.',
  PLATFORM_NAME_TAKEN_cloud:
    'Die Bezeichnung „{{name}}“ wird in Ihrem Cloud-Konto bereits verwendet (z. B. an einem anderen Arbeitsplatz). Bitte wählen Sie eine andere, z. B. „{{suggestion}}“.',
  PLATFORM_NAME_TAKEN_generic:
    'Die Bezeichnung wird bereits für eine andere Plattform verwendet. Bitte wählen Sie eine andere Bezeichnung.',
  IDEMPOTENCY_KEY_REUSED:
    'Die Plattform konnte nicht in der Cloud angelegt werden (Anfrage doppelt). Bitte klicken Sie erneut auf {{btnSignIn}}.',
  PLATFORM_NOT_AUTHENTICATED:
    'Die Plattform ist in der Cloud noch nicht bei Amazon angemeldet. Bitte klicken Sie auf {{btnSignIn}}.',
  // Cloud: authorizations and Amazon's redirect
  AUTHORIZATION_NOT_FOUND: 'Die Anmeldung ist in der Cloud nicht bekannt. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  AUTHORIZATION_NOT_PENDING: 'Diese Anmeldung ist bereits abgeschlossen. Der Status wurde aktualisiert.',
  AUTHORIZATION_SUPERSEDED:
    'Diese Anmeldung wurde durch eine neuere ersetzt. Verwenden Sie den Link der neuesten Anmeldung.',
  SELLER_CHANGE_NOT_OPEN:
    'Für diese Anmeldung ist keine Entscheidung über das Verkäuferkonto offen. Der Status wurde aktualisiert.',
  SELLER_CHANGE_DECIDED:
    'Über das Verkäuferkonto wurde bereits anders entschieden (z. B. an einem anderen Arbeitsplatz). Der Status wurde aktualisiert.',
  AUTHORIZATION_EXPIRED:
    'Die Zustimmung bei Amazon wurde nicht rechtzeitig erteilt. Klicken Sie erneut auf {{btnSignIn}} und schließen Sie die Anmeldung innerhalb der angezeigten Zeit ab.',
  STATE_MISSING: 'Die Rückmeldung von Amazon war unvollständig. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  STATE_INVALID:
    'Die Rückmeldung von Amazon war ungültig oder verändert. Bitte klicken Sie erneut auf {{btnSignIn}} und verwenden Sie nur den Link aus dieser Anwendung.',
  STATE_EXPIRED: 'Der Anmeldelink ist abgelaufen. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  STATE_REPLAYED:
    'Dieser Anmeldelink wurde bereits verwendet; jeder Link gilt nur einmal. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  CALLBACK_PARAMS_MISSING:
    'Amazon hat keinen Autorisierungscode zurückgegeben. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  AMAZON_CONSENT_DENIED:
    'Der Zugriff wurde bei Amazon abgelehnt oder abgebrochen. Klicken Sie erneut auf {{btnSignIn}} und bestätigen Sie den Zugriff der Anwendung.',
  AMAZON_CALLBACK_ERROR:
    'Amazon hat die Anmeldung mit einem Fehler beendet. Prüfen Sie, ob Sie als primärer Benutzer eines Kontos im Verkaufstarif „Professionell“ angemeldet sind, und klicken Sie erneut auf {{btnSignIn}}.',
  SELLER_MISMATCH:
    'In Seller Central war ein anderes Verkäuferkonto angemeldet als das, für das die Anmeldung gestartet wurde. Es wurde nichts geändert. Melden Sie sich dort mit dem richtigen Konto an und starten Sie „Erneut autorisieren“ noch einmal, oder klicken Sie hier auf {{btnRefresh}}.',
  SELLER_ID_DISPROVEN:
    'Amazon hat die Anmeldung einem anderen Verkäuferkonto zugeordnet, als die Rückmeldung im Browser nannte – die Adresse wurde unterwegs verändert. Aus Sicherheitsgründen wurde nichts gespeichert. Schließen Sie das Browserfenster und klicken Sie erneut auf {{btnSignIn}}; kopieren oder bearbeiten Sie die Adresse dabei nicht.',
  EXCHANGE_INTERRUPTED:
    'Die Cloud wurde während der Anmeldung unterbrochen, bevor Amazons Zugriff gespeichert war. Es wurde nichts geändert. Bitte klicken Sie erneut auf {{btnSignIn}}.',
  // Login with Amazon
  LWA_INVALID_GRANT:
    'Amazon hat den einmaligen Code nicht angenommen, als die Cloud ihn eingetauscht hat (abgelaufen oder bereits verwendet). Das liegt nicht an Ihnen: Starten Sie die Anmeldung mit {{btnSignIn}} neu.',
  LWA_INVALID_CLIENT:
    'Amazon hat die Zugangsdaten der Cloud-Anwendung abgelehnt (falsch oder nicht erneuert). Bitte wenden Sie sich an den Support Ihres Cloud-Anbieters.',
  LWA_UNAVAILABLE:
    'Amazon ist gerade nicht erreichbar. Bitte warten Sie {{retryAfter}} Sekunden und klicken Sie erneut auf {{btnSignIn}}.',
  LWA_UNAVAILABLE_generic: 'Amazon ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
  LWA_ERROR:
    'Amazon hat die Anmeldung abgelehnt. Bitte klicken Sie erneut auf {{btnSignIn}}; besteht der Fehler weiter, wenden Sie sich an den Support.',
  REFRESH_TOKEN_REVOKED:
    'Amazon lässt den Zugriff nicht mehr zu, weil er in Seller Central entfernt wurde oder die 365-tägige Autorisierung abgelaufen ist. Bitte klicken Sie auf {{btnSignIn}}.',
  // SP-API
  SPAPI_ROLES_MISSING:
    'Amazon verweigert den Zugriff: Der Anwendung fehlen Rollen, oder die Anmeldung stammt von vor deren Freigabe. Bitte klicken Sie auf {{btnRefresh}}; hilft das nicht, wenden Sie sich an den Support.',
  SPAPI_WRONG_REGION:
    'Das Amazon-Konto gehört zur Region {{actualRegion}}, gewählt ist {{region}}. Wählen Sie unter Region ein Land der Region {{actualRegion}} und melden Sie sich erneut an.',
  SPAPI_WRONG_REGION_generic:
    'Das Amazon-Konto gehört zu einer anderen Region als der hier gewählten. Wählen Sie unter Region ein Land der Region Ihres Verkäuferkontos (Nordamerika, Europa oder Fernost) und melden Sie sich erneut an.',
  SPAPI_ACCESS_DENIED:
    'Amazon verweigert den Zugriff auf das Verkäuferkonto. Bitte klicken Sie auf {{btnRefresh}} und bestätigen Sie den Zugriff erneut.',
  SPAPI_RATE_LIMITED:
    'Amazon drosselt die Anfragen. Bitte warten Sie {{retryAfter}} Sekunden und versuchen Sie es erneut.',
  SPAPI_RATE_LIMITED_generic:
    'Amazon drosselt die Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  SPAPI_SERVER_ERROR: 'Amazon hat mit einem Serverfehler geantwortet. Bitte versuchen Sie es später erneut.',
  SPAPI_UNAVAILABLE: 'Amazon (SP-API) ist nicht erreichbar. Bitte versuchen Sie es später erneut.',
  // Seller Central's refusals (shared/seller-central-errors.ts), reported by the merchant while waiting
  SELLER_CENTRAL_WRONG_REGION:
    'Seller Central lehnt ab: Ihr Amazon-Konto gehört zu {{actualRegion}}, gewählt ist {{region}}. Wählen Sie unter Region „{{country}}“ (oder ein anderes Land dieser Region) und klicken Sie erneut auf {{btnSignIn}}.',
  SELLER_CENTRAL_WRONG_REGION_generic:
    'Seller Central lehnt ab: Ihr Amazon-Konto gehört zu einer anderen Region als der hier gewählten. Wählen Sie unter Region ein Land der Region Ihres Kontos (Nordamerika, Europa oder Fernost) und klicken Sie erneut auf {{btnSignIn}}.',
  SELLER_CENTRAL_NOT_PRIMARY:
    'Seller Central zeigt „Invalid Access“: Nur der Hauptnutzer des Verkäuferkontos oder ein Nutzer mit dem Recht „Autorisierte Partner verwalten“ darf Anwendungen autorisieren. Melden Sie sich im Browser mit einem solchen Nutzer an (oder lassen Sie sich das Recht geben) und klicken Sie erneut auf {{btnSignIn}}.',
  SELLER_CENTRAL_INDIVIDUAL_ACCOUNT:
    'Seller Central lehnt ab: Apps kann nur der primäre Benutzer eines Kontos im Verkaufstarif „Professionell“ autorisieren – Ihr Konto hat den Verkaufstarif „Einzelanbieter“, oder Sie haben sich nicht als dieser angemeldet. Wechseln Sie in Seller Central den Tarif oder melden Sie sich im Browser mit den Zugangsdaten des Kontoinhabers an, dann erneut {{btnSignIn}}.',
  SELLER_CENTRAL_DRAFT_LIMIT:
    'Seller Central lehnt ab: Die Anwendung des Cloud-Anbieters ist noch nicht im Amazon Appstore gelistet und hat die Höchstzahl von 25 Händlern erreicht. Das können Sie nicht selbst beheben – bitte wenden Sie sich an den Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_OTP_REJECTED:
    'Amazon lehnt den Einmalcode ab. Prüfen Sie, ob Datum und Uhrzeit Ihres Telefons automatisch gestellt werden (die Authenticator-App braucht die genaue Zeit), bzw. fordern Sie per „Einmalpasswort erneut senden“ einen neuen SMS-Code an und geben Sie ihn im geöffneten Browserfenster ein. Die Anmeldung läuft weiter.',
  SELLER_CENTRAL_CONSENT_CANCELLED:
    'Die Zustimmung wurde bei Amazon abgebrochen; die Anwendung hat keinen Zugriff erhalten. Klicken Sie erneut auf {{btnSignIn}} und bestätigen Sie den Zugriff mit „Bestätigen“.',
  SELLER_CENTRAL_BROWSER_CLOSED:
    'Das Browserfenster wurde geschlossen – die Anmeldung läuft noch. Öffnen Sie den Anmeldelink mit „Im Browser öffnen“ erneut und schließen Sie die Anmeldung in der angezeigten Zeit ab.',
  SELLER_CENTRAL_SESSION_EXPIRED:
    'Die Sitzung bei Seller Central ist abgelaufen. Öffnen Sie den Anmeldelink mit „Im Browser öffnen“ erneut; die Anmeldung läuft weiter.',
  SELLER_CENTRAL_MD1000:
    'Seller Central lehnt ab (MD1000): Die Anwendung des Cloud-Anbieters ist noch ein Entwurf und wurde ohne den nötigen Parameter aufgerufen. Das können Sie nicht selbst beheben – bitte melden Sie den Code MD1000 dem Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_MD5101:
    'Seller Central lehnt ab (MD5101): Die Rücksprungadresse der Cloud ist bei Amazon nicht registriert. Bitte melden Sie den Code MD5101 dem Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_MD5110:
    'Seller Central lehnt ab (MD5110): Die Rücksprungadresse der Cloud ist ungültig (enthält ein #). Bitte melden Sie den Code MD5110 dem Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_MD9000:
    'Seller Central lehnt ab (MD9000): Der Cloud-Anbieter darf derzeit keine neuen Autorisierungen erhalten (z. B. weil seine Anwendung nicht im Appstore gelistet ist). Das können Sie nicht selbst beheben – bitte melden Sie den Code MD9000 dem Support Ihres Cloud-Anbieters; bestehende Anmeldungen laufen weiter.',
  SELLER_CENTRAL_MD9010:
    'Seller Central lehnt ab (MD9010): Der Anwendung des Cloud-Anbieters fehlt für die Region Ihres Kontos eine MWS-Entwickler-ID. Das können Sie nicht selbst beheben – bitte melden Sie den Code MD9010 und Ihre Region dem Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_MD9100:
    'Seller Central lehnt ab (MD9100): Für die Anwendung des Cloud-Anbieters sind bei Amazon keine Login-URI bzw. Redirect-URI eingetragen. Das können Sie nicht selbst beheben – bitte melden Sie den Code MD9100 dem Support Ihres Cloud-Anbieters.',
  SELLER_CENTRAL_MD9999:
    'Seller Central lehnt ab (MD9999): Der Anmeldelink ist fehlerhaft. Klicken Sie erneut auf {{btnSignIn}}; tritt der Fehler wieder auf, melden Sie den Code MD9999 dem Support Ihres Cloud-Anbieters.',
  SANDBOX_ONLY: 'Das geht nur mit der Amazon-Sandbox (Start ohne „--production“).',
  IMPORT_INVALID:
    'Die Datei ist kein gültiges Protokoll dieser Anwendung (Fehler bei „{{field}}“). Bitte lassen Sie das Protokoll mit „{{btnExport}}“ neu exportieren und importieren Sie diese Datei unverändert.',
  IMPORT_INVALID_generic:
    'Die Datei ist kein gültiges Protokoll dieser Anwendung (kein JSON, zu groß oder beschädigt). Bitte lassen Sie das Protokoll mit „{{btnExport}}“ neu exportieren und importieren Sie diese Datei unverändert.',
  IMPORT_TOO_LARGE:
    'Die Datei ist zu groß für ein Protokoll (höchstens 256 KB). Bitte wählen Sie die exportierte Protokolldatei.',
  CLOUD_PLATFORM_IN_USE:
    'Diese Cloud-Plattform gehört zu einer Plattform in dieser Liste. Löschen Sie sie dort mit „Löschen“.',
  SELLER_CENTRAL_AMAZON_STATE_INVALID:
    'Seller Central lehnt ab: Die Anmeldung, die in Seller Central (Erneut autorisieren) oder im Appstore begonnen wurde, ist abgelaufen oder passt nicht zu dieser Anwendung. Starten Sie sie dort erneut oder klicken Sie hier auf {{btnSignIn}}.',
  SELLER_CENTRAL_LOGIN_URI_MISSING:
    'Seller Central lehnt ab: Für die Anwendung des Cloud-Anbieters ist keine Login-URI registriert, daher geht „Erneut autorisieren“ in Seller Central nicht. Klicken Sie hier auf {{btnSignIn}} und melden Sie den Fehler dem Support Ihres Cloud-Anbieters.',
} as const satisfies ErrorTexts;
