// The security baseline from Electron's checklist, as plain values and pure
// functions so each one is tested without launching Electron.

export const appScheme = 'app';
export const appHost = 'sherpa';
export const appOrigin = `${appScheme}://${appHost}`;

/** Every BrowserWindow of Sherpa is created with exactly these. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** No remote origin anywhere, no inline script, no eval. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Only the app's own pages may be shown; every other navigation is stopped. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const target = new URL(url);
    return target.protocol === `${appScheme}:` && target.host === appHost;
  } catch {
    return false;
  }
}

/** Sherpa needs no camera, microphone, location, notifications or anything else a page can ask for. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** Links a user may open in the system browser: web pages only, never files or custom schemes. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const target = new URL(url);
    return (target.protocol === 'https:' || target.protocol === 'http:') && target.username === '' && target.password === '';
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAllowedNavigation(frameUrl);
}
