import type { StaffUser } from '../../session/staff-user';
import type { Payment } from '../payments/payment';
import { approvalBlocker } from './approval-rules';

const admin: StaffUser = {
  id: 'user_admin_1',
  email: 'one@bank.example',
  role: 'ADMIN',
  tenantId: 't1',
  tier: 'ENTERPRISE',
  features: ['CUSTOM_WORKFLOWS'],
};
const otherAdmin: StaffUser = { ...admin, id: 'user_admin_2', email: 'two@bank.example' };
const operator: StaffUser = { ...admin, id: 'user_operator', role: 'OPERATOR' };

function awaiting(createdBy: Payment['createdBy']): Payment {
  return { status: 'AWAITING_APPROVAL', createdBy } as Payment;
}

describe('approvalBlocker (four eyes)', () => {
  it('lets another admin decide', () => {
    expect(approvalBlocker(awaiting({ type: 'user', id: admin.id }), otherAdmin)).toBeNull();
    expect(approvalBlocker(awaiting({ type: 'api_key', id: 'key_1' }), admin)).toBeNull();
  });

  it('never lets an admin decide on their own payment', () => {
    expect(approvalBlocker(awaiting({ type: 'user', id: admin.id }), admin)).toBe(
      'You created this payment: another administrator must approve it.',
    );
  });

  it('leaves decisions to admins', () => {
    expect(approvalBlocker(awaiting({ type: 'user', id: admin.id }), operator)).toBe(
      'Only administrators approve payments.',
    );
  });

  it('refuses a payment that no longer awaits approval', () => {
    const decided = { ...awaiting({ type: 'user', id: admin.id }), status: 'PENDING' } as Payment;
    expect(approvalBlocker(decided, otherAdmin)).toBe('This payment is no longer awaiting approval.');
  });
});
