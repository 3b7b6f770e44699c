import type { StaffUser } from '../../session/staff-user';
import type { Payment } from '../payments/payment';

/**
 * Why this user may not approve or reject this payment, or null when they may (four-eyes, SPEC §9): only
 * admins decide, only a payment awaiting approval, and never one they created themselves.
 */
export function approvalBlocker(payment: Payment, user: StaffUser): string | null {
  if (payment.status !== 'AWAITING_APPROVAL') return 'This payment is no longer awaiting approval.';
  if (user.role !== 'ADMIN') return 'Only administrators approve payments.';
  if (payment.createdBy.type === 'user' && payment.createdBy.id === user.id)
    return 'You created this payment: another administrator must approve it.';
  return null;
}
