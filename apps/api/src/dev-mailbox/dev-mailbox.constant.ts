/** Routes of the development mailbox, outside the /v1 prefix (not API operations). */
export const DEV_MAILBOX_ROUTE = 'dev/mailbox';
export const DEV_MAILBOX_PAGE_ROUTE = 'dev/mailbox/page';

/** The DevMailboxReader the module builds from DEV_MAILBOX_DIR. */
export const DEV_MAILBOX_READER = Symbol('DEV_MAILBOX_READER');
