// @ts-check
/**
 * The invitation acceptance page (the link in an invitation email): the token comes from the link, the user
 * chooses a password, and on success the session starts as after a sign-in and the portal opens.
 */
import { ApiError, callApi, storeToken } from './api-client.js';
import { showPageBranding } from './page-branding.js';

/** @template {HTMLElement} T @param {string} id @param {{ new (): T }} type @returns {T} */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const form = element('accept-form', HTMLFormElement);
const errorBox = element('accept-error', HTMLDivElement);
// Read once, then removed from the address bar so it is not kept in history or shown over a shoulder.
const token = new URLSearchParams(window.location.search).get('token');
window.history.replaceState(null, '', window.location.pathname);

/** @param {string} message */
function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

async function accept(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  errorBox.hidden = true;
  if (token === null) return showError('This page needs the link from your invitation email.');
  const data = new FormData(form);
  const name = String(data.get('name') ?? '').trim();
  try {
    /** @type {{ accessToken: string }} */
    const session = await callApi('/v1/invitations/accept', {
      method: 'POST',
      anonymous: true,
      body: {
        token,
        password: String(data.get('password') ?? ''),
        ...(name === '' ? {} : { name }),
        refreshTokenDelivery: 'cookie',
      },
    });
    storeToken(session.accessToken);
    window.location.assign('/');
  } catch (error) {
    showError(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
  }
}

form.addEventListener('submit', (event) => void accept(event));
if (token === null) showError('This page needs the link from your invitation email.');
void showPageBranding('Accept your invitation');
