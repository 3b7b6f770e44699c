import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { readApiKeyCredential, readBearerCredential } from './read-credentials';

const KEY = `tp_live_abcdefgh_${'a'.repeat(43)}`;

describe('readBearerCredential', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(readBearerCredential({ authorization: 'Bearer abc.def.ghi' })).toBe('abc.def.ghi');
    expect(readBearerCredential({ authorization: 'bearer abc.def.ghi' })).toBe('abc.def.ghi');
  });

  it('ignores requests without the header or with another scheme', () => {
    expect(readBearerCredential({})).toBeNull();
    expect(readBearerCredential({ authorization: 'Basic dXNlcjpwYXNz' })).toBeNull();
    expect(readBearerCredential({ authorization: 'Bearerish x' })).toBeNull();
  });

  it('refuses a Bearer header with no usable token', () => {
    for (const header of ['Bearer', 'Bearer ', 'Bearer a b']) {
      expect(() => readBearerCredential({ authorization: header })).toThrow(InvalidCredentialException);
    }
  });
});

describe('readApiKeyCredential', () => {
  it('reads X-API-Key, or a Bearer credential with the API-key prefix', () => {
    expect(readApiKeyCredential({ 'x-api-key': KEY })).toBe(KEY);
    expect(readApiKeyCredential({ authorization: `Bearer ${KEY}` })).toBe(KEY);
  });

  it('leaves a Bearer JWT alone', () => {
    expect(readApiKeyCredential({ authorization: 'Bearer abc.def.ghi' })).toBeNull();
    expect(readApiKeyCredential({})).toBeNull();
  });

  it('refuses an empty or repeated X-API-Key', () => {
    expect(() => readApiKeyCredential({ 'x-api-key': '' })).toThrow(InvalidCredentialException);
    expect(() => readApiKeyCredential({ 'x-api-key': [KEY, KEY] as unknown as string })).toThrow(
      InvalidCredentialException,
    );
  });
});
