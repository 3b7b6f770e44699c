import fc from 'fast-check';
import { assertPasswordAllowed } from './password-policy';
import { WeakPasswordException } from './weak-password.exception';

function ruleBroken(password: string, email = 'ada.lovelace@bank.test'): string | null {
  try {
    assertPasswordAllowed(password, email);
    return null;
  } catch (error) {
    if (error instanceof WeakPasswordException) return error.rule;
    throw error;
  }
}

describe('assertPasswordAllowed', () => {
  it('accepts a long passphrase that is not common and not the email', () => {
    expect(ruleBroken('violet otters juggle quietly')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting code points not UTF-16 units', () => {
    expect(ruleBroken('short pass1')).toBe('min_length');
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(ruleBroken('🔒'.repeat(11))).toBe('min_length');
    expect(ruleBroken('🔒'.repeat(12))).toBeNull();
  });

  it('refuses more than 128 characters', () => {
    expect(ruleBroken('x'.repeat(129))).toBe('max_length');
  });

  it('refuses a common password of 12+ characters, whatever its case', () => {
    expect(ruleBroken('qwerty123456')).toBe('common_password');
    expect(ruleBroken('QWERTY123456')).toBe('common_password');
  });

  it('refuses a common word padded with digits and symbols', () => {
    expect(ruleBroken('password1234!')).toBe('common_password');
    expect(ruleBroken('!!!sunshine2024')).toBe('common_password');
  });

  it('refuses the email and anything containing its local part', () => {
    expect(ruleBroken('ada.lovelace@bank.test')).toBe('contains_email');
    expect(ruleBroken('my ADA.LOVELACE secret')).toBe('contains_email');
  });

  it('never accepts a password shorter than the minimum (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11, unit: 'grapheme' }), (password) => {
        fc.pre([...password].length < 12);
        expect(ruleBroken(password)).toBe('min_length');
      }),
    );
  });
});
