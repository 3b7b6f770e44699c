import { useState } from 'preact/hooks';
import { apiErrorMessage } from '../api/api-error-message';

/**
 * Runs a screen's action (a create, a revoke), keeping its failure to show beside the form and a busy flag to
 * disable the button while it runs, so a double click does not send twice.
 */
export function useAction(): {
  readonly busy: boolean;
  readonly error: string | null;
  readonly run: (action: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
