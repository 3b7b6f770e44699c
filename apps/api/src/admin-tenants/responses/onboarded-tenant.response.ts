import type { OnboardedTenant } from '@tenantpay/identity';
import { InvitationResponse } from '../../invitations/responses/invitation.response';
import { TenantAdminResponse } from './tenant-admin.response';

/** A tenant just created, with its first admin's pending invitation when one was asked for. */
export class OnboardedTenantResponse extends TenantAdminResponse implements OnboardedTenant {
  readonly adminInvitation!: InvitationResponse | null;
}
