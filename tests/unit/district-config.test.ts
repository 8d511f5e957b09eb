import { describe, expect, it } from 'vitest';
import { DEMO_BACKOFFICE_TOKEN, districtConfig } from '../../src/district/config';
import { isLoopbackHost, listenAddress } from '../../src/shared/domain';

describe('where a server listens', () => {
  it('an empty or unset host is loopback', () => {
    expect(listenAddress(undefined)).toBe('127.0.0.1');
    expect(listenAddress('  ')).toBe('127.0.0.1');
    expect(listenAddress(' 0.0.0.0 ')).toBe('0.0.0.0');
  });
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])('%s is loopback', (h) => expect(isLoopbackHost(h)).toBe(true));
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.5', 'hub.office.lan', '128.0.0.1', '127.0.0.1.example.com', '::ffff:192.168.1.2'])('%s is not', (h) => expect(isLoopbackHost(h)).toBe(false));
});

describe('district server settings', () => {
  it('loopback keeps the demo: demo token and demo office when nothing is set', () => {
    const c = districtConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8090, dataDir: 'data/district', backOfficeToken: DEMO_BACKOFFICE_TOKEN, tokenSet: false, demoOffice: true });
    expect(districtConfig({ DISTRICT_DEMO_OFFICE: '0' }).demoOffice).toBe(false);
  });

  it.each([
    [{ DISTRICT_HOST: '0.0.0.0' }, 'no back-office token'],
    [{ DISTRICT_HOST: '0.0.0.0', DISTRICT_BACKOFFICE_TOKEN: '  ' }, 'no back-office token'],
    [{ DISTRICT_HOST: '192.168.1.10', DISTRICT_BACKOFFICE_TOKEN: DEMO_BACKOFFICE_TOKEN }, 'the demo back-office token'],
  ])('refuses a non-loopback address without a token of its own (%o)', (env, what) => {
    expect(() => districtConfig(env)).toThrow(`Refusing to listen on ${env.DISTRICT_HOST} (not loopback) with ${what}: set DISTRICT_BACKOFFICE_TOKEN to a secret of your own`);
  });

  it('off loopback the demo office is created only when asked for', () => {
    const env = { DISTRICT_HOST: '0.0.0.0', DISTRICT_BACKOFFICE_TOKEN: 'a-secret-of-the-province' };
    expect(districtConfig(env)).toMatchObject({ host: '0.0.0.0', backOfficeToken: 'a-secret-of-the-province', tokenSet: true, demoOffice: false });
    expect(districtConfig({ ...env, DISTRICT_DEMO_OFFICE: '1' }).demoOffice).toBe(true);
  });

  it('bad values are one clear line', () => {
    expect(() => districtConfig({ DISTRICT_PORT: 'eighty' })).toThrow('DISTRICT_PORT must be a port number (0–65535), not "eighty".');
    expect(() => districtConfig({ DISTRICT_PORT: '70000' })).toThrow('DISTRICT_PORT must be a port number');
    expect(() => districtConfig({ DISTRICT_DEMO_OFFICE: 'yes' })).toThrow('DISTRICT_DEMO_OFFICE must be 1 (create the demo office) or 0 (do not), not "yes".');
  });
});
