import { createHmac } from 'crypto';
import { isUsableSecret, MAX_ID_LENGTH, signDelivery, verifyDelivery } from '../../../../src/plugins/seed/server/src/domain/earning/standard-webhooks';
import { decideEarning, periodStart, type EarningRule } from '../../../../src/plugins/seed/server/src/domain/earning/limits';
import { awardEntry, decideReview, limitKey } from '../../../../src/plugins/seed/server/src/domain/earning/award';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const now = new Date('2026-11-22T10:00:00Z');
const seconds = Math.floor(now.getTime() / 1000);
const body = '{"type":"training.completed","data":{"member":"m1"}}';

describe('Standard Webhooks signatures', () => {
  it('signs "<id>.<timestamp>.<body>" with HMAC-SHA256 under the base64 secret', () => {
    const expected = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64')).update(`msg_1.${seconds}.${body}`).digest('base64');
    expect(signDelivery(SECRET, 'msg_1', seconds, body)).toBe(`v1,${expected}`);
  });

  it('accepts a delivery signed by any of the source’s secrets, among several signatures', () => {
    const signature = `v1,bm90IGl0 ${signDelivery(SECRET, 'msg_1', seconds, body)}`;
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds), signature }, body, ['whsec_b3RoZXI=', SECRET], now)).toEqual({ ok: true, value: { id: 'msg_1', timestamp: seconds } });
  });

  it('refuses missing headers, another secret, an altered body or id, and a timestamp five minutes away', () => {
    const signature = signDelivery(SECRET, 'msg_1', seconds, body);
    const refused = expect.objectContaining({ ok: false, code: 'INVALID_SIGNATURE' });
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds) }, body, [SECRET], now)).toEqual(refused);
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds), signature }, body, ['whsec_b3RoZXI='], now)).toEqual(refused);
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds), signature }, `${body} `, [SECRET], now)).toEqual(refused);
    expect(verifyDelivery({ id: 'msg_2', timestamp: String(seconds), signature }, body, [SECRET], now)).toEqual(refused);
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds), signature }, body, [SECRET], new Date(now.getTime() + 301_000))).toEqual(refused);
    expect(verifyDelivery({ id: 'msg_1', timestamp: String(seconds), signature }, body, [SECRET], new Date(now.getTime() + 299_000))).toMatchObject({ ok: true });
    expect(verifyDelivery({ id: 'msg_1', timestamp: 'soon', signature }, body, [SECRET], now)).toEqual(refused);
  });

  it('verifies the timestamp as sent, leading zeros included', () => {
    const padded = `0${seconds}`;
    expect(verifyDelivery({ id: 'msg_1', timestamp: padded, signature: signDelivery(SECRET, 'msg_1', padded, body) }, body, [SECRET], now)).toMatchObject({ ok: true });
  });

  it('refuses a signed id too long to be kept whole, or not printable ASCII, as invalid input', () => {
    for (const id of ['m'.repeat(MAX_ID_LENGTH + 1), 'msg 1', 'msg_é']) {
      const signature = signDelivery(SECRET, id, seconds, body);
      expect(verifyDelivery({ id, timestamp: String(seconds), signature }, body, [SECRET], now)).toEqual(expect.objectContaining({ ok: false, code: 'INVALID_INPUT' }));
    }
    const longest = 'm'.repeat(MAX_ID_LENGTH);
    expect(verifyDelivery({ id: longest, timestamp: String(seconds), signature: signDelivery(SECRET, longest, seconds, body) }, body, [SECRET], now)).toMatchObject({ ok: true });
  });

  it('takes only whsec_ secrets of at least 16 bytes: an empty or short key would let anyone sign', () => {
    expect(isUsableSecret(SECRET)).toBe(true);
    expect(isUsableSecret('whsec_')).toBe(false);
    expect(isUsableSecret('whsec_!!!!!!!!!!!!!!!!!!!!!!!!')).toBe(false);
    expect(isUsableSecret('whsec_b3RoZXI=')).toBe(false);
    expect(isUsableSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(false);
  });
});

describe('limit periods', () => {
  it('start on the day, the Monday, the first of the month or of the year, or never', () => {
    expect(periodStart('day', '2026-11-22')).toBe('2026-11-22');
    expect(periodStart('week', '2026-11-22')).toBe('2026-11-16'); // a Sunday: the week began on Monday
    expect(periodStart('week', '2026-11-16')).toBe('2026-11-16');
    expect(periodStart('week', '2027-01-01')).toBe('2026-12-28');
    expect(periodStart('month', '2026-11-22')).toBe('2026-11-01');
    expect(periodStart('year', '2026-11-22')).toBe('2026-01-01');
    expect(periodStart('ever', '2026-11-22')).toBeNull();
  });
});

describe('earning', () => {
  const rule: EarningRule = { points: 3, enabled: true, requiresApproval: false, maxAwards: 2, maxPoints: null, period: 'day' };
  const none = { awards: 0, points: 0 };
  const noCeiling = { balance: 0, ceiling: null };

  it('awards at once, or waits for staff', () => {
    expect(decideEarning({ rule, memberState: 'active', earned: none, ...noCeiling })).toEqual({ ok: true, value: 'awarded' });
    expect(decideEarning({ rule: { ...rule, requiresApproval: true }, memberState: 'active', earned: none, ...noCeiling })).toEqual({ ok: true, value: 'pending' });
  });

  it('reaches a limit of awards or of points', () => {
    expect(decideEarning({ rule, memberState: 'active', earned: { awards: 1, points: 3 }, ...noCeiling })).toEqual({ ok: true, value: 'awarded' });
    expect(decideEarning({ rule, memberState: 'active', earned: { awards: 2, points: 6 }, ...noCeiling })).toEqual({ ok: true, value: 'limit_reached' });
    const byPoints = { ...rule, maxAwards: null, maxPoints: 5 };
    expect(decideEarning({ rule: byPoints, memberState: 'active', earned: { awards: 0, points: 2 }, ...noCeiling })).toEqual({ ok: true, value: 'awarded' });
    expect(decideEarning({ rule: byPoints, memberState: 'active', earned: { awards: 1, points: 3 }, ...noCeiling })).toEqual({ ok: true, value: 'limit_reached' });
  });

  it('earns nothing past the point type’s ceiling, paid at once; a pending award meets it when approved', () => {
    expect(decideEarning({ rule, memberState: 'active', earned: none, balance: 17, ceiling: 20 })).toEqual({ ok: true, value: 'awarded' });
    expect(decideEarning({ rule, memberState: 'active', earned: none, balance: 18, ceiling: 20 })).toEqual({ ok: true, value: 'ceiling_reached' });
    expect(decideEarning({ rule: { ...rule, requiresApproval: true }, memberState: 'active', earned: none, balance: 18, ceiling: 20 })).toEqual({ ok: true, value: 'pending' });
    expect(decideEarning({ rule, memberState: 'active', earned: { awards: 2, points: 6 }, balance: 18, ceiling: 20 })).toEqual({ ok: true, value: 'limit_reached' });
  });

  it('pays only active members, under enabled rules', () => {
    expect(decideEarning({ rule, memberState: 'suspended', earned: none, ...noCeiling })).toEqual(expect.objectContaining({ ok: false, code: 'MEMBER_INACTIVE' }));
    expect(decideEarning({ rule: { ...rule, enabled: false }, memberState: 'active', earned: none, ...noCeiling })).toEqual(expect.objectContaining({ ok: false, code: 'RULE_DISABLED' }));
  });

  it('pays an award under one key, with a memo that names no one, and reviews pending awards only', () => {
    const actor = { type: 'webhook', id: 'forms' } as const;
    // An award's reference (a course, say) never reaches the memo.
    const award = { documentId: 'a1', eventType: 'training.completed', reference: 'cours-42', points: 3 };
    expect(awardEntry(award, { issuer: 1, member: 2 }, actor)).toEqual({
      key: 'award:a1', kind: 'reward', from: 1, to: 2, amount: 3, memo: 'Attribution : training.completed', actor,
    });
    expect(limitKey('r1', 'm1')).toBe('r1:m1');
    expect(decideReview('pending', 'approve', 'active')).toEqual({ ok: true, value: 'approved' });
    expect(decideReview('pending', 'refuse', null)).toEqual({ ok: true, value: 'refused' });
    expect(decideReview('approved', 'refuse', null)).toEqual(expect.objectContaining({ ok: false, code: 'INVALID_STATE' }));
    // An approval pays: not to a member suspended or gone since; staff refuse it instead.
    expect(decideReview('pending', 'approve', 'suspended')).toEqual(expect.objectContaining({ ok: false, code: 'MEMBER_INACTIVE' }));
    expect(decideReview('pending', 'refuse', 'suspended')).toEqual({ ok: true, value: 'refused' });
  });
});
