import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { MAX_TIMER_MS } from './notification.worker';
import { nextDigestAt } from './notify';

describe('SMTP configuration', () => {
  it('is off without a host, and needs a sender, both login parts and TLS to a remote server', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ LYKT_SMTP_HOST: 'smtp.kommune.no', LYKT_SMTP_FROM: 'Lykt <lykt@kommune.no>' }).smtp).toEqual({ host: 'smtp.kommune.no', port: 587, user: null, password: null, from: 'Lykt <lykt@kommune.no>', tls: 'starttls' });
    expect(loadConfig({ LYKT_SMTP_HOST: 'smtp.kommune.no', LYKT_SMTP_FROM: 'x <a@b.no>', LYKT_SMTP_TLS: 'implicit' }).smtp?.port).toBe(465);
    expect(loadConfig({ LYKT_SMTP_HOST: '127.0.0.1', LYKT_SMTP_FROM: 'x <a@b.no>', LYKT_SMTP_TLS: 'none', LYKT_SMTP_PORT: '2525' }).smtp).toMatchObject({ tls: 'none', port: 2525 });
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ LYKT_SMTP_HOST: 'smtp.kommune.no' })).toEqual([expect.stringMatching(/^LYKT_SMTP_FROM: required/)]);
    expect(problems({ LYKT_SMTP_HOST: 'smtp.kommune.no', LYKT_SMTP_FROM: 'x <a@b.no>', LYKT_SMTP_TLS: 'none' })).toEqual([expect.stringMatching(/^LYKT_SMTP_TLS: none is allowed only/)]);
    expect(problems({ LYKT_SMTP_HOST: 'smtp.kommune.no', LYKT_SMTP_FROM: 'x <a@b.no>', LYKT_SMTP_USER: 'lykt' })).toEqual([expect.stringMatching(/^LYKT_SMTP_USER and LYKT_SMTP_PASSWORD/)]);
    expect(problems({ LYKT_SMTP_TLS: 'plain' })).toEqual([expect.stringMatching(/^LYKT_SMTP_TLS/)]);
  });

  it('keeps the worker’s timer within what Node accepts', () => {
    expect(loadConfig({ LYKT_NOTIFY_POLL_SECONDS: '3600' }).notifyPollMs).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(() => loadConfig({ LYKT_NOTIFY_POLL_SECONDS: '999999' })).toThrow(ConfigError);
  });

  it('sends the digest at the next 06:00 UTC', () => {
    expect(nextDigestAt(new Date('2026-03-01T05:59:00Z')).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-03-01T06:00:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z');
  });
});
