import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiErrorMessage } from './api-error-message';

export interface ApiData<T> {
  readonly data: T | null;
  readonly error: string | null;
  /** Reads again, e.g. after a change the screen made. */
  readonly reload: () => void;
}

/**
 * One read for a screen: loading (data and error null), the answer, or the failure as staff should read it.
 * `load` runs again when a key changes (a filter, a page cursor) or on reload.
 */
export function useApiData<T>(load: () => Promise<T>, keys: readonly unknown[] = []): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setError(null);
    load()
      .then((answer) => current && setData(answer))
      .catch((failure: unknown) => current && setError(apiErrorMessage(failure)));
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; the keys say when it reads something else.
  }, [generation, ...keys]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, reload };
}
