/**
 * @jest-environment node
 */
// Fetch's Response is Node's own; jsdom has none, and nothing here touches the DOM.
import { isRenewableRefusal } from './renewable-refusal';

const answer = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

describe('isRenewableRefusal', () => {
  it('renews on a 401 unauthorized (an expired or ended access token)', async () => {
    expect(await isRenewableRefusal(answer(401, '{"error":"unauthorized","message":"…"}'))).toBe(true);
  });

  it('lets a wrong MFA code reach the screen instead of renewing and ending the session', async () => {
    expect(await isRenewableRefusal(answer(401, '{"error":"invalid_mfa_code","message":"…"}'))).toBe(false);
  });

  it('never renews on other statuses', async () => {
    expect(await isRenewableRefusal(answer(400, '{"error":"invalid_current_password"}'))).toBe(false);
    expect(await isRenewableRefusal(answer(403, '{"error":"unauthorized"}'))).toBe(false);
  });

  it('treats a 401 without the API error shape as an expired token, and leaves the body readable', async () => {
    const response = answer(401, '<html>proxy</html>');
    expect(await isRenewableRefusal(response)).toBe(true);
    expect(await response.text()).toBe('<html>proxy</html>');
  });
});
