import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('passkey (WebAuthn) configuration', () => {
  it('takes the RP id and origin from LYKT_PUBLIC_URL by default', () => {
    const config = loadConfig({ NODE_ENV: 'test', LYKT_PUBLIC_URL: 'https://lykt.example.kommune.no' });
    expect(config.webauthn).toEqual({ rpId: 'lykt.example.kommune.no', rpName: 'Lykt', origins: ['https://lykt.example.kommune.no'] });
  });

  it('falls back to localhost and the port in development', () => {
    expect(loadConfig({ NODE_ENV: 'test', PORT: '3204' }).webauthn).toEqual({ rpId: 'localhost', rpName: 'Lykt', origins: ['http://localhost:3204'] });
  });

  it('accepts several origins on the RP id and its subdomains', () => {
    const config = loadConfig({ NODE_ENV: 'test', LYKT_WEBAUTHN_RP_ID: 'example.kommune.no', LYKT_WEBAUTHN_ORIGINS: 'https://lykt.example.kommune.no, https://example.kommune.no' });
    expect(config.webauthn.origins).toEqual(['https://lykt.example.kommune.no', 'https://example.kommune.no']);
  });

  it('refuses an origin outside the RP id, an origin with a path and an IP address as RP id', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', LYKT_WEBAUTHN_RP_ID: 'example.kommune.no', LYKT_WEBAUTHN_ORIGINS: 'https://evil.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', LYKT_WEBAUTHN_RP_ID: 'example.kommune.no', LYKT_WEBAUTHN_ORIGINS: 'https://example.kommune.no/app' })).toThrow(/as an origin only/);
    expect(() => loadConfig({ NODE_ENV: 'test', LYKT_WEBAUTHN_RP_ID: '10.0.0.5' })).toThrow(/not an IP address/);
  });
});
