// @ts-check
/**
 * The staff portal: the tenant's brand, sign-in (with the second factor when the account has one, or its
 * enrolment when the tenant requires one), this month's usage, the payment list with filters and
 * pages, and payment creation for the roles the API lets create. Everything the API returns is rendered
 * with textContent or DOM properties, never parsed as HTML.
 */
import {
  ApiError,
  callApi,
  forgetSessionCookie,
  forgetToken,
  hasSessionCookie,
  rememberSessionCookie,
  renewAccessToken,
  storedToken,
  storeToken,
} from './api-client.js';
import { showRecoveryCodes, showTotpSecret } from './mfa-enrolment-view.js';
import { applyBrandColors } from './page-branding.js';

const PAGE_SIZE = 10;
/** The roles POST /v1/payments admits; the API refuses the others anyway. */
const PAYMENT_WRITERS = ['ADMIN', 'OPERATOR'];

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} type
 * @returns {T}
 */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The page lacks #${id}.`);
  return found;
}

const view = {
  brandName: element('brand-name', HTMLHeadingElement),
  brandLogo: element('brand-logo', HTMLImageElement),
  session: element('session', HTMLDivElement),
  sessionUser: element('session-user', HTMLSpanElement),
  signOut: element('sign-out', HTMLButtonElement),
  pageError: element('page-error', HTMLDivElement),
  signIn: element('sign-in', HTMLElement),
  signInForm: element('sign-in-form', HTMLFormElement),
  signInError: element('sign-in-error', HTMLDivElement),
  mfaStep: element('mfa-step', HTMLElement),
  mfaForm: element('mfa-form', HTMLFormElement),
  mfaCodeHint: element('mfa-code-hint', HTMLParagraphElement),
  mfaRecoveryHint: element('mfa-recovery-hint', HTMLParagraphElement),
  mfaCodeField: element('mfa-code-field', HTMLLabelElement),
  mfaRecoveryField: element('mfa-recovery-field', HTMLLabelElement),
  mfaUseRecovery: element('mfa-use-recovery', HTMLButtonElement),
  mfaCancel: element('mfa-cancel', HTMLButtonElement),
  mfaError: element('mfa-error', HTMLDivElement),
  mfaEnrolStep: element('mfa-enrol-step', HTMLElement),
  mfaEnrolSecret: element('mfa-enrol-secret', HTMLDivElement),
  mfaEnrolForm: element('mfa-enrol-form', HTMLFormElement),
  mfaEnrolCancel: element('mfa-enrol-cancel', HTMLButtonElement),
  mfaEnrolError: element('mfa-enrol-error', HTMLDivElement),
  recoveryCodes: element('recovery-codes', HTMLElement),
  recoveryCodeList: element('recovery-code-list', HTMLOListElement),
  recoveryCodesDone: element('recovery-codes-done', HTMLButtonElement),
  workspace: element('workspace', HTMLDivElement),
  usageFigures: element('usage-figures', HTMLDListElement),
  usageProgress: element('usage-progress', HTMLProgressElement),
  usageError: element('usage-error', HTMLDivElement),
  createPayment: element('create-payment', HTMLElement),
  createForm: element('create-payment-form', HTMLFormElement),
  createError: element('create-error', HTMLDivElement),
  createStatus: element('create-status', HTMLParagraphElement),
  payments: element('payments', HTMLElement),
  filters: element('filters', HTMLFormElement),
  paymentsError: element('payments-error', HTMLDivElement),
  paymentRows: element('payment-rows', HTMLTableSectionElement),
  paymentsEmpty: element('payments-empty', HTMLParagraphElement),
  previousPage: element('previous-page', HTMLButtonElement),
  nextPage: element('next-page', HTMLButtonElement),
  support: element('support', HTMLElement),
  supportEmail: element('support-email', HTMLAnchorElement),
  supportUrl: element('support-url', HTMLAnchorElement),
};

/** @typedef {{ id: string, reference: string, amountDecimal: string, currency: string, method: string, status: string, createdAt: string }} Payment */

const list = {
  /** @type {Record<string, string>} */
  filters: {},
  /** @type {Payment[]} */
  page: [],
  hasPrevious: false,
  hasNext: false,
};

let idempotencyKey = newIdempotencyKey();

/**
 * The password step's challenge while the second step is on screen; kept in this script only (never stored):
 * a reload starts the sign-in again.
 * @type {string | null}
 */
let mfaChallenge = null;

// ---- branding -------------------------------------------------------------------------------------------

/** @returns {Promise<boolean>} whether this host belongs to a tenant */
async function loadBranding() {
  try {
    applyBranding(await callApi('/v1/branding', { anonymous: true }));
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'tenant_not_found') {
      showError(
        view.pageError,
        new ApiError(404, { error: error.code, message: 'There is no portal at this address.' }),
      );
      return false;
    }
    // The brand is decoration: without it the portal still works.
    showError(view.pageError, error);
    return true;
  }
}

/**
 * @param {{ displayName: string, logoUrl: string | null, supportEmail: string | null, supportUrl: string | null } & import('./page-branding.js').BrandColors} branding
 */
function applyBranding(branding) {
  view.brandName.textContent = branding.displayName;
  document.title = `${branding.displayName} · Payments`;
  if (branding.logoUrl !== null && branding.logoUrl.startsWith('https://')) {
    view.brandLogo.src = branding.logoUrl;
    view.brandLogo.alt = `${branding.displayName} logo`;
    view.brandLogo.hidden = false;
  }
  applyBrandColors(branding);
  if (branding.supportEmail !== null) {
    view.supportEmail.href = `mailto:${branding.supportEmail}`;
    view.supportEmail.textContent = branding.supportEmail;
    view.supportEmail.hidden = false;
    view.support.hidden = false;
  }
  if (branding.supportUrl !== null && branding.supportUrl.startsWith('https://')) {
    view.supportUrl.href = branding.supportUrl;
    view.supportUrl.textContent = 'Support site';
    view.supportUrl.hidden = false;
    view.support.hidden = false;
  }
}

// ---- session --------------------------------------------------------------------------------------------

async function signIn(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = new FormData(view.signInForm);
  hideError(view.signInError);
  await whileBusy(view.signInForm, async () => {
    try {
      const issued = await callApi('/v1/auth/login', {
        method: 'POST',
        body: {
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
          // The session's refresh token goes into an HttpOnly cookie, out of this script's reach.
          refreshTokenDelivery: 'cookie',
        },
        withCookies: true,
      });
      view.signInForm.reset();
      if (issued.mfaRequired === true) {
        mfaChallenge = issued.challengeToken;
        view.signIn.hidden = true;
        if (issued.mfaEnrolmentRequired === true) await showEnrolmentStep();
        else showMfaStep();
        return;
      }
      await openSession(issued, []);
    } catch (error) {
      forgetToken();
      showError(view.signInError, error);
    }
  });
}

/**
 * A session is open (after the password, or after the second step): the access token stays in this tab, the
 * refresh token in its cookie. Recovery codes handed out by a mandatory enrolment are shown before the work.
 * @param {{ accessToken: string }} issued
 * @param {readonly string[]} recoveryCodes
 */
async function openSession(issued, recoveryCodes) {
  storeToken(issued.accessToken);
  rememberSessionCookie();
  mfaChallenge = null;
  view.mfaStep.hidden = true;
  view.mfaEnrolStep.hidden = true;
  if (recoveryCodes.length > 0) {
    showRecoveryCodes(view.recoveryCodeList, recoveryCodes);
    view.recoveryCodes.hidden = false;
    view.recoveryCodesDone.focus();
    return;
  }
  await enterWorkspace();
}

// ---- second factor ---------------------------------------------------------------------------------------

function showMfaStep() {
  useRecoveryCode(false);
  hideError(view.mfaError);
  view.mfaStep.hidden = false;
  const input = view.mfaForm.querySelector('input:not([disabled])');
  if (input instanceof HTMLInputElement) input.focus();
}

/** Switches the second step between the app's code and a recovery code (only one is sent). */
function useRecoveryCode(/** @type {boolean} */ recovery) {
  view.mfaForm.reset();
  view.mfaCodeHint.hidden = recovery;
  view.mfaCodeField.hidden = recovery;
  view.mfaRecoveryHint.hidden = !recovery;
  view.mfaRecoveryField.hidden = !recovery;
  // A hidden required field would block the submit: the unused one is disabled, so it is neither checked nor sent.
  for (const input of view.mfaCodeField.querySelectorAll('input')) input.disabled = recovery;
  for (const input of view.mfaRecoveryField.querySelectorAll('input')) input.disabled = !recovery;
  view.mfaUseRecovery.textContent = recovery
    ? 'Use the authenticator app instead'
    : 'Use a recovery code instead';
  view.mfaUseRecovery.dataset['recovery'] = recovery ? 'on' : 'off';
}

async function verifyMfa(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = new FormData(view.mfaForm);
  const recovery = view.mfaUseRecovery.dataset['recovery'] === 'on';
  hideError(view.mfaError);
  await whileBusy(view.mfaForm, async () => {
    try {
      const issued = await callApi('/v1/auth/login/mfa', {
        method: 'POST',
        body: {
          challengeToken: mfaChallenge ?? '',
          ...(recovery
            ? { recoveryCode: String(form.get('recoveryCode') ?? '').trim() }
            : { code: String(form.get('code') ?? '').trim() }),
          refreshTokenDelivery: 'cookie',
        },
        withCookies: true,
      });
      await openSession(issued, []);
    } catch (error) {
      secondStepFailed(view.mfaError, error);
      view.mfaForm.reset();
    }
  });
}

/** Mandatory MFA without a factor yet: the challenge buys a secret (shown once), a code of it opens the session. */
async function showEnrolmentStep() {
  hideError(view.mfaEnrolError);
  view.mfaEnrolSecret.replaceChildren();
  view.mfaEnrolStep.hidden = false;
  try {
    const enrolment = await callApi('/v1/auth/login/mfa/enrol', {
      method: 'POST',
      body: { challengeToken: mfaChallenge ?? '' },
    });
    showTotpSecret(view.mfaEnrolSecret, enrolment);
  } catch (error) {
    secondStepFailed(view.mfaEnrolError, error);
  }
}

async function confirmEnrolment(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = new FormData(view.mfaEnrolForm);
  hideError(view.mfaEnrolError);
  await whileBusy(view.mfaEnrolForm, async () => {
    try {
      const issued = await callApi('/v1/auth/login/mfa', {
        method: 'POST',
        body: {
          challengeToken: mfaChallenge ?? '',
          code: String(form.get('code') ?? '').trim(),
          refreshTokenDelivery: 'cookie',
        },
        withCookies: true,
      });
      view.mfaEnrolForm.reset();
      await openSession(issued, issued.recoveryCodes ?? []);
    } catch (error) {
      secondStepFailed(view.mfaEnrolError, error);
      view.mfaEnrolForm.reset();
    }
  });
}

/**
 * A wrong code is shown on the step, to try again. A challenge that is no longer valid (expired after five
 * minutes, already used, unknown) cannot be answered at all: back to the password, saying why.
 * @param {HTMLElement} box
 * @param {unknown} error
 */
function secondStepFailed(box, error) {
  if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_mfa_code') {
    leaveSecondStep();
    showError(
      view.signInError,
      new ApiError(401, {
        error: error.code,
        message: 'The sign-in took too long or is no longer valid. Enter your email and password again.',
        ...(error.requestId === null ? {} : { requestId: error.requestId }),
      }),
    );
    return;
  }
  showError(box, error);
}

function leaveSecondStep() {
  mfaChallenge = null;
  view.mfaStep.hidden = true;
  view.mfaEnrolStep.hidden = true;
  view.mfaEnrolSecret.replaceChildren();
  hideError(view.mfaError);
  hideError(view.mfaEnrolError);
  hideError(view.signInError);
  view.signIn.hidden = false;
}

async function enterWorkspace() {
  const me = await callApi('/v1/auth/me');
  view.sessionUser.textContent = `${me.email} (${me.role})`;
  view.session.hidden = false;
  view.signIn.hidden = true;
  view.recoveryCodes.hidden = true;
  view.recoveryCodeList.replaceChildren();
  view.workspace.hidden = false;
  view.createPayment.hidden = !PAYMENT_WRITERS.includes(me.role);
  await Promise.all([loadUsage(), loadPayments('first')]);
}

/** Ends the session on the server (every instance refuses its token from then on), then on this page. */
async function logOut() {
  view.signOut.disabled = true;
  try {
    await callApi('/v1/auth/logout', { method: 'POST', withCookies: true });
  } catch {
    // Already ended (or unreachable): the page forgets the session either way.
  } finally {
    forgetSessionCookie();
    view.signOut.disabled = false;
    signOut(null);
  }
}

/**
 * A new tab, or a reload after the tab's token was lost: the session's refresh cookie, if any, signs the
 * user back in without their password.
 * @returns {Promise<boolean>}
 */
async function resumeSession() {
  if (storedToken() === null && !(hasSessionCookie() && (await renewAccessToken()))) return false;
  try {
    await enterWorkspace();
    return true;
  } catch {
    forgetToken();
    return false;
  }
}

function signOut(/** @type {string | null} */ reason) {
  forgetToken();
  view.session.hidden = true;
  view.workspace.hidden = true;
  view.recoveryCodes.hidden = true;
  view.recoveryCodeList.replaceChildren();
  view.signIn.hidden = false;
  view.paymentRows.replaceChildren();
  view.payments.setAttribute('aria-busy', 'true');
  view.usageFigures.replaceChildren();
  view.createStatus.textContent = '';
  for (const box of [view.usageError, view.paymentsError, view.createError, view.signInError]) hideError(box);
  if (reason !== null)
    showError(view.signInError, new ApiError(401, { error: 'unauthorized', message: reason }));
}

/**
 * A signed-in call failed: an expired or revoked token ends the session, anything else is shown in place.
 * @param {HTMLElement} box
 * @param {unknown} error
 */
function failed(box, error) {
  if (error instanceof ApiError && error.status === 401)
    signOut('Your session has ended. Please sign in again.');
  else showError(box, error);
}

// ---- usage ----------------------------------------------------------------------------------------------

async function loadUsage() {
  hideError(view.usageError);
  try {
    renderUsage(await callApi('/v1/usage'));
  } catch (error) {
    failed(view.usageError, error);
  }
}

/**
 * @param {{ period: string, usage: { api_calls: number, transactions: number, storage_bytes: number, bandwidth_bytes: number }, limits: { transactions: number | 'unlimited' }, percentUsed: { transactions: number | null } }} report
 */
function renderUsage(report) {
  const limit = report.limits.transactions;
  const percent = report.percentUsed.transactions;
  const transactions =
    limit === 'unlimited'
      ? `${formatCount(report.usage.transactions)} (unlimited)`
      : `${formatCount(report.usage.transactions)} of ${formatCount(limit)}${percent === null ? '' : ` (${percent}% used)`}`;
  view.usageFigures.replaceChildren(
    ...figure('Period (UTC)', report.period),
    ...figure('Transactions', transactions),
    ...figure('API calls', formatCount(report.usage.api_calls)),
    ...figure('Bandwidth', formatBytes(report.usage.bandwidth_bytes)),
    ...figure('Storage', formatBytes(report.usage.storage_bytes)),
  );
  view.usageProgress.hidden = percent === null;
  if (percent !== null) {
    view.usageProgress.value = Math.min(percent, 100);
    view.usageProgress.textContent = `${percent}%`;
  }
}

/** @returns {[HTMLElement, HTMLElement]} */
function figure(/** @type {string} */ term, /** @type {string} */ value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dd.dataset['metric'] = term;
  return [dt, dd];
}

const formatCount = (/** @type {number} */ value) => new Intl.NumberFormat('en').format(value);

function formatBytes(/** @type {number} */ bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

// ---- payments -------------------------------------------------------------------------------------------

/** @param {'first' | 'next' | 'previous'} direction */
async function loadPayments(direction) {
  hideError(view.paymentsError);
  view.payments.setAttribute('aria-busy', 'true');
  const query = new URLSearchParams({ ...list.filters, limit: String(PAGE_SIZE) });
  const first = list.page[0];
  const last = list.page[list.page.length - 1];
  if (direction === 'next' && last !== undefined) query.set('starting_after', last.id);
  if (direction === 'previous' && first !== undefined) query.set('ending_before', first.id);
  try {
    const page = await callApi(`/v1/payments?${query}`);
    list.page = page.data;
    // has_more speaks of the direction just paged in; the other side is known from how we got here.
    list.hasNext = direction === 'previous' ? true : page.has_more;
    list.hasPrevious = direction === 'first' ? false : direction === 'next' ? true : page.has_more;
    renderPayments();
  } catch (error) {
    failed(view.paymentsError, error);
  } finally {
    view.payments.setAttribute('aria-busy', 'false');
  }
}

function renderPayments() {
  view.paymentRows.replaceChildren(
    ...list.page.map((payment) => {
      const row = document.createElement('tr');
      row.dataset['paymentId'] = payment.id;
      row.append(
        cell(new Date(payment.createdAt).toLocaleString()),
        cell(payment.reference),
        cell(`${payment.amountDecimal} ${payment.currency}`, 'number'),
        cell(payment.method.replace('_', ' ')),
        cell(payment.status),
      );
      return row;
    }),
  );
  view.paymentsEmpty.hidden = list.page.length > 0;
  view.previousPage.disabled = !list.hasPrevious;
  view.nextPage.disabled = !list.hasNext;
}

function cell(/** @type {string} */ text, /** @type {string} */ className = '') {
  const td = document.createElement('td');
  td.textContent = text;
  if (className !== '') td.className = className;
  return td;
}

/** The filter form as the list's query parameters; dates are whole UTC days. */
function readFilters() {
  const form = new FormData(view.filters);
  const value = (/** @type {string} */ name) => String(form.get(name) ?? '').trim();
  /** @type {Record<string, string>} */
  const filters = {};
  if (value('status') !== '') filters['status'] = value('status');
  if (value('method') !== '') filters['method'] = value('method');
  if (value('currency') !== '') filters['currency'] = value('currency').toUpperCase();
  if (value('reference') !== '') filters['reference'] = value('reference');
  if (value('from') !== '') filters['created_gte'] = `${value('from')}T00:00:00.000Z`;
  if (value('to') !== '') filters['created_lte'] = `${value('to')}T23:59:59.999Z`;
  return filters;
}

async function applyFilters(/** @type {Event} */ event) {
  event.preventDefault();
  list.filters = readFilters();
  list.page = [];
  await whileBusy(view.filters, () => loadPayments('first'));
}

// ---- create ---------------------------------------------------------------------------------------------

async function createPayment(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  hideError(view.createError);
  view.createStatus.textContent = '';
  const form = new FormData(view.createForm);
  const value = (/** @type {string} */ name) => String(form.get(name) ?? '').trim();
  const currency = value('currency').toUpperCase();
  const amount = toMinorUnits(value('amount'), currency);
  if (amount === null) {
    showError(
      view.createError,
      new ApiError(400, {
        error: 'validation_error',
        message: `The amount must be a positive number with at most ${currencyDecimals(currency)} decimals.`,
      }),
    );
    return;
  }
  /** @type {Record<string, unknown>} */
  const body = { amount, currency, method: value('method'), reference: value('reference') };
  if (value('description') !== '') body['description'] = value('description');
  await whileBusy(view.createForm, async () => {
    try {
      // The same key until the form changes: resubmitting after a lost answer replays instead of paying twice.
      const payment = await callApi('/v1/payments', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      idempotencyKey = newIdempotencyKey();
      view.createForm.reset();
      view.createStatus.textContent = `Payment ${payment.reference} created (${payment.status}).`;
      list.page = [];
      await Promise.all([loadPayments('first'), loadUsage()]);
    } catch (error) {
      failed(view.createError, error);
    }
  });
}

/**
 * Major units as typed ("10.50") to integer minor units (1050), exactly: the digits are joined as text, never
 * multiplied as floating point. Null when the text is not such an amount.
 * @returns {number | null}
 */
function toMinorUnits(/** @type {string} */ text, /** @type {string} */ currency) {
  const decimals = currencyDecimals(currency);
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (match === null) return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const minor = Number(`${whole}${fraction.padEnd(decimals, '0')}`);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** The currency's minor-unit digits as the browser's ICU data knows them (JPY 0, EUR 2, KWD 3). */
function currencyDecimals(/** @type {string} */ currency) {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2; // not a well-formed code: the API answers with its own validation error
  }
}

/** `crypto.randomUUID` needs a secure context, which a plain-http host is not; random bytes do not. */
function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `portal-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

// ---- shared ---------------------------------------------------------------------------------------------

/**
 * The API's message, the per-field details, and the code and request id support asks for.
 * @param {HTMLElement} box
 * @param {unknown} error
 */
function showError(box, error) {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(0, {
          error: 'client_error',
          message: 'Something went wrong in the page. Reload and try again.',
        });
  const message = document.createElement('p');
  message.textContent = apiError.message;
  /** @type {HTMLElement[]} */
  const parts = [message];
  if (apiError.details.length > 0) {
    const details = document.createElement('ul');
    for (const detail of apiError.details) {
      const item = document.createElement('li');
      item.textContent = [detail.field, detail.issue].filter(Boolean).join(': ');
      details.append(item);
    }
    parts.push(details);
  }
  const meta = document.createElement('p');
  meta.className = 'error-meta';
  meta.textContent = [
    `Code: ${apiError.code}`,
    apiError.requestId === null ? '' : `Request id: ${apiError.requestId}`,
  ]
    .filter(Boolean)
    .join(' · ');
  parts.push(meta);
  box.replaceChildren(...parts);
  box.dataset['code'] = apiError.code;
  box.hidden = false;
}

function hideError(/** @type {HTMLElement} */ box) {
  box.hidden = true;
  box.replaceChildren();
  delete box.dataset['code'];
}

/** Disables a form's buttons while its request runs, so a double click sends one request. */
async function whileBusy(/** @type {HTMLFormElement} */ form, /** @type {() => Promise<void>} */ work) {
  const buttons = Array.from(form.querySelectorAll('button'));
  for (const button of buttons) button.disabled = true;
  try {
    await work();
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

async function start() {
  view.signInForm.addEventListener('submit', (event) => void signIn(event));
  view.mfaForm.addEventListener('submit', (event) => void verifyMfa(event));
  view.mfaUseRecovery.addEventListener('click', () => {
    hideError(view.mfaError);
    useRecoveryCode(view.mfaUseRecovery.dataset['recovery'] !== 'on');
  });
  view.mfaCancel.addEventListener('click', leaveSecondStep);
  view.mfaEnrolForm.addEventListener('submit', (event) => void confirmEnrolment(event));
  view.mfaEnrolCancel.addEventListener('click', leaveSecondStep);
  view.recoveryCodesDone.addEventListener('click', () => void enterWorkspace());
  view.signOut.addEventListener('click', () => void logOut());
  view.filters.addEventListener('submit', (event) => void applyFilters(event));
  view.filters.addEventListener('reset', () => {
    list.filters = {};
    list.page = [];
    void loadPayments('first');
  });
  view.previousPage.addEventListener('click', () => void loadPayments('previous'));
  view.nextPage.addEventListener('click', () => void loadPayments('next'));
  view.createForm.addEventListener('submit', (event) => void createPayment(event));
  view.createForm.addEventListener('input', () => {
    idempotencyKey = newIdempotencyKey();
  });

  if (!(await loadBranding())) return;
  if (await resumeSession()) return;
  view.signIn.hidden = false;
}

void start();
