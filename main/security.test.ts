import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appOrigin,
  contentSecurityPolicy,
  decidePermission,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
} from './security.ts';

// Electron's security checklist, one test per item, each against the values
// every window is created with (main/window.test.ts checks the window uses them).

const root = path.resolve(import.meta.dirname, '..');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [String(name), sources]),
  );
}

/**
 * The page as shipped. `npm test` builds before the unit tests, so a missing
 * build is a failure that says what to run, never a silent skip.
 */
function readPage(file: string): string {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) throw new Error(`${file} is missing: run \`npm run build\` before these checks`);
  return fs.readFileSync(full, 'utf8');
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match?.[1]) throw new Error('no Content-Security-Policy meta tag');
  return match[1];
}

describe('Electron security checklist', () => {
  it('isolates the page from the preload (contextIsolation)', () => {
    expect(secureWebPreferences.contextIsolation).toBe(true);
  });

  it('sandboxes the renderer', () => {
    expect(secureWebPreferences.sandbox).toBe(true);
  });

  it('gives no page, worker or subframe access to Node', () => {
    expect(secureWebPreferences.nodeIntegration).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInWorker).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps webSecurity (same-origin policy) on', () => {
    expect(secureWebPreferences.webSecurity).toBe(true);
  });

  it('never runs insecure content', () => {
    expect(secureWebPreferences.allowRunningInsecureContent).toBe(false);
  });

  it('enables no experimental or blink features', () => {
    expect(secureWebPreferences.experimentalFeatures).toBe(false);
    expect(secureWebPreferences.enableBlinkFeatures).toBe('');
  });

  it('has no <webview> tag', () => {
    expect(secureWebPreferences.webviewTag).toBe(false);
  });

  it('does not navigate to a file dropped on the window', () => {
    expect(secureWebPreferences.navigateOnDragDrop).toBe(false);
  });

  describe('Content-Security-Policy', () => {
    const policy = directives(contentSecurityPolicy);

    it('allows scripts, styles and connections only from the app itself, with no inline code or eval', () => {
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('frame-src')).toEqual(["'none'"]);
    });

    it('names no remote origin and no unsafe keyword anywhere', () => {
      expect(contentSecurityPolicy).not.toMatch(/unsafe-|https?:|wss?:|\*|blob:/);
    });

    for (const file of ['renderer/index.html', 'out/renderer/index.html']) {
      it(`${file} carries the same policy in its meta tag`, () => {
        const meta = metaPolicy(readPage(file));
        expect(meta).not.toMatch(/unsafe-|https?:|wss?:|\*|blob:/);
        // frame-ancestors is ignored in a meta tag, so only the response header carries it.
        const expected = new Map(policy);
        expected.delete('frame-ancestors');
        expect(directives(meta)).toEqual(expected);
      });
    }

    it('the built page has no inline script or style element', () => {
      const html = readPage('out/renderer/index.html');
      for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(tag[1]).toMatch(/\bsrc=/);
        expect(tag[2]?.trim()).toBe('');
      }
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    });
  });

  describe('navigation', () => {
    it('allows the app’s own pages', () => {
      expect(isAllowedNavigation(`${appOrigin}/index.html`)).toBe(true);
      expect(isAllowedNavigation(`${appOrigin}/index.html#/meeting/3`)).toBe(true);
    });

    it.each([
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://sherpa.evil.example/index.html',
      'app://sherpa@evil.example/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ])('refuses %s', (url) => {
      expect(isAllowedNavigation(url)).toBe(false);
    });
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies the %s permission', (permission) => {
    expect(decidePermission(permission)).toBe(false);
  });

  describe('shell.openExternal allow-list', () => {
    it.each(['https://www.nato.int/cps/en/natohq/news_217320.htm', 'http://example.org/page'])('opens the web page %s', (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true);
    });

    it.each([
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'data:text/html,x',
      'app://sherpa/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'https://user:secret@example.org/',
      'mailto:someone@example.org',
      'not a url',
    ])('refuses %s', (url) => {
      expect(isAllowedExternalUrl(url)).toBe(false);
    });
  });

  describe('IPC sender', () => {
    it('trusts the app’s own top-level page', () => {
      expect(isTrustedSender(`${appOrigin}/index.html`, true)).toBe(true);
    });

    it('refuses a subframe, even of the app’s own origin', () => {
      expect(isTrustedSender(`${appOrigin}/index.html`, false)).toBe(false);
    });

    it.each(['https://evil.example/', 'file:///tmp/x.html', 'app://other/', 'about:blank'])('refuses a page at %s', (url) => {
      expect(isTrustedSender(url, true)).toBe(false);
    });

    it('refuses a sender whose URL is unknown', () => {
      expect(isTrustedSender(undefined, true)).toBe(false);
    });
  });

  describe('fuses in the packaged build (electron-builder.yml)', () => {
    const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const fuse = (name: string) => new RegExp(`^\\s+${name}:\\s*(true|false)\\s*$`, 'm').exec(config)?.[1];

    it.each([
      ['runAsNode', 'false'],
      ['enableNodeOptionsEnvironmentVariable', 'false'],
      ['enableNodeCliInspectArguments', 'false'],
      ['grantFileProtocolExtraPrivileges', 'false'],
      ['enableCookieEncryption', 'true'],
      ['enableEmbeddedAsarIntegrityValidation', 'true'],
      ['onlyLoadAppFromAsar', 'true'],
    ])('sets %s to %s', (name, value) => {
      expect(config).toMatch(/^electronFuses:\s*$/m);
      expect(fuse(name)).toBe(value);
    });
  });
});
