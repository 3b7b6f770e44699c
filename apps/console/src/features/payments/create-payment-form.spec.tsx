import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { consoleApi } from '../../api/console-api';
import { CreatePaymentForm } from './create-payment-form';

jest.mock('../../api/console-api', () => ({ consoleApi: { GET: jest.fn(), POST: jest.fn() } }));

const api = consoleApi as unknown as { GET: jest.Mock; POST: jest.Mock };

/** Renders the form, waits for its quota check, types a payment and presses Create payment. */
async function enterPayment(amount: string, currency: string): Promise<void> {
  render(<CreatePaymentForm onCreated={() => undefined} />);
  await waitFor(() => expect(api.GET).toHaveBeenCalledWith('/v1/usage'));
  fireEvent.input(screen.getByLabelText('Amount'), { target: { value: amount } });
  fireEvent.input(screen.getByLabelText('Currency'), { target: { value: currency } });
  fireEvent.input(screen.getByLabelText('Reference'), { target: { value: 'INV-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create payment' }));
}

/** The amount the form sent to POST /v1/payments, once it has. */
async function sentAmount(): Promise<unknown> {
  await waitFor(() => expect(api.POST).toHaveBeenCalledTimes(1));
  const [route, request] = api.POST.mock.calls[0] as [string, { body: { amount: number; currency: string } }];
  expect(route).toBe('/v1/payments');
  return request.body;
}

/** What the form said instead of sending: the refusal is shown and nothing reached the API. */
async function refusal(): Promise<string> {
  const alert = await screen.findByRole('alert');
  expect(api.POST).not.toHaveBeenCalled();
  return alert.textContent ?? '';
}

describe('CreatePaymentForm, rendered: the amount typed in major units, sent in minor units', () => {
  let language: jest.SpyInstance;

  beforeEach(() => {
    api.GET.mockResolvedValue({
      usage: { transactions: 3 },
      limits: { transactions: 1000 },
      periodEnd: '2027-01-01T00:00:00.000Z',
    });
    api.POST.mockImplementation((_route: string, request: { body: { reference: string } }) =>
      Promise.resolve({ id: 'pay_1', ...request.body }),
    );
    language = jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
    language.mockRestore();
  });

  it.each([
    ['1500', 'JPY', 1500],
    ['12.50', 'EUR', 1250],
    ['1,234.5', 'USD', 123450],
    ['12.345', 'KWD', 12345],
    ['0.001', 'kwd', 1],
  ])('sends %s %s as %i minor units', async (typed, currency, minorUnits) => {
    await enterPayment(typed, currency);
    expect(await sentAmount()).toEqual(
      expect.objectContaining({ amount: minorUnits, currency: currency.toUpperCase() }),
    );
  });

  it('reads the separators of the browser language: 1.234,56 € in German', async () => {
    language.mockReturnValue('de-DE');
    await enterPayment('1.234,56', 'EUR');
    expect(await sentAmount()).toEqual(expect.objectContaining({ amount: 123456 }));
  });

  it('refuses a decimal mark the browser language does not use instead of sending a hundredfold amount', async () => {
    language.mockReturnValue('de-DE');
    await enterPayment('12.50', 'EUR');
    expect(await refusal()).toContain('Enter an amount such as 1.234,50.');
  });

  it.each([
    ['12.345', 'EUR', 'EUR has 2 decimal places.'],
    ['1.5', 'JPY', 'JPY has no decimal places.'],
    ['1.2345', 'KWD', 'KWD has 3 decimal places.'],
  ])('refuses %s %s: a fraction of a minor unit is never rounded', async (typed, currency, problem) => {
    await enterPayment(typed, currency);
    expect(await refusal()).toContain(problem);
  });

  it('shows that the payment was created, and a second payment gets a new Idempotency-Key', async () => {
    await enterPayment('10', 'EUR');
    await screen.findByText('Payment INV-1 created.');
    fireEvent.input(screen.getByLabelText('Amount'), { target: { value: '11' } });
    fireEvent.input(screen.getByLabelText('Reference'), { target: { value: 'INV-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create payment' }));
    await waitFor(() => expect(api.POST).toHaveBeenCalledTimes(2));
    const keys = api.POST.mock.calls.map(
      ([, request]) =>
        (request as { params: { header: Record<string, string> } }).params.header['Idempotency-Key'],
    );
    expect(new Set(keys).size).toBe(2);
  });
});
