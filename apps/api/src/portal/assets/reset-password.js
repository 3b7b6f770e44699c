// @ts-check
/**
 * The password reset page: without a token it asks for a reset link by email; with the token from that link it
 * sets the new password, then sends the user to sign in. Opened from a platform operator's email (see
 * link-audience.js) it uses the platform's reset routes, and stays on the page after the change: there is no
 * operator console to sign in to.
 */
import { ApiError, callApi } from './api-client.js';
import { isPlatformLink } from './link-audience.js';
import { showPageBranding, showPlatformBranding } from './page-branding.js';

/** @template {HTMLElement} T @param {string} id @param {{ new (): T }} type @returns {T} */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const requestSection = element('request-reset', HTMLElement);
const confirmSection = element('choose-password', HTMLElement);
const requestForm = element('request-form', HTMLFormElement);
const confirmForm = element('confirm-form', HTMLFormElement);
const messageBox = element('reset-message', HTMLDivElement);
const errorBox = element('reset-error', HTMLDivElement);
// Read once, then removed from the address bar so it is not kept in history.
const query = new URLSearchParams(window.location.search);
const token = query.get('token');
const forPlatform = isPlatformLink(query);
window.history.replaceState(null, '', window.location.pathname);
const resetRoute = forPlatform ? '/v1/platform/auth/password-reset' : '/v1/auth/password-reset';

/** @param {string} message */
function say(message) {
  errorBox.hidden = true;
  messageBox.textContent = message;
  messageBox.hidden = false;
}

/** @param {unknown} error */
function fail(error) {
  errorBox.textContent = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
  errorBox.hidden = false;
}

async function requestLink(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  try {
    const answer = await callApi(resetRoute, {
      method: 'POST',
      anonymous: true,
      body: { email: String(new FormData(requestForm).get('email') ?? '') },
    });
    requestSection.hidden = true;
    say(String(answer.message));
  } catch (error) {
    fail(error);
  }
}

async function confirm(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  try {
    await callApi(`${resetRoute}/confirm`, {
      method: 'POST',
      anonymous: true,
      body: { token, password: String(new FormData(confirmForm).get('password') ?? '') },
    });
    confirmSection.hidden = true;
    if (forPlatform) return say('Your password was changed. Sign in with it from now on.');
    say('Your password was changed. Sign in with it now.');
    window.setTimeout(() => window.location.assign('/'), 1500);
  } catch (error) {
    fail(error);
  }
}

requestForm.addEventListener('submit', (event) => void requestLink(event));
confirmForm.addEventListener('submit', (event) => void confirm(event));
requestSection.hidden = token !== null;
confirmSection.hidden = token === null;
if (forPlatform) showPlatformBranding('Reset your password');
else void showPageBranding('Reset your password');
