import { describe, expect, it } from 'vitest';
import { allowPermissionCheck, allowPermissionRequest } from '../../src/main/electron/permissions';

const APP = 'http://127.0.0.1:8080';
const page = 'http://127.0.0.1:8080/kiosk';

describe('permission requests', () => {
  it('allow the camera alone for the hub main frame', () => {
    expect(allowPermissionRequest({ permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] }, APP)).toBe(true);
  });
  it.each([
    ['microphone', { permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['audio'] }],
    ['camera + microphone', { permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['video', 'audio'] }],
    ['media without types', { permission: 'media', requestingUrl: page, isMainFrame: true }],
    ['camera from another origin', { permission: 'media', requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] }],
    ['camera from a sub frame', { permission: 'media', requestingUrl: page, isMainFrame: false, mediaTypes: ['video'] }],
    ['notifications', { permission: 'notifications', requestingUrl: page, isMainFrame: true }],
    ['geolocation', { permission: 'geolocation', requestingUrl: page, isMainFrame: true }],
    ['display capture', { permission: 'display-capture', requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] }],
    ['fullscreen', { permission: 'fullscreen', requestingUrl: page, isMainFrame: true }],
    ['openExternal', { permission: 'openExternal', requestingUrl: page, isMainFrame: true }],
  ])('deny %s', (_n, input) => {
    expect(allowPermissionRequest(input, APP)).toBe(false);
  });
  it('deny everything while the window has no origin', () => {
    expect(allowPermissionRequest({ permission: 'media', requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] }, null)).toBe(false);
  });
});

describe('permission checks', () => {
  it('allow a camera check from the hub origin only', () => {
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'video', isMainFrame: true }, APP)).toBe(true);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'audio' }, APP)).toBe(false);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'unknown' }, APP)).toBe(false);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: 'http://127.0.0.1:9999', mediaType: 'video' }, APP)).toBe(false);
    expect(allowPermissionCheck({ permission: 'media', requestingOrigin: APP, mediaType: 'video', isMainFrame: false }, APP)).toBe(false);
    expect(allowPermissionCheck({ permission: 'clipboard-read', requestingOrigin: APP }, APP)).toBe(false);
  });
});
