import fc from 'fast-check';
import { Types } from 'mongoose';
import { generateRefreshToken, parseRefreshToken, sameHash } from './refresh-token';

describe('refresh tokens', () => {
  it('parse back to their session and the hash that was stored', () => {
    const sessionId = new Types.ObjectId();
    const { token, hash } = generateRefreshToken(sessionId);
    expect(token.startsWith(`tp_rt_${sessionId.toHexString()}_`)).toBe(true);
    expect(parseRefreshToken(token)).toEqual({ sessionId: sessionId.toHexString(), hash });
  });

  it('are never the same twice', () => {
    const sessionId = new Types.ObjectId();
    expect(generateRefreshToken(sessionId).token).not.toBe(generateRefreshToken(sessionId).token);
  });

  it('refuse anything that is not exactly a token we issue', () => {
    const { token } = generateRefreshToken(new Types.ObjectId());
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (garbage) => {
        fc.pre(garbage !== token);
        const parsed = parseRefreshToken(garbage);
        if (parsed !== null) expect(garbage).toMatch(/^tp_rt_[0-9a-f]{24}_[A-Za-z0-9_-]{43}$/);
      }),
    );
    expect(parseRefreshToken(`${token}x`)).toBeNull();
    expect(parseRefreshToken(` ${token}`)).toBeNull();
    expect(parseRefreshToken(token.replace('tp_rt_', 'tp_live_'))).toBeNull();
  });

  it('a changed secret gives another hash', () => {
    const { token, hash } = generateRefreshToken(new Types.ObjectId());
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const parsed = parseRefreshToken(`${token.slice(0, -1)}${last}`);
    expect(parsed).not.toBeNull();
    expect(sameHash(parsed?.hash ?? '', hash)).toBe(false);
    expect(sameHash(hash, hash)).toBe(true);
  });
});
