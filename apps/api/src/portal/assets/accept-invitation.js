// @ts-check
/**
 * The invitation acceptance page (the link in an invitation email): the token comes from the link, the user
 * chooses a password, and on success the session starts as after a sign-in and the portal opens. A platform
 * operator's invitation (see link-audience.js) is accepted on the platform's route instead; with no operator
 * console to open, the page then says that the account is ready and who is signed in (the session's refresh
 * token is in its HttpOnly cookie on this host).
 */
import { ApiError, callApi, storeToken } from './api-client.js';
import { isPlatformLink } from './link-audience.js';
import { showPageBranding, showPlatformBranding } from './page-branding.js';

/** @template {HTMLElement} T @param {string} id @param {{ new (): T }} type @returns {T} */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing from the page`);
  return found;
}

const form = element('accept-form', HTMLFormElement);
const errorBox = element('accept-error', HTMLDivElement);
const doneBox = element('accept-done', HTMLDivElement);
// Read once, then removed from the address bar so it is not kept in history or shown over a shoulder.
const query = new URLSearchParams(window.location.search);
const token = query.get('token');
const forPlatform = isPlatformLink(query);
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
  try {
    if (forPlatform) return await acceptAsOperator(token, String(data.get('password') ?? ''));
    const name = String(data.get('name') ?? '').trim();
    /** @type {{ accessToken: string }} */
    const session = await callApi('/v1/invitations/accept', {
      method: 'POST',
      anonymous: true,
      // The session's refresh token comes back as a cookie: without this the browser discards it, and the new
      // user would be signed out when the first access token expires.
      withCookies: true,
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

/**
 * @param {string} invitationToken
 * @param {string} password
 */
async function acceptAsOperator(invitationToken, password) {
  /** @type {{ accessToken: string }} */
  const session = await callApi('/v1/platform/invitations/accept', {
    method: 'POST',
    anonymous: true,
    withCookies: true,
    body: { token: invitationToken, password, refreshTokenDelivery: 'cookie' },
  });
  // The portal's token slot is for tenant sessions: the operator's access token is only used to confirm who
  // is now signed in.
  /** @type {{ email: string }} */
  const operator = await callApi('/v1/platform/auth/me', {
    anonymous: true,
    headers: { Authorization: `Bearer ${session.accessToken}` },
  });
  form.hidden = true;
  element('accept-intro', HTMLParagraphElement).hidden = true;
  doneBox.textContent = `Your account is ready. You are signed in as ${operator.email}.`;
  doneBox.hidden = false;
}

form.addEventListener('submit', (event) => void accept(event));
if (token === null) showError('This page needs the link from your invitation email.');
if (forPlatform) {
  element('name-field', HTMLLabelElement).hidden = true;
  showPlatformBranding('Accept your invitation');
} else {
  void showPageBranding('Accept your invitation');
}
