import { ErrorCode } from '@tenantpay/platform';
import { invitationAcceptFailure, invitationAcceptRefusal } from './invitation-acceptance-check';
import { InvitationStatus } from './invitation-status.enum';

describe('invitationAcceptFailure', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const pending = {
    tokenHash: 'current',
    status: InvitationStatus.Pending,
    expiresAt: new Date('2026-12-07T12:00:00Z'),
  };

  it('accepts a pending invitation by its current token before its expiry', () => {
    expect(invitationAcceptFailure(pending, 'current', now)).toBeNull();
  });

  it('names each refusal', () => {
    expect(invitationAcceptFailure(null, 'current', now)).toBe('unknown_token');
    expect(invitationAcceptFailure(pending, 'retired', now)).toBe('retired_token');
    expect(invitationAcceptFailure({ ...pending, status: InvitationStatus.Accepted }, 'current', now)).toBe(
      'used',
    );
    expect(invitationAcceptFailure({ ...pending, status: InvitationStatus.Revoked }, 'current', now)).toBe(
      'revoked',
    );
    expect(invitationAcceptFailure({ ...pending, status: InvitationStatus.Expired }, 'current', now)).toBe(
      'expired',
    );
  });

  it('treats a pending invitation at or past its expiry as expired', () => {
    expect(invitationAcceptFailure({ ...pending, expiresAt: now }, 'current', now)).toBe('expired');
  });
});

describe('invitationAcceptRefusal', () => {
  it('answers with distinct codes; a retired token reads as revoked', () => {
    expect(invitationAcceptRefusal('unknown_token').code).toBe(ErrorCode.InvitationNotFound);
    expect(invitationAcceptRefusal('used').code).toBe(ErrorCode.InvitationUsed);
    expect(invitationAcceptRefusal('expired').code).toBe(ErrorCode.InvitationExpired);
    expect(invitationAcceptRefusal('revoked').code).toBe(ErrorCode.InvitationRevoked);
    expect(invitationAcceptRefusal('retired_token').code).toBe(ErrorCode.InvitationRevoked);
  });
});
