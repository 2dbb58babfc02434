import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type PowVerdict = 'solved' | 'unsolved';

/**
 * A stateless proof-of-work challenge for the tip form. The server signs "issuedAt.random.bits";
 * a browser with JavaScript finds a nonce whose SHA-256 over "challenge:nonce" starts with
 * `bits` zero bits. A form sent without a solution is still accepted (so a browser without
 * JavaScript is never locked out) but counts against a much smaller per-address allowance.
 */
export class ProofOfWork {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly secret: Buffer,
    readonly bits: number,
    private readonly maxAgeMs: number = 2 * 60 * 60 * 1000,
  ) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  issue(now: number = Date.now()): string {
    const payload = `${now}.${randomBytes(12).toString('base64url')}.${this.bits}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** Checks a challenge and nonce; a challenge counts as solved once only. */
  verify(challenge: string, nonce: string, now: number = Date.now()): PowVerdict {
    const parts = challenge.split('.');
    if (parts.length !== 4 || !/^\d{1,12}$/.test(nonce)) return 'unsolved';
    const [issued, random, bits, signature] = parts as [string, string, string, string];
    const expected = Buffer.from(this.sign(`${issued}.${random}.${bits}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'unsolved';
    const issuedAt = Number(issued);
    if (!(issuedAt <= now && now - issuedAt <= this.maxAgeMs) || Number(bits) < this.bits) return 'unsolved';
    if (this.used.has(random)) return 'unsolved';
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    if (leadingZeroBits(digest) < Number(bits)) return 'unsolved';
    this.sweep(now);
    this.used.set(random, issuedAt + this.maxAgeMs);
    return 'solved';
  }

  private sweep(now: number): void {
    if (this.used.size < 10_000) return;
    for (const [key, expires] of this.used) if (expires <= now) this.used.delete(key);
  }
}

/** Solves a challenge (for tests and the benchmark; the browser does the same in public.js). */
export function solveChallenge(challenge: string): string {
  const bits = Number(challenge.split('.')[2]);
  for (let nonce = 0; ; nonce += 1) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= bits) return String(nonce);
  }
}

/** Picks the public language from an Accept-Language header, or null when none is offered. */
export function negotiateLanguage(header: string | undefined, offered: readonly string[]): string | null {
  if (!header) return null;
  const aliases: Record<string, string> = { no: 'nb', nob: 'nb', nno: 'nn', fil: 'tl', tgl: 'tl' };
  const ranges = header
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag && range.q > 0 && !Number.isNaN(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0] ?? '';
    const code = aliases[primary] ?? primary;
    if (offered.includes(code)) return code;
  }
  return null;
}
