import { describe, expect, it } from 'vitest';
import { httpOrigin, isAppUrl, isTrustedSender, normaliseHubUrl } from '../../src/main/electron/origin';
import { localHubOrigin, originPort, windowUrl } from '../../src/main/electron/hub-url';

const APP = 'http://127.0.0.1:8080';

describe('isAppUrl', () => {
  it('accepts pages of the hub origin', () => {
    expect(isAppUrl('http://127.0.0.1:8080/kiosk', APP)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:8080/counter?x=1#device=abc', APP)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:8080', APP)).toBe(true);
  });

  it.each([
    ['another port', 'http://127.0.0.1:8081/kiosk'],
    ['https instead of http', 'https://127.0.0.1:8080/kiosk'],
    ['localhost is another origin', 'http://localhost:8080/kiosk'],
    ['prefix trick', 'http://127.0.0.1:8080.evil.example/kiosk'],
    ['credentials trick', 'http://127.0.0.1:8080@evil.example/kiosk'],
    ['user info on the hub itself', 'http://user:pw@127.0.0.1:8080/kiosk'],
    ['external site', 'https://example.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>x</h1>'],
    ['file:', 'file:///etc/passwd'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(isAppUrl(url, APP)).toBe(false);
  });

  it('refuses everything when the window has no origin yet', () => {
    expect(isAppUrl('http://127.0.0.1:8080/kiosk', null)).toBe(false);
  });

  it('httpOrigin only knows http(s)', () => {
    expect(httpOrigin('https://Example.COM:443/a')).toBe('https://example.com');
    expect(httpOrigin('ftp://example.com/')).toBeNull();
    expect(httpOrigin(undefined)).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame on the hub origin', () => {
    expect(isTrustedSender({ url: 'http://127.0.0.1:8080/kiosk', isMainFrame: true }, APP)).toBe(true);
  });
  it('refuses sub frames, other origins, the status page and a gone frame', () => {
    expect(isTrustedSender({ url: 'http://127.0.0.1:8080/kiosk', isMainFrame: false }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,x', isMainFrame: true }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:8080/kiosk', isMainFrame: true }, null)).toBe(false);
  });
});

describe('hub URLs', () => {
  it('normalises a configured hub URL to its origin', () => {
    expect(normaliseHubUrl(' http://192.168.1.10:8080/ ')).toBe('http://192.168.1.10:8080');
    expect(normaliseHubUrl('https://hub.local')).toBe('https://hub.local');
  });
  it.each(['192.168.1.10:8080', 'ftp://hub', 'http://hub/kiosk', 'http://hub/?a=1', 'http://hub/#x', 'http://u:p@hub'])('refuses %s', (u) => {
    expect(() => normaliseHubUrl(u)).toThrow();
  });
  it('maps a wildcard bind address to loopback', () => {
    expect(localHubOrigin('http://0.0.0.0:8080')).toBe('http://127.0.0.1:8080');
    expect(localHubOrigin('http://127.0.0.1:41234/')).toBe('http://127.0.0.1:41234');
    expect(() => localHubOrigin('file:///x')).toThrow();
  });
  it('puts the device token in the fragment', () => {
    expect(windowUrl(APP, 'kiosk', 'a b')).toBe('http://127.0.0.1:8080/kiosk#device=a%20b');
    expect(windowUrl(APP, 'admin', null)).toBe('http://127.0.0.1:8080/admin');
    expect(originPort('https://hub.local')).toBe(443);
  });
});
