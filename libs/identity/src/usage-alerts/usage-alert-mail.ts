import type { MailContent } from '@tenantpay/mail';
import type { UsageAlert } from './usage-alert';

const METRIC_NAMES: Readonly<Record<string, string>> = {
  transactions: 'transactions',
  api_calls: 'API calls',
  storage_bytes: 'storage (bytes)',
  bandwidth_bytes: 'bandwidth (bytes)',
};

export function usageAlertMailContent(input: {
  readonly organisation: string;
  readonly alert: UsageAlert;
  readonly usageUrl: string;
}): MailContent {
  const { alert } = input;
  const metric = METRIC_NAMES[alert.metric] ?? alert.metric;
  const amounts = `${alert.value.toLocaleString('en-US')} of ${alert.limit.toLocaleString('en-US')}`;
  const reachedLimit = alert.thresholdPercent >= 100;
  return {
    subject: `${input.organisation} has used ${alert.thresholdPercent}% of its monthly ${metric}`,
    heading: reachedLimit
      ? `Monthly ${metric} limit reached`
      : `${alert.thresholdPercent}% of monthly ${metric} used`,
    paragraphs: [
      `${input.organisation} has used ${amounts} ${metric} allowed in ${alert.period} (${alert.thresholdPercent}%).`,
      reachedLimit
        ? 'Further requests that need this limit are refused until next month, unless your plan changes.'
        : 'When the limit is reached, further requests that need it are refused until next month.',
    ],
    action: { label: 'See your usage', url: input.usageUrl },
    footnote: 'Sent to the administrators of your account, once per limit and month at 80% and at 100%.',
  };
}
