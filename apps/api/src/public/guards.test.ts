import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, negotiateLanguage, ProofOfWork, solveChallenge } from './guards';
import { escapeHtml, html, interpolate, raw } from './html';

describe('ProofOfWork', () => {
  const pow = new ProofOfWork(Buffer.alloc(32, 1), 8);

  it('accepts a solved challenge once, and refuses forged, expired, weakened or unsolved ones', () => {
    const challenge = pow.issue(1_000);
    const nonce = solveChallenge(challenge);
    expect(leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest())).toBeGreaterThanOrEqual(8);
    expect(pow.verify(challenge, nonce, 2_000)).toBe('solved');
    expect(pow.verify(challenge, nonce, 2_000)).toBe('unsolved');
    const fresh = pow.issue(1_000);
    expect(pow.verify(fresh, '', 2_000)).toBe('unsolved');
    expect(pow.verify(fresh, solveChallenge(fresh), 1_000 + 3 * 60 * 60 * 1000)).toBe('unsolved');
    const [issued, random, , signature] = fresh.split('.');
    const weakened = `${issued}.${random}.0.${signature}`;
    expect(pow.verify(weakened, '0', 2_000)).toBe('unsolved');
    const other = new ProofOfWork(Buffer.alloc(32, 2), 8).issue(1_000);
    expect(pow.verify(other, solveChallenge(other), 2_000)).toBe('unsolved');
    expect(pow.verify('garbage', '1', 2_000)).toBe('unsolved');
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0x80]))).toBe(8);
    expect(leadingZeroBits(Buffer.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Buffer.from([0x40]))).toBe(1);
  });
});

describe('negotiateLanguage', () => {
  const offered = ['nb', 'nn', 'en', 'ar', 'tl', 'uk'];
  it('respects q-values and order, maps aliases, ignores junk', () => {
    expect(negotiateLanguage('nn-NO,nb;q=0.9', offered)).toBe('nn');
    expect(negotiateLanguage('nb;q=0.1, ar;q=0.9', offered)).toBe('ar');
    expect(negotiateLanguage('nb-NO', offered)).toBe('nb');
    expect(negotiateLanguage('fil', offered)).toBe('tl');
    expect(negotiateLanguage('*', offered)).toBeNull();
    expect(negotiateLanguage('en;q=0', offered)).toBeNull();
    expect(negotiateLanguage(';;;,,,q=abc', offered)).toBeNull();
    expect(negotiateLanguage(undefined, offered)).toBeNull();
  });
});

describe('html', () => {
  it('escapes every interpolated value unless it is SafeHtml', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
    expect(html`<p>${'<b>'}${raw('<i>')}${['<', html`<br>`]}${null}${false}</p>`.value).toBe('<p>&lt;b&gt;<i>&lt;<br></p>');
    expect(interpolate('{municipality} <hjelper>', { municipality: '<Bø>' }).value).toBe('&lt;Bø&gt; &lt;hjelper&gt;');
  });
});
