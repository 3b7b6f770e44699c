import type { Page } from 'playwright-core';
import { PASSWORD } from '../identity-test-app';

/**
 * Both consoles' sign-in steps as a person takes them (the form is one component, apps/console/src/ui/sign-in):
 * the email and password, submitted. It waits for the form, not for the outcome: each test waits for what it
 * expects next (the workspace, an error, the second factor).
 */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  const form = page.locator('#sign-in-form');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

/** The second step: the authenticator's code, or a recovery code once the step was switched to it. */
export async function enterSecondFactor(
  page: Page,
  code: string,
  kind: 'code' | 'recoveryCode' = 'code',
): Promise<void> {
  const form = page.locator('#mfa-form');
  await form.locator(`input[name=${kind}]`).fill(code);
  await form.locator('button[type=submit]').click();
}
