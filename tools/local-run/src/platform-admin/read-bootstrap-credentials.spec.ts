import { Readable } from 'node:stream';
import { readBootstrapCredentials } from './read-bootstrap-credentials';

describe('readBootstrapCredentials', () => {
  const noInput = () => Readable.from([]);

  it('takes the email from --email and the password from the first line of standard input', async () => {
    await expect(
      readBootstrapCredentials(
        ['--email', 'ops@bank.example'],
        {},
        Readable.from(['violet otters\njuggle\n']),
      ),
    ).resolves.toEqual({ email: 'ops@bank.example', password: 'violet otters' });
  });

  it('takes both from the environment', async () => {
    await expect(
      readBootstrapCredentials(
        [],
        { PLATFORM_ADMIN_EMAIL: 'ops@bank.example', PLATFORM_ADMIN_PASSWORD: 'from the env' },
        noInput(),
      ),
    ).resolves.toEqual({ email: 'ops@bank.example', password: 'from the env' });
  });

  it('refuses a password given as an argument, a missing email and an empty password', async () => {
    await expect(readBootstrapCredentials(['--password', 'x'], {}, noInput())).rejects.toThrow(
      /never as an argument/,
    );
    await expect(readBootstrapCredentials([], {}, noInput())).rejects.toThrow(/--email/);
    await expect(readBootstrapCredentials(['--email', 'ops@bank.example'], {}, noInput())).rejects.toThrow(
      /PLATFORM_ADMIN_PASSWORD/,
    );
  });
});
