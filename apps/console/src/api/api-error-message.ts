import { TenantpayApiError } from '@tenantpay/sdk';

/** What a failed call tells staff: the API's own message (written for people), or a plain network notice. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TenantpayApiError) return error.message;
  if (error instanceof TypeError)
    return 'The server could not be reached. Check the connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The API's machine code of a failed call (shown as `data-code` for tests and support), if it has one. */
export function apiErrorCode(error: unknown): string | null {
  return error instanceof TenantpayApiError ? error.code : null;
}
