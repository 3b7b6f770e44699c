/** No SMTP_URL: the row stays pending (and its job retries) until the worker is given one. */
export class MailTransportNotConfiguredError extends Error {
  constructor() {
    super('SMTP_URL is not set: email cannot be delivered');
    this.name = 'MailTransportNotConfiguredError';
  }
}
