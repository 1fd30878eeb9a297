// Fulfillment-Signature: the format is pinned to a hand-computed HMAC, and every rejection reason
// is produced on purpose. The sandbox warehouse's independent signer must verify too.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signFulfillmentEvent, verifyFulfillmentSignature } from '../../server/fulfillment/index.js';
import { signEvent } from '../../sandbox/warehouse/index.js';

const KEY = 'whk_test_key_0001';
const BODY = '{"id":"evt_1","type":"order.cancelled","created_at":"2024-05-01T10:00:00Z","data":{"note":"héllo"}}';
const T = 1_714_557_600;

const mac = (key: string, t: number, body: string) => createHmac('sha256', key).update(`${t}.${body}`).digest('hex');

describe('signFulfillmentEvent', () => {
  it('produces t={seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}', () => {
    expect(signFulfillmentEvent(BODY, KEY, T)).toBe(`t=${T},v1=${mac(KEY, T, BODY)}`);
  });

  it('signs a Buffer the same as the string of the same bytes', () => {
    expect(signFulfillmentEvent(Buffer.from(BODY, 'utf8'), KEY, T)).toBe(signFulfillmentEvent(BODY, KEY, T));
  });

  it('matches the sandbox warehouse signer', () => {
    expect(signEvent(BODY, KEY, T)).toBe(signFulfillmentEvent(BODY, KEY, T));
  });

  it('refuses a non-integer timestamp and an empty key', () => {
    expect(() => signFulfillmentEvent(BODY, KEY, 1.5)).toThrow(TypeError);
    expect(() => signFulfillmentEvent(BODY, '', T)).toThrow(TypeError);
  });
});

describe('verifyFulfillmentSignature', () => {
  const header = `t=${T},v1=${mac(KEY, T, BODY)}`;
  const verify = (over: Partial<Parameters<typeof verifyFulfillmentSignature>[0]> = {}) =>
    verifyFulfillmentSignature({ rawBody: BODY, header, apiKey: KEY, nowSeconds: T, ...over });

  it('accepts a genuine signature, as string or Buffer body, within the tolerance either way', () => {
    expect(verify()).toEqual({ ok: true });
    expect(verify({ rawBody: Buffer.from(BODY) })).toEqual({ ok: true });
    expect(verify({ nowSeconds: T + 300 })).toEqual({ ok: true });
    expect(verify({ nowSeconds: T - 300 })).toEqual({ ok: true });
    expect(verify({ header: ` t=${T} , v1=${mac(KEY, T, BODY).toUpperCase()} ` })).toEqual({ ok: true });
  });

  it('reports a missing header', () => {
    for (const h of [undefined, null, '', '   ']) expect(verify({ header: h })).toEqual({ ok: false, reason: 'missing' });
  });

  it('reports malformed headers', () => {
    const sig = mac(KEY, T, BODY);
    for (const h of [
      'garbage',
      `v1=${sig}`,
      `t=${T}`,
      `t=abc,v1=${sig}`,
      `t=${T},t=${T},v1=${sig}`,
      `t=${T},v1=nothex`,
      `t=${T},v1=${sig.slice(0, 40)}`,
      `t=${T},v1=${sig},${'x'.repeat(5000)}=1`,
    ]) {
      expect(verify({ header: h }), h).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('reports a stale (or too far future) timestamp of a genuine signature', () => {
    expect(verify({ nowSeconds: T + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ nowSeconds: T - 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verify({ nowSeconds: T + 60, toleranceSeconds: 30 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('reports a mismatch for a tampered body, a wrong key or a moved timestamp', () => {
    expect(verify({ rawBody: BODY.replace('order.cancelled', 'order.rejected') })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ rawBody: `${BODY} ` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ apiKey: 'whk_other_key' })).toEqual({ ok: false, reason: 'mismatch' });
    // Replaying the signature with a fresh t does not work: t is part of the signed text.
    expect(verify({ header: `t=${T + 1000},v1=${mac(KEY, T, BODY)}`, nowSeconds: T + 1000 })).toEqual({ ok: false, reason: 'mismatch' });
    // A forged old event is a mismatch, not merely stale.
    expect(verify({ apiKey: 'whk_other_key', nowSeconds: T + 10_000 })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts any of several v1 values (backend rotating its key) and ignores unknown schemes', () => {
    const oldSig = mac('whk_old_key', T, BODY);
    const newSig = mac(KEY, T, BODY);
    expect(verify({ header: `t=${T},v1=${oldSig},v1=${newSig}` })).toEqual({ ok: true });
    expect(verify({ header: `t=${T},v1=${newSig},v1=${oldSig}` })).toEqual({ ok: true });
    expect(verify({ header: `t=${T},v0=whatever,v1=${newSig}` })).toEqual({ ok: true });
    expect(verify({ header: `t=${T},v1=${oldSig}` })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts a list of keys (app holding the old and the new key)', () => {
    expect(verify({ apiKey: ['whk_old_key', KEY] })).toEqual({ ok: true });
    expect(verify({ apiKey: ['whk_old_key', ''] })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ apiKey: [] })).toEqual({ ok: false, reason: 'mismatch' });
  });
});
