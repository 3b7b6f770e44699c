import { parseBatchFile } from './parse-batch-file';

describe('parseBatchFile', () => {
  it('reads CSV with a header, amounts as integers of minor units, quoted fields kept whole', () => {
    const csv =
      'amount,currency,reference,method,description\r\n1050,EUR,INV-1,card,"Rent, March"\n' +
      '20,USD,INV-2,wallet,"Say ""hi"""\n';
    expect(parseBatchFile('march.csv', csv)).toEqual([
      { amount: 1050, currency: 'EUR', reference: 'INV-1', method: 'card', description: 'Rent, March' },
      { amount: 20, currency: 'USD', reference: 'INV-2', method: 'wallet', description: 'Say "hi"' },
    ]);
  });

  it('leaves a malformed amount as text for the API to reject on its row', () => {
    expect(parseBatchFile('a.csv', 'amount,currency\n12.50,EUR')).toEqual([
      { amount: '12.50', currency: 'EUR' },
    ]);
  });

  it('reads a JSON array as it is, and refuses anything else', () => {
    expect(parseBatchFile('a.json', '[{"amount":1,"currency":"EUR"}]')).toEqual([
      { amount: 1, currency: 'EUR' },
    ]);
    expect(() => parseBatchFile('a.json', '{"amount":1}')).toThrow(
      'The JSON file must hold an array of payments.',
    );
  });
});
