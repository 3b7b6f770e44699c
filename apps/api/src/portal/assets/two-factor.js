// @ts-check
/**
 * The signed-in user's own second factor: whether it is on, and turning it on (a new secret, confirmed with a
 * code from the app, then the recovery codes, shown once). Without a session the page sends the user to sign in.
 */
import { ApiError, callApi, storedToken } from './api-client.js';
import { showRecoveryCodes, showTotpSecret } from './mfa-enrolment-view.js';
import { showPageBranding } from './page-branding.js';

/** @template {HTMLElement} T @param {string} id @param {{ new (): T }} type @returns {T} */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const overview = element('two-factor', HTMLElement);
const statusLine = element('two-factor-status', HTMLParagraphElement);
const startButton = element('two-factor-start', HTMLButtonElement);
const enrolSection = element('two-factor-enrol', HTMLElement);
const secretBox = element('two-factor-secret', HTMLDivElement);
const confirmForm = element('two-factor-confirm', HTMLFormElement);
const recoverySection = element('two-factor-recovery', HTMLElement);
const recoveryList = element('two-factor-recovery-codes', HTMLOListElement);
const errorBox = element('two-factor-error', HTMLDivElement);

/** @param {unknown} error */
function failed(error) {
  if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_mfa_code') {
    window.location.assign('/');
    return;
  }
  errorBox.textContent = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
  errorBox.dataset['code'] = error instanceof ApiError ? error.code : 'client_error';
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
  delete errorBox.dataset['code'];
}

async function showStatus() {
  try {
    /** @type {{ enabled: boolean, recoveryCodesLeft: number }} */
    const status = await callApi('/v1/auth/mfa');
    statusLine.textContent = status.enabled
      ? `On. ${status.recoveryCodesLeft} recovery codes left.`
      : 'Off: signing in needs only your password.';
    statusLine.dataset['enabled'] = String(status.enabled);
    startButton.hidden = status.enabled;
  } catch (error) {
    failed(error);
  } finally {
    overview.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  clearError();
  startButton.disabled = true;
  try {
    showTotpSecret(secretBox, await callApi('/v1/auth/mfa/totp', { method: 'POST' }));
    enrolSection.hidden = false;
    startButton.hidden = true;
  } catch (error) {
    failed(error);
  } finally {
    startButton.disabled = false;
  }
}

async function confirm(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  clearError();
  const code = String(new FormData(confirmForm).get('code') ?? '').trim();
  try {
    /** @type {{ recoveryCodes: string[] }} */
    const confirmed = await callApi('/v1/auth/mfa/totp/confirm', { method: 'POST', body: { code } });
    confirmForm.reset();
    enrolSection.hidden = true;
    secretBox.replaceChildren();
    showRecoveryCodes(recoveryList, confirmed.recoveryCodes);
    recoverySection.hidden = false;
    await showStatus();
  } catch (error) {
    confirmForm.reset();
    failed(error);
  }
}

// Nothing to manage without a session in this tab: sign in first.
if (storedToken() === null) window.location.assign('/');
startButton.addEventListener('click', () => void start());
confirmForm.addEventListener('submit', (event) => void confirm(event));
void showPageBranding('Two-factor authentication');
void showStatus();
