import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { consoleApi } from '../../api/console-api';
import { useStaffUser } from '../../session/session-context';
import type { StaffUser } from '../../session/staff-user';
import type { Payment } from '../payments/payment';
import { ApprovalDecision } from './approval-decision';

jest.mock('../../api/console-api', () => ({ consoleApi: { POST: jest.fn() } }));
jest.mock('../../session/session-context', () => ({ useStaffUser: jest.fn() }));

const api = consoleApi as unknown as { POST: jest.Mock };
const signedIn = useStaffUser as jest.Mock<StaffUser, []>;

const ADMIN: StaffUser = {
  id: 'user-admin',
  email: 'admin@bank.example',
  role: 'ADMIN',
  tenantId: 'tenant-1',
  tier: 'ENTERPRISE',
  features: ['custom_workflows'],
};
const SECOND_ADMIN: StaffUser = { ...ADMIN, id: 'user-second', email: 'second@bank.example' };

function awaitingApproval(createdBy: string): Payment {
  return {
    id: 'pay_1',
    reference: 'BIG-1',
    amount: 5_000_000,
    currency: 'EUR',
    status: 'AWAITING_APPROVAL',
    createdBy: { type: 'user', id: createdBy },
  } as Payment;
}

function renderDecision(user: StaffUser, payment: Payment, onDecided = jest.fn()) {
  signedIn.mockReturnValue(user);
  render(<ApprovalDecision payment={payment} onDecided={onDecided} />);
  return onDecided;
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('ApprovalDecision, rendered: four eyes', () => {
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  it("offers no decision on one's own payment, and says who must decide", () => {
    renderDecision(ADMIN, awaitingApproval(ADMIN.id));
    expect(button('Approve').disabled).toBe(true);
    expect(button('Reject').disabled).toBe(true);
    expect(screen.getByText('You created this payment: another administrator must approve it.')).toBeTruthy();
    expect(button('Approve').getAttribute('aria-describedby')).toBe('approval-hint-pay_1');
  });

  it('offers no decision to a non-administrator', () => {
    renderDecision({ ...SECOND_ADMIN, role: 'OPERATOR' }, awaitingApproval(ADMIN.id));
    expect(button('Approve').disabled).toBe(true);
    expect(screen.getByText('Only administrators approve payments.')).toBeTruthy();
  });

  it("lets another administrator approve, and hands the API's answer back", async () => {
    api.POST.mockResolvedValue({ ...awaitingApproval(ADMIN.id), status: 'PENDING' });
    const onDecided = renderDecision(SECOND_ADMIN, awaitingApproval(ADMIN.id));
    fireEvent.click(button('Approve'));
    await waitFor(() =>
      expect(onDecided).toHaveBeenCalledWith(expect.objectContaining({ status: 'PENDING' })),
    );
    expect(api.POST).toHaveBeenCalledWith('/v1/payments/{id}/approve', {
      params: { path: { id: 'pay_1' } },
      body: {},
    });
  });

  it('asks for a reason before rejecting, and sends none of it until there is one', async () => {
    api.POST.mockResolvedValue({ ...awaitingApproval(ADMIN.id), status: 'REJECTED' });
    const onDecided = renderDecision(SECOND_ADMIN, awaitingApproval(ADMIN.id));
    fireEvent.input(screen.getByLabelText('Reason (required to reject)'), { target: { value: '   ' } });
    fireEvent.click(button('Reject'));
    expect((await screen.findByRole('alert')).textContent).toBe('Give a reason to reject the payment.');
    expect(api.POST).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Reason (required to reject)'), {
      target: { value: 'Supplier not on file' },
    });
    fireEvent.click(button('Reject'));
    await waitFor(() =>
      expect(onDecided).toHaveBeenCalledWith(expect.objectContaining({ status: 'REJECTED' })),
    );
    expect(api.POST).toHaveBeenCalledWith('/v1/payments/{id}/reject', {
      params: { path: { id: 'pay_1' } },
      body: { note: 'Supplier not on file' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the API's refusal beside the buttons and keeps them usable", async () => {
    api.POST.mockRejectedValue(new Error('The payment is no longer awaiting approval.'));
    const onDecided = renderDecision(SECOND_ADMIN, awaitingApproval(ADMIN.id));
    fireEvent.click(button('Approve'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The payment is no longer awaiting approval.',
    );
    expect(onDecided).not.toHaveBeenCalled();
    expect(button('Approve').disabled).toBe(false);
  });
});
