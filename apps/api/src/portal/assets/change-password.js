// @ts-check
/**
 * The signed-in user's password change: the current password and a new one. The session of this tab stays
 * signed in (the API ends the others); without a session the page sends the user to sign in first.
 */
import { ApiError, callApi, storedToken } from './api-client.js';
import { showPageBranding } from './page-branding.js';

/** @template {HTMLElement} T @param {string} id @param {{ new (): T }} type @returns {T} */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const section = element('change-password', HTMLElement);
const form = element('change-form', HTMLFormElement);
const messageBox = element('change-message', HTMLDivElement);
const errorBox = element('change-error', HTMLDivElement);

async function change(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const fields = new FormData(form);
  errorBox.hidden = true;
  try {
    await callApi('/v1/auth/password', {
      method: 'POST',
      body: {
        currentPassword: String(fields.get('currentPassword') ?? ''),
        newPassword: String(fields.get('newPassword') ?? ''),
      },
    });
    form.reset();
    section.hidden = true;
    messageBox.textContent = 'Your password was changed. Your other devices were signed out.';
    messageBox.hidden = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      window.location.assign('/');
      return;
    }
    errorBox.textContent = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
    errorBox.hidden = false;
  }
}

// Nothing to change without a session in this tab: sign in first.
if (storedToken() === null) window.location.assign('/');
form.addEventListener('submit', (event) => void change(event));
void showPageBranding('Change your password');
